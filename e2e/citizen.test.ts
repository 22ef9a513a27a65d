import { createHmac } from 'node:crypto';
import { launchBrowser } from '@vigia/testkit/browser';
import { govbrDemoAccounts } from '@vigia/testkit/govbr-provider';
import { LoginPage } from '@vigia/testkit/login-page';
import type { ServerProcess } from '@vigia/testkit/server-process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendIdentityCardRequest, signInCitizen, startCitizenPlatform } from './helpers/citizen-platform.js';

/**
 * Portal da Segurança end to end (issue 15): a citizen signs in with gov.br (the local provider),
 * pre-requests a second copy of the identity card, the fee is paid through the signed webhook,
 * Politec staff move the card to "Disponível no posto" and the citizen sees it; then the citizen
 * issues a criminal-record certificate and anyone verifies it on the public page.
 */
const ouro = govbrDemoAccounts.find((a) => a.level === 'ouro')!; // the demo seed gives this CPF an identity card already
const CLIENT = { clientId: 'vigia-e2e', clientSecret: 'segredo-do-cliente-e2e-govbr' };
const WEBHOOK_SECRET = 'segredo-do-webhook-e2e-0123456789';

let platform: Awaited<ReturnType<typeof startCitizenPlatform>>;
let server: ServerProcess;
let browser: Browser;
let citizen: Page;
let staff: Page;

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
  platform = await startCitizenPlatform(CLIENT, { TREASURY_WEBHOOK_SECRET: WEBHOOK_SECRET });
  server = platform.server;
  browser = await launchBrowser();
  citizen = await (await browser.newContext()).newPage();
  staff = await (await browser.newContext()).newPage();
  await new LoginPage(staff, server.url).signIn('politec-staff@demo.vigiamais.local', 'demonstracao-vigia');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('citizen services', () => {
  it('signs in with gov.br, pays a second copy of the identity card by webhook and follows it to "Disponível no posto"', async () => {
    await signInCitizen(citizen, server.url, ouro);
    await expect.poll(() => citizen.getByTestId('citizen-name').textContent()).toBe(ouro.name);
    expect(await citizen.getByTestId('citizen-level').textContent()).toBe('Ouro');

    await sendIdentityCardRequest(citizen, {
      birthDate: '1985-07-15',
      motherName: 'Joana Lima',
      document: 'Certidão de casamento, matrícula 123',
    });
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
    await expect
      .poll(() => citizen.getByTestId('identity-card-stage').first().textContent(), { timeout: 30_000 })
      .toBe('Disponível no posto');
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
    const consentUrl = (await citizen.getByTestId('consent-url').textContent())!;
    expect(consentUrl).toMatch(/\/consulta-antecedentes\/[\w-]+$/);
    // The employer opens the link: the answer as of now, no PDF to trust.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(consentUrl.replace(/^https?:\/\/[^/]+/, server.url));
    await expect.poll(() => visitor.getByTestId('consent-answer').textContent()).toBe('Nada consta — certidão válida.');
    expect(await visitor.content()).not.toContain(ouro.cpf);
    await citizen.getByRole('button', { name: /Revogar o link de consulta dado a Empregador/ }).click();
    await expect.poll(() => citizen.getByTestId('consent-link-status').first().textContent()).toMatch(/^Revogado em /);
    await visitor.reload();
    await expect.poll(() => visitor.getByRole('alert').textContent()).toMatch(/foi revogado pelo titular/);

    await visitor.goto(`${server.url}/cidadao/certidao/verificar`);
    await visitor.getByLabel('Código de autenticação').fill(code);
    await visitor.getByRole('button', { name: 'Verificar' }).click();
    await expect.poll(() => visitor.getByTestId('certificate-validity').textContent()).toBe('Certidão autêntica e válida.');
    expect(await visitor.getByTestId('certificate-result').textContent()).toMatch(/^NADA CONSTA/);
    expect(await visitor.content()).toContain('***.533.447-**');
    expect(await visitor.content()).not.toContain(ouro.cpf);
  }, 60_000);

  it('declares a non-injury accident with a map pick; the traffic police validate it in the back office; the code authenticates', async () => {
    const prata = govbrDemoAccounts.find((a) => a.level === 'prata')!;
    await citizen.goto(`${server.url}/cidadao/acidente`);
    await citizen.getByText('Não: declaro que ninguém se feriu').click();
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await citizen
      .getByLabel('Data e hora do acidente')
      .fill(
        `${twoHoursAgo.getFullYear()}-${pad(twoHoursAgo.getMonth() + 1)}-${pad(twoHoursAgo.getDate())}T${pad(twoHoursAgo.getHours())}:${pad(twoHoursAgo.getMinutes())}`,
      );
    // The map opens on the whole state: a click in its middle is inside Mato Grosso.
    await citizen.getByRole('application', { name: 'Mapa: clique no local do acidente' }).click();
    await expect.poll(() => citizen.locator('#accident-lat').inputValue()).not.toBe('');
    await citizen.getByLabel('Endereço ou referência').fill('Rodovia MT-130, km 12');
    await citizen.locator('#accident-plate').fill('QBC1D23');
    await citizen.locator('#party-0-name').fill(prata.name);
    await citizen.locator('#party-0-cpf').fill(prata.cpf);
    await citizen.locator('#party-0-plate').fill('RTA-1234');
    await citizen
      .getByLabel('Relato do acidente')
      .fill('Na saída do posto, o outro veículo encostou na lateral do meu. Só danos materiais.');
    await citizen.getByRole('button', { name: 'Enviar declaração' }).click();
    await expect.poll(() => citizen.getByTestId('accident-protocol').count()).toBe(1);

    const police = await (await browser.newContext()).newPage();
    await new LoginPage(police, server.url).signIn('traffic-police@demo.vigiamais.local', 'demonstracao-vigia');
    await police.goto(`${server.url}/app/transito/acidentes`);
    await police.getByRole('button', { name: 'Analisar' }).first().click();
    await police.getByRole('button', { name: 'Validar e emitir certidão' }).click();
    await expect.poll(() => police.getByText('Decisão registrada').count()).toBe(1);

    await citizen.goto(`${server.url}/cidadao`);
    await expect.poll(() => citizen.getByTestId('accident-code').count()).toBe(1);
    const code = (await citizen.getByTestId('accident-code').textContent())!;
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${server.url}/cidadao/acidente/verificar?codigo=${code}`);
    await expect.poll(() => visitor.getByTestId('accident-certificate-valid').count()).toBe(1);
    expect(await visitor.content()).toContain('***.444.777-**');
    expect(await visitor.content()).not.toContain(prata.cpf);
  }, 120_000);

  it('an anonymous visitor finds the nearest security unit with "Perto de mim"; a refused position shows a message', async () => {
    // Várzea Grande: the demo seed's illustrative Politec post there is the nearest unit.
    const context = await browser.newContext({ geolocation: { latitude: -15.6458, longitude: -56.1322 }, permissions: ['geolocation'] });
    const visitor = await context.newPage();
    await visitor.goto(`${server.url}/unidades`);
    await expect.poll(() => visitor.getByTestId('unit-item').count()).toBeGreaterThan(1);
    await visitor.getByTestId('units-near-me').click();
    await expect.poll(() => visitor.getByTestId('unit-distance').count()).toBeGreaterThan(1);
    const first = visitor.getByTestId('unit-item').first();
    expect(await first.textContent()).toContain('Posto Politec de demonstração (ilustrativo)');
    expect(await first.getByTestId('unit-distance').textContent()).toMatch(/^\d+ m$/);
    await visitor.getByLabel('Tipo de unidade').selectOption({ label: 'Corpo de Bombeiros' });
    await expect.poll(() => visitor.getByTestId('unit-item').count()).toBe(1);
    const geojson = await (await visitor.request.get(`${server.url}/api/public/security-units.geojson`)).json();
    expect(geojson.type).toBe('FeatureCollection');

    const refused = await (await browser.newContext({ permissions: [] })).newPage();
    await refused.goto(`${server.url}/unidades`);
    await refused.getByTestId('units-near-me').click();
    await expect.poll(() => refused.getByText('Localização indisponível').count(), { timeout: 30_000 }).toBe(1);
  }, 90_000);
});
