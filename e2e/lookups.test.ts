import { launchBrowser } from '@vigia/testkit/browser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlatform } from './helpers/platform.js';

/**
 * Anonymous lookups end to end (issue 16): a visitor without any sign-in finds the services on
 * /cidadao, checks a plate (the demo seed's illustrative vehicle flagged by a robbery report) and a
 * warrant (the demo seed's illustrative pending warrant), each behind the ALTCHA proof of work
 * solved by the browser's worker.
 */
let server: Awaited<ReturnType<typeof startDemoPlatform>>;
let browser: Browser;
let visitor: Page;

beforeAll(async () => {
  server = await startDemoPlatform();
  browser = await launchBrowser();
  visitor = await (await browser.newContext()).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('anonymous lookups', () => {
  it('checks a plate: the robbed demo vehicle is flagged, with its description and no owner', async () => {
    await visitor.goto(`${server.url}/cidadao`);
    await visitor.getByRole('link', { name: 'Consultar situação de veículo (furto ou roubo)' }).click();
    await visitor.locator('#vehicle-key').fill('dem-2b34'.replace('-', ''));
    await visitor.getByRole('button', { name: 'Consultar' }).click();
    const result = visitor.getByTestId('vehicle-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain('Veículo com registro de roubo');
    expect(await visitor.getByTestId('vehicle-model').textContent()).toContain('Honda Civic');
    expect(await result.textContent()).not.toMatch(/propriet[aá]rio:/i);

    await visitor.locator('#vehicle-key').fill('DEM1A23');
    await visitor.getByRole('button', { name: 'Consultar' }).click();
    await expect
      .poll(() => visitor.getByTestId('vehicle-result').textContent(), { timeout: 60_000 })
      .toContain('Sem registro de furto ou roubo');

    await visitor.locator('#vehicle-key').fill('AB-12');
    await visitor.getByRole('button', { name: 'Consultar' }).click();
    await expect.poll(() => visitor.getByText('Placa inválida').count(), { timeout: 60_000 }).toBeGreaterThan(0);
  }, 180_000);

  it("checks a warrant by full name, mother's name and birth date: number, court and date only", async () => {
    await visitor.goto(`${server.url}/cidadao`);
    await visitor.getByRole('link', { name: 'Consultar mandado de prisão' }).click();
    await visitor.locator('label[for="by-name"]').click();
    await visitor.locator('#warrant-name').fill('fulano demonstracao da silva');
    await visitor.locator('#warrant-mother').fill('Beltrana Demonstração da Silva');
    await visitor.locator('#warrant-birth').fill('1980-01-01');
    await visitor.getByRole('button', { name: 'Consultar' }).click();
    const result = visitor.getByTestId('warrant-result');
    await result.waitFor({ timeout: 60_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Há mandado de prisão pendente');
    expect(text).toContain('0000001-11.2026.8.11.0041.01.0001-01');
    expect(text).toContain('Vara Criminal de demonstração');
    expect(text).toContain('20/01/2026');

    // A partial name matches nothing.
    await visitor.locator('#warrant-name').fill('Fulano Demonstração');
    await visitor.getByRole('button', { name: 'Consultar' }).click();
    await expect
      .poll(() => visitor.getByTestId('warrant-result').textContent(), { timeout: 60_000 })
      .toContain('Nenhum mandado de prisão pendente');
  }, 180_000);
});
