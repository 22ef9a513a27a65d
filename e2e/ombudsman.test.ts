import { launchBrowser } from '@vigia/testkit/browser';
import { govbrDemoAccounts } from '@vigia/testkit/govbr-provider';
import { LoginPage } from '@vigia/testkit/login-page';
import type { ServerProcess } from '@vigia/testkit/server-process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInCitizen, startCitizenPlatform } from './helpers/citizen-platform.js';

/**
 * Portal da Segurança, issue 16, end to end in Chromium: the citizen finds the nearest security
 * unit on /unidades with the browser's geolocation; a signed-in citizen files an ombudsman
 * complaint, the ombudsman answers it in the back office, and the citizen reads the answer and
 * rates the service, which the public performance page then counts.
 */
const prata = govbrDemoAccounts.find((a) => a.level === 'prata')!;
const CLIENT = { clientId: 'vigia-e2e-ombudsman', clientSecret: 'segredo-do-cliente-e2e-ouvidoria' };
/** Centro de Cuiabá, a few hundred metres from the demo seed's illustrative police station. */
const CUIABA = { latitude: -15.5985, longitude: -56.0995 };

let platform: Awaited<ReturnType<typeof startCitizenPlatform>>;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  platform = await startCitizenPlatform(CLIENT);
  server = platform.server;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('Portal da Segurança: units map and ombudsman', () => {
  it('the citizen finds the nearest security unit on the map ("Perto de mim" with the browser position)', async () => {
    const context = await browser.newContext({ geolocation: CUIABA, permissions: ['geolocation'], locale: 'pt-BR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/unidades`);
    await page.getByTestId('unit-item').first().waitFor();
    await page.getByTestId('units-near-me').click();
    // Ordered by distance from the position: the illustrative police station in the centre comes first.
    await expect.poll(() => page.getByTestId('unit-item').first().getByTestId('unit-distance').count()).toBe(1);
    expect(await page.getByTestId('unit-item').first().textContent()).toContain('Delegacia de demonstração');
    expect(await page.getByTestId('unit-item').first().getByTestId('unit-distance').textContent()).toMatch(/\d+ m|\d+(,\d+)? km/);
    await context.close();
  });

  it('a citizen files an ombudsman complaint, the ombudsman answers it and the citizen rates the service', async () => {
    const citizen = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await signInCitizen(citizen, server.url, prata);
    await citizen.goto(`${server.url}/ouvidoria`);
    await citizen.getByLabel('Identificada').waitFor();
    expect(await citizen.getByLabel('Identificada').isChecked()).toBe(true);
    await citizen.getByLabel('Tipo de manifestação').selectOption('complaint');
    await citizen.getByLabel('Assunto').fill('Demora no atendimento');
    await citizen
      .getByLabel('Descreva a sua manifestação')
      .fill('Esperei mais de duas horas no posto de identificação do Centro sem informação.');
    await citizen.getByRole('button', { name: 'Enviar manifestação' }).click();
    const protocol = (await citizen.getByTestId('manifestation-protocol').textContent())!.trim();
    const code = (await citizen.getByTestId('manifestation-code').textContent())!.trim();
    expect(protocol).toMatch(/^OUV-\d{4}-/);

    // The ombudsman answers it from the queue, where the 30-day clock is shown.
    const staff = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await new LoginPage(staff, server.url).signIn('ombudsman-staff@demo.vigiamais.local', 'demonstracao-vigia');
    await staff.goto(`${server.url}/app/ouvidoria`);
    const row = staff.getByTestId('ombudsman-item').filter({ hasText: protocol });
    expect(await row.getByTestId('legal-clock').first().textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \(3\d dia\(s\)\)/);
    await row.getByRole('button', { name: 'Abrir' }).click();
    await staff.getByLabel('Resposta ao manifestante').fill('O posto do Centro foi reforçado e a fila passou a ter senhas por horário.');
    await staff.getByRole('button', { name: 'Responder e concluir' }).click();
    await staff.getByText('Resposta enviada:').waitFor();

    // The citizen reads the answer by protocol + code and rates the service once.
    await citizen.goto(`${server.url}/ouvidoria/acompanhar?protocolo=${encodeURIComponent(protocol)}&codigo=${encodeURIComponent(code)}`);
    await expect.poll(() => citizen.getByTestId('manifestation-status').textContent()).toBe('Respondida');
    expect(await citizen.getByTestId('manifestation-answer').textContent()).toContain('senhas por horário');
    await citizen.getByTestId('rating-prompt').waitFor();
    await citizen.getByLabel('5 — Muito satisfeito').check();
    await citizen.getByLabel('Comentário (opcional)').fill('Resposta clara e rápida.');
    await citizen.getByRole('button', { name: 'Enviar avaliação' }).click();
    await citizen.getByText('Obrigado pela sua avaliação!').waitFor();

    // The public performance page counts it.
    const visitor = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await visitor.goto(`${server.url}/desempenho-dos-servicos`);
    const ombudsmanRow = visitor.getByTestId('performance-ombudsman');
    await expect.poll(() => ombudsmanRow.getByTestId('performance-ratings').textContent()).toBe('1');
    expect(await ombudsmanRow.getByTestId('performance-average').textContent()).toBe('5,0');
  });
});
