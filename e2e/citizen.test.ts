import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '@vigia/testkit/browser';
import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort, type ServerProcess, startServer } from '@vigia/testkit/server-process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDist } from './helpers/platform.js';

/**
 * Portal da Segurança end to end (issue 15): a citizen signs in with gov.br (the local provider),
 * pre-requests a second copy of the identity card, the fee is paid through the signed webhook,
 * Politec staff move the card to "Disponível no posto" and the citizen sees it; then the citizen
 * issues a criminal-record certificate and anyone verifies it on the public page.
 */
const ouro = govbrDemoAccounts.find((a) => a.level === 'ouro')!; // the demo seed gives this CPF an identity card already
const CLIENT = { clientId: 'vigia-e2e', clientSecret: 'segredo-do-cliente-e2e-govbr' };
const WEBHOOK_SECRET = 'segredo-do-webhook-e2e-0123456789';

let server: ServerProcess;
let provider: GovbrProvider;
let dataDir: string;
let browser: Browser;
let citizen: Page;
let staff: Page;
let serverUrl = '';

/** A day a week from now in Cuiabá (tests pass on any date). */
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000 - 4 * 3_600_000).toISOString().slice(0, 10);

async function staffApi(method: 'GET' | 'POST', url: string, data?: unknown) {
  const session = await (await staff.request.get(`${server.url}/api/auth/session`)).json();
  const res = await staff.request.fetch(`${server.url}${url}`, {
    method,
    headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-e2e-citizen-'));
  const providerPort = await freePort();
  server = await startServer((port) => {
    serverUrl = `http://127.0.0.1:${port}`;
    return {
      DATA_DIR: dataDir,
      DEMO: '1',
      DATABASE_URL: '',
      WEB_DIST: webDist,
      PUBLIC_URL: serverUrl,
      GOVBR_ISSUER: `http://127.0.0.1:${providerPort}`,
      GOVBR_CLIENT_ID: CLIENT.clientId,
      GOVBR_CLIENT_SECRET: CLIENT.clientSecret,
      UPF_MT_VALUE: '251.87',
      UPF_MT_REFERENCE: 'referência de teste',
      IDENTITY_CARD_SECOND_COPY_UPF: '1.5',
      PIX_KEY: 'taxas@sesp.mt.gov.br',
      TREASURY_WEBHOOK_SECRET: WEBHOOK_SECRET,
    };
  });
  provider = await startGovbrProvider({
    port: providerPort,
    clients: [{ ...CLIENT, redirectUris: [`${serverUrl}/api/citizen/auth/callback`] }],
  });
  browser = await launchBrowser();
  citizen = await (await browser.newContext()).newPage();
  staff = await (await browser.newContext()).newPage();
  await new LoginPage(staff, server.url).signIn('politec-staff@demo.vigiamais.local', 'demonstracao-vigia');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  await provider?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('citizen services', () => {
  it('signs in with gov.br, pays a second copy of the identity card by webhook and follows it to "Disponível no posto"', async () => {
    await citizen.goto(`${server.url}/cidadao`);
    await citizen.getByTestId('govbr-sign-in').click();
    await citizen.getByLabel('CPF').fill(ouro.cpf);
    await citizen.getByLabel('Senha').fill(ouro.password);
    await citizen.getByRole('button', { name: 'Entrar' }).click();
    await expect.poll(() => citizen.getByTestId('citizen-name').textContent()).toBe(ouro.name);
    expect(await citizen.getByTestId('citizen-level').textContent()).toBe('Ouro');

    await citizen.getByText('Solicitar carteira de identidade').click();
    await citizen.getByLabel('Data de nascimento').fill('1985-07-15');
    await citizen.getByLabel('Nome da mãe').fill('Joana Lima');
    await citizen.getByLabel('Documento apresentado').fill('Certidão de casamento, matrícula 123');
    await citizen.getByLabel('Dia do atendimento').fill(inAWeek());
    const post = citizen.getByLabel('Posto de identificação');
    await expect.poll(() => post.locator('option').count()).toBeGreaterThan(1);
    await post.selectOption({ index: 1 });
    await citizen.getByRole('button', { name: 'Enviar pré-solicitação' }).click();
    await expect.poll(() => citizen.getByTestId('identity-card-stage').first().textContent()).toBe('Aguardando pagamento da taxa');
    expect(await citizen.getByTestId('pix-code').inputValue()).toMatch(/^000201.*6304[0-9A-F]{4}$/);

    // The PSP's webhook, signed with the shared key.
    const fees = (await (await citizen.request.get(`${server.url}/api/citizen/fees`)).json()).fees;
    const body = JSON.stringify({ txid: fees[0].txid, amountCents: fees[0].amountCents, endToEndId: 'E2E0000000000000001' });
    const paid = await fetch(`${server.url}/api/public/fees/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature': `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    expect(await paid.json()).toEqual({ ok: true, status: 'paid' });

    const open = (await staffApi('GET', '/api/identity-cards')).requests as { id: string; name: string; stage: string }[];
    const card = open.find((r) => r.name === ouro.name && r.stage === 'scheduled')!;
    for (const stage of ['biometrics', 'production', 'shipped', 'available'])
      await staffApi('POST', `/api/identity-cards/${card.id}/stage`, { stage });

    await citizen.reload();
    await expect.poll(() => citizen.getByTestId('identity-card-stage').first().textContent()).toBe('Disponível no posto');
  }, 120_000);

  it('issues a criminal-record certificate and verifies it on the public page', async () => {
    await citizen.getByLabel('Finalidade').fill('emprego');
    await citizen.getByRole('button', { name: 'Emitir certidão' }).click();
    await expect.poll(() => citizen.getByTestId('certificate-code').count()).toBe(1);
    const code = (await citizen.getByTestId('certificate-code').textContent())!;
    // The PDF is rendered right after the issue; the page shows it is being generated until then.
    await expect.poll(() => citizen.getByRole('link', { name: 'Baixar PDF' }).count(), { timeout: 20_000 }).toBe(1);

    // A consent link for an employer, then revoked by the citizen.
    await citizen.getByRole('button', { name: /Gerar link de consulta/ }).click();
    await expect.poll(() => citizen.getByTestId('consent-link-status').first().textContent()).toBe('Ativo');
    await citizen.getByRole('button', { name: /Revogar o link de consulta dado a Empregador/ }).click();
    await expect.poll(() => citizen.getByTestId('consent-link-status').first().textContent()).toMatch(/^Revogado em /);

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${server.url}/cidadao/certidao/verificar`);
    await visitor.getByLabel('Código de autenticação').fill(code);
    await visitor.getByRole('button', { name: 'Verificar' }).click();
    await expect.poll(() => visitor.getByTestId('certificate-validity').textContent()).toBe('Certidão autêntica e válida.');
    expect(await visitor.getByTestId('certificate-result').textContent()).toMatch(/^NADA CONSTA/);
    expect(await visitor.content()).toContain('***.533.447-**');
    expect(await visitor.content()).not.toContain(ouro.cpf);
  }, 60_000);
});
