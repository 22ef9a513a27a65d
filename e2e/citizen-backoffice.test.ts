import { launchBrowser } from '@vigia/testkit/browser';
import { type GovbrAccount, govbrDemoAccounts } from '@vigia/testkit/govbr-provider';
import { LoginPage } from '@vigia/testkit/login-page';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendIdentityCardRequest, signInCitizen, startCitizenPlatform } from './helpers/citizen-platform.js';
import { PolitecCertificatesPage, PolitecCriminalRecordsPage, PolitecFeesPage, PolitecIdentityCardsPage } from './pages/politec-pages.js';

/**
 * Politec's back office for the Portal da Segurança (issue 15), on screen: a staff member moves an
 * identity-card request through every stage, decides a certificate held in analysis by a homonym,
 * and confirms a second copy's fee by hand; the citizen sees each result on "Meus serviços".
 */
const prata = govbrDemoAccounts.find((a) => a.level === 'prata')!;
const ouro = govbrDemoAccounts.find((a) => a.level === 'ouro')!; // the demo seed gives this CPF an identity card already
const CLIENT = { clientId: 'vigia-e2e-politec', clientSecret: 'segredo-do-cliente-e2e-politec' };

let platform: Awaited<ReturnType<typeof startCitizenPlatform>>;
let browser: Browser;
let staff: Page;
let base = '';

