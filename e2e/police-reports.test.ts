import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '@vigia/testkit/browser';
import { govbrDemoAccounts } from '@vigia/testkit/govbr-provider';
import { LoginPage } from '@vigia/testkit/login-page';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInCitizen, startCitizenPlatform } from './helpers/citizen-platform.js';

/**
 * Online police station (issue 16), on screen: a citizen files a mobile-phone theft report in the
 * wizard (protocol at the first step), the station asks for the IMEI, the citizen answers, the
 * station validates it, and the report's PDF verifies on the public page.
 */
const prata = govbrDemoAccounts.find((a) => a.level === 'prata')!;
const CLIENT = { clientId: 'vigia-e2e-police', clientSecret: 'segredo-do-cliente-e2e-police' };
const IMEI = '490154203237518';

let platform: Awaited<ReturnType<typeof startCitizenPlatform>>;
let browser: Browser;
let base = '';

/** Waits that follow the page (each screen change goes through the API on a shared, loaded machine). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

beforeAll(async () => {
  platform = await startCitizenPlatform(CLIENT);
  base = platform.server.url;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** The civil-police queue: opens the report with this protocol. */
async function openInQueue(staff: Page, protocol: string) {
  await staff.goto(`${base}/app/policia-civil/ocorrencias`);
  const row = staff.getByRole('row').filter({ hasText: protocol });
  await row.getByRole('button', { name: 'Analisar' }).click();
  await staff.getByRole('region', { name: `Boletim ${protocol}` }).waitFor();
}

describe('Delegacia Virtual (on screen)', () => {
  it('mobile-phone theft: filed by the citizen, IMEI asked and answered, validated, PDF verified', async () => {
    const citizen = await (await browser.newContext()).newPage();
    await signInCitizen(citizen, base, prata);

    // Step 1: the protocol at once.
    await citizen.goto(`${base}/cidadao/ocorrencias/nova?tipo=phone_theft`);
    await citizen.getByRole('button', { name: 'Iniciar e gerar protocolo' }).click();
    const protocol = (await citizen.getByTestId('police-report-protocol').textContent()) ?? '';
    expect(protocol).toMatch(/^DV-\d{4}-/);

    // Step 2: when and where (typed coordinates: the map is optional).
    await citizen.getByLabel('Data e hora do fato').fill('2026-01-15T19:30');
    await citizen.getByLabel('Latitude', { exact: true }).fill('-15.5786');
    await citizen.getByLabel('Longitude', { exact: true }).fill('-56.0797');
    await citizen.getByLabel('Endereço ou ponto de referência').fill('Praça Alencastro, centro');
    await citizen.getByRole('button', { name: 'Salvar e continuar' }).click();

    // Step 3: the phone, without the IMEI (the citizen does not know it yet).
    await citizen.getByRole('button', { name: 'Adicionar objeto' }).click();
    await citizen.getByLabel('Descrição', { exact: true }).fill('Celular preto com capa azul');
    await citizen.getByLabel('Marca', { exact: true }).fill('Samsung');
    await citizen.getByLabel('Modelo', { exact: true }).fill('Galaxy A54');
    await citizen.getByRole('button', { name: 'Salvar e continuar' }).click();

    // Step 4: the narrative, then submission.
    await citizen
      .getByLabel('Relate o que aconteceu')
      .fill('Estava no ponto de ônibus quando percebi que o celular tinha sido retirado da minha bolsa, sem violência.');
    await citizen.getByRole('button', { name: 'Enviar à delegacia' }).click();
    await poll(() => citizen.getByTestId('police-report-status').textContent()).toBe('Em análise na delegacia');

    // The station asks for the IMEI.
    const staff = await (await browser.newContext()).newPage();
    await new LoginPage(staff, base).signIn('civil-police@demo.vigiamais.local', 'demonstracao-vigia');
    await openInQueue(staff, protocol);
    await staff.getByLabel('Mensagem ao cidadão / fundamentação').fill('Informe o IMEI do aparelho (está na caixa ou na nota fiscal).');
    await staff.getByRole('button', { name: 'Pedir mais informações' }).click();
    await staff.getByText('A delegacia pediu mais informações').first().waitFor();

    // The citizen answers.
    await citizen.reload();
    await poll(() => citizen.getByTestId('police-report-status').textContent()).toBe('A delegacia pediu mais informações');
    await citizen.getByText('Informe o IMEI do aparelho').waitFor();
    await citizen.getByLabel('Sua resposta à delegacia').fill(`O IMEI é ${IMEI}.`);
    await citizen.getByRole('button', { name: 'Enviar mensagem' }).click();
    await poll(() => citizen.getByTestId('police-report-status').textContent()).toBe('Em análise na delegacia');

    // The station reads the answer and validates.
    await openInQueue(staff, protocol);
    await staff.getByText(`O IMEI é ${IMEI}.`).waitFor();
    await staff.getByRole('button', { name: 'Validar e registrar' }).click();
    await staff
      .getByText(/código/)
      .first()
      .waitFor();

    // The citizen gets the number, the code and the PDF (rendered after the validation).
    await citizen.reload();
    await poll(() => citizen.getByTestId('police-report-status').textContent()).toBe('Registrado: boletim de ocorrência emitido');
    const code = (await citizen.getByTestId('police-report-code').textContent()) ?? '';
    await citizen.getByRole('link', { name: 'Baixar PDF' }).waitFor({ timeout: 30_000 });
    const href = await citizen.getByRole('link', { name: 'Baixar PDF' }).getAttribute('href');
    const pdf = await citizen.request.get(`${base}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-bo-')), 'boletim.pdf');
    fs.writeFileSync(file, await pdf.body());

    // Anyone verifies the copy on the public page.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${base}/verificar/${code}`);
    await visitor.getByText('BOLETIM DE OCORRÊNCIA').first().waitFor();
    await visitor.locator('#copy-file').setInputFiles(file);
    await visitor.getByRole('button', { name: 'Conferir arquivo' }).click();
    await visitor.getByText('Documento autêntico.').waitFor();

    // And by code on the citizen area's page (number, kind, station; nothing personal).
    await visitor.goto(`${base}/cidadao/ocorrencias/verificar?codigo=${encodeURIComponent(code)}`);
    await visitor.getByTestId('police-report-valid').waitFor();
    expect(await visitor.locator('main, body').first().textContent()).not.toContain(prata.name);
  });
});