/** Waits that follow the page (each screen change goes through the API on a shared, loaded machine). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

beforeAll(async () => {
  platform = await startCitizenPlatform(CLIENT);
  base = platform.server.url;
  browser = await launchBrowser();
  staff = await (await browser.newContext()).newPage();
  await new LoginPage(staff, base).signIn('politec-staff@demo.vigiamais.local', 'demonstracao-vigia');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function citizenSignedIn(account: GovbrAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInCitizen(page, base, account);
  expect(await page.getByTestId('citizen-name').textContent()).toBe(account.name);
  return page;
}

async function requestIdentityCard(page: Page): Promise<{ protocol: string; fee: { txid: string } | null }> {
  await sendIdentityCardRequest(page, {
    birthDate: '1988-11-03',
    motherName: 'Helena Souza',
    document: 'Certidão de nascimento, matrícula 456',
  });
  await page.getByTestId('identity-card-request').first().waitFor();
  expect(await page.getByTestId('identity-card-request').count()).toBe(1);
  const mine = (await (await page.request.get(`${base}/api/citizen/identity-cards`)).json()).requests;
  return mine[0];
}

describe('Politec back office (on screen)', () => {
  it('moves an identity-card request through biometrics, production, shipping, availability and delivery', async () => {
    const citizen = await citizenSignedIn(prata);
    const { protocol } = await requestIdentityCard(citizen);
    await expect
      .poll(() => citizen.getByTestId('identity-card-stage').first().textContent())
      .toBe('Agendado: compareça ao posto para a coleta biométrica');

    const cards = new PolitecIdentityCardsPage(staff, base);
    await cards.open();
    await poll(() => cards.stageOf(protocol)).toBe('Agendado: compareça ao posto para a coleta biométrica');
    for (const label of ['Biometria coletada', 'Em produção', 'Enviado ao posto', 'Disponível no posto']) {
      await cards.register(protocol, label);
      await poll(() => cards.notice().textContent()).toBe(`Protocolo ${protocol}: ${label}.`);
      await poll(() => cards.stageOf(protocol)).toBe(label);
    }
    await citizen.reload();
    await poll(() => citizen.getByTestId('identity-card-stage').first().textContent()).toBe('Disponível no posto');

    // Delivery needs the RG number; the delivered request leaves the work list.
    await cards.register(protocol, 'Entregue');
    await poll(() => staff.getByText('Informe o número do RG entregue.').count()).toBeGreaterThan(0);
    await cards.register(protocol, 'Entregue', '7654321-0 SSP/MT');
    await poll(() => cards.notice().textContent()).toBe(`Protocolo ${protocol}: Entregue.`);
    await poll(() => cards.row(protocol).count()).toBe(0);
    await citizen.reload();
    await poll(() => citizen.getByTestId('identity-card-stage').first().textContent()).toBe('Entregue');
  }, 120_000);

  it('decides a certificate held in analysis by a homonym: the CPF is masked, the deadline shown, the certificate issued', async () => {
    // Someone else with the citizen's name in the records base (no CPF): a homonym, entered on screen.
    const records = new PolitecCriminalRecordsPage(staff, base);
    await records.open();
    await records.add({
      name: prata.name,
      description: 'Furto (art. 155 CP)',
      court: '1ª Vara Criminal',
      status: 'Transitada em julgado (em vigor)',
    });
    await poll(() => records.notice().textContent()).toBe('Registro incluído na base: Furto (art. 155 CP).');

    const citizen = await citizenSignedIn(prata);
    await citizen.getByLabel('Finalidade').fill('emprego');
    await citizen.getByRole('button', { name: 'Emitir certidão' }).click();
    await expect
      .poll(() => citizen.getByTestId('certificate-status').first().textContent())
      .toBe('Em análise (homônimo ou registro a conferir)');
    const [request] = (await (await citizen.request.get(`${base}/api/citizen/criminal-certificates`)).json()).certificates;

    const queue = new PolitecCertificatesPage(staff, base);
    await queue.open();
    const card = queue.card(request.protocol);
    await poll(() => card.getByTestId('queue-cpf').textContent()).toBe('***.444.777-**');
    expect(await card.getByTestId('queue-deadline').textContent()).toMatch(/1[45] dia\(s\) restante\(s\)$/);
    expect(await staff.content()).not.toContain(prata.cpf);
    await queue.issue(request.protocol);
    await expect
      .poll(() => queue.notice().textContent())
      .toMatch(new RegExp(`^Pedido ${request.protocol}: certidão emitida \\(código .+\\)\\.$`));
    await poll(() => card.count()).toBe(0);

    await citizen.reload();
    await poll(() => citizen.getByTestId('certificate-status').first().textContent()).toBe('Emitida');
    await poll(() => citizen.getByTestId('certificate-code').count()).toBe(1);
  }, 120_000);

  it('keeps the records base on screen: an entry on a CPF is looked up with its purpose and marked served', async () => {
    const records = new PolitecCriminalRecordsPage(staff, base);
    await records.open();
    const cpf = '123.456.789-09';
    await records.add({
      cpf,
      name: 'Pessoa Fictícia de Teste',
      description: 'Lesão corporal (art. 129 CP)',
      court: '2ª Vara Criminal',
      status: 'Transitada em julgado (em vigor)',
    });
    await poll(() => records.notice().textContent()).toBe('Registro incluído na base: Lesão corporal (art. 129 CP).');
    await records.search(cpf, 'revisão da situação após guia de execução');
    const card = records.record('Lesão corporal (art. 129 CP)');
    await poll(() => card.getByTestId('record-status').textContent()).toBe('Transitada em julgado (em vigor)');
    await records.changeStatus('Lesão corporal (art. 129 CP)', 'Pena cumprida', 'Guia de execução 12/2026');
    await poll(() => records.notice().textContent()).toBe('Registro “Lesão corporal (art. 129 CP)”: Pena cumprida.');
    await poll(() => card.getByTestId('record-status').textContent()).toBe('Pena cumprida');
  }, 60_000);

  it('confirms a second copy fee by hand and the request is scheduled', async () => {
    const citizen = await citizenSignedIn(ouro);
    const { fee } = await requestIdentityCard(citizen);
    await poll(() => citizen.getByTestId('identity-card-stage').first().textContent()).toBe('Aguardando pagamento da taxa');

    const fees = new PolitecFeesPage(staff, base);
    await fees.open();
    await fees.confirm(fee!.txid, 'Extrato BB 2026-12 lançamento 0042');
    await poll(() => fees.notice().textContent()).toBe(`Taxa ${fee!.txid}: pagamento confirmado.`);

    await citizen.reload();
    await expect
      .poll(() => citizen.getByTestId('identity-card-stage').first().textContent())
      .toBe('Agendado: compareça ao posto para a coleta biométrica');
  }, 120_000);
});
