import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPartnerCamera } from './helpers/partner-camera.js';
import { startDemoPlatform } from './helpers/platform.js';
import { PublicAccessRequestsPage } from './pages/cameras-pages.js';
import {
  AccountabilityPages,
  CommitteeLoansPage,
  ComplaintPortalPages,
  ComplaintTriagePage,
  documents,
  InspectionPages,
  PartnerLoansPage,
  SanctionPages,
} from './pages/obligations-pages.js';

/**
 * Partner obligations in a real browser (Decree 1.522/2022 Art. 17–20, 28–30): the demo seed gives
 * the demo cooperative an active cooperation (DEMO-TCT-0001) and assets DEMO-SN-0001…0006 in stock.
 * Deadline cases (10th vs 11th business day, installation by first video) are in obligations-deadlines.test.ts.
 */
const DEMO_PASSWORD = 'demonstracao-vigia';
const TERM = 'DEMO-TCT-0001';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF-teste')]);
const shots = process.env.E2E_SCREENSHOTS ?? '/tmp';

let platform: Awaited<ReturnType<typeof startDemoPlatform>>;
let browser: Browser;
let committeeCtx: BrowserContext;
let partnerCtx: BrowserContext;
let committee: Page;
let partner: Page;
let loanId = '';
let loanNumber = '';

const isoDate = (days: number) => new Date(Date.now() - 4 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  platform = await startDemoPlatform();
  browser = await launchBrowser();
  committeeCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  partnerCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  committee = await committeeCtx.newPage();
  partner = await partnerCtx.newPage();
  await new LoginPage(committee, platform.url).signIn('committee-member@demo.vigiamais.local', DEMO_PASSWORD);
  await new LoginPage(partner, platform.url).signIn('partner-user@demo.vigiamais.local', DEMO_PASSWORD);
});
afterAll(async () => {
  await committeeCtx?.close();
  await partnerCtx?.close();
  await browser?.close();
  await platform?.stop();
});

describe('equipment loan (Art. 17–18)', () => {
  it('goes from asset stock to pickup: loan term, scheduled pickup with authorisation, responsibility term', async () => {
    const sesp = new CommitteeLoansPage(committee, platform.url);
    loanId = await sesp.newLoan(TERM, ['DEMO-SN-0001', 'DEMO-SN-0002']);
    loanNumber = (await committee.getByRole('heading', { name: /Cessão nº/ }).innerText()).replace(/.*nº\s*/, '').trim();
    await committee.getByText('Aguardando o parceiro agendar a retirada').waitFor();
    expect((await documents(committee)).length).toBeGreaterThanOrEqual(1);

    const scheduled = await new PartnerLoansPage(partner, platform.url).schedulePickup(loanId, {
      name: 'João Portador',
      cpf: '529.982.247-25',
      authorisation: PDF,
    });
    expect(scheduled).toContain('Retirada agendada');

    await sesp.openLoan(loanId);
    expect(await sesp.recordPickup()).toContain('termo de responsabilidade');
    expect(await committee.getByRole('definition').first().innerText()).toContain('Em cessão de uso');
    await committee.screenshot({ path: `${shots}/obligations-loan.png`, fullPage: true });

    // the partner sees the acts and can download them; each has a public verification page
    await partner.goto(`${platform.url}/app/cessoes/${loanId}`);
    await partner.getByText('Em cessão de uso').first().waitFor();
    const docs = await documents(partner);
    expect(docs.length).toBeGreaterThanOrEqual(3); // loan term + responsibility term, PDF and DOCX
    const pdf = docs.find((d) => d.href);
    const download = await partner.request.get(`${platform.url}${pdf!.href}`);
    expect(download.status()).toBe(200);
    const verify = await partner.request.get(`${platform.url}/api/public/documents/${encodeURIComponent(pdf!.code)}`);
    expect(verify.status()).toBe(200);
  });

  it('records a theft with the police report number (Art. 18 §1)', async () => {
    const partnerPages = new PartnerLoansPage(partner, platform.url);
    const msg = await partnerPages.reportIncident({
      loanNumber,
      serial: 'DEMO-SN-0001',
      kind: 'Roubo ou furto',
      policeReport: 'BO 2026/123456',
      description: 'Câmera furtada do poste durante a madrugada.',
    });
    expect(msg).toContain('art. 18, § 1º');
    const row = partner.getByRole('table', { name: 'Ocorrências com equipamentos' }).getByRole('row').filter({ hasText: 'DEMO-SN-0001' });
    expect(await row.innerText()).toContain('BO 2026/123456');
  });

  it('replaces a defective camera under warranty with a new serial (Art. 18 §3)', async () => {
    await new PartnerLoansPage(partner, platform.url).reportIncident({
      loanNumber,
      serial: 'DEMO-SN-0002',
      kind: 'Defeito coberto pela garantia',
      description: 'A câmera não liga depois de uma semana de uso.',
    });
    const sesp = new CommitteeLoansPage(committee, platform.url);
    expect(await sesp.replaceUnderWarranty('DEMO-SN-0002', 'DEMO-SN-0003')).toContain('DEMO-SN-0003');
    expect(await sesp.incidentRow('DEMO-SN-0002').innerText()).toContain('DEMO-SN-0003');
    await sesp.openLoan(loanId);
    await committee.getByRole('rowheader', { name: 'DEMO-SN-0003' }).waitFor();
  });
});

describe('accountability report (Art. 19)', () => {
  it('is requested by SESP, filled and submitted by the partner, and approved', async () => {
    const pages = new AccountabilityPages(committee, platform.url);
    const id = await pages.request(TERM, 'Relatório semestral de uso das câmeras cedidas.');
    // prefilled facts: uptime honestly "não medido" without health data
    await committee
      .getByText(/não medido/i)
      .first()
      .waitFor();
    const submitted = await new AccountabilityPages(partner, platform.url).fillAndSubmit(id, {
      activities: 'Instalamos as câmeras cedidas nos postes da avenida principal e fazemos a manutenção mensal.',
      results: 'Redução de ocorrências na região e apoio a duas investigações.',
      photo: JPEG,
    });
    expect(submitted).toContain('enviada');
    expect(await pages.approve(id, 'Relatório completo e coerente com os dados da plataforma.')).toContain('Análise registrada');
    await committee.getByText('Aprovada').first().waitFor();
  });
});

describe('inspection (Art. 28 §1, Art. 20)', () => {
  it('is scheduled and recorded with a fault, findings, photo and follow-up deadline', async () => {
    const pages = new InspectionPages(committee, platform.url);
    await pages.schedule(TERM, `${isoDate(1)}T10:00`, 'Av. Principal, 100 — Sinop');
    const msg = await pages.record({
      faults: ['Placa oficial'],
      findings: 'Placa do programa ausente no poste 2.',
      followUpDueOn: isoDate(30),
      photo: JPEG,
    });
    expect(msg).toContain('Vistoria registrada');
    const facts = await committee.getByRole('definition').allInnerTexts();
    expect(facts).toContain('1');
    await committee.getByRole('table', { name: 'Lista de verificação' }).getByText('Falha').waitFor();
    await committee.screenshot({ path: `${shots}/obligations-inspection.png`, fullPage: true });
  });
});

describe('citizen complaint (Art. 28 §2)', () => {
  it('is filed anonymously, triaged by SESP and followed by protocol on the portal', async () => {
    const anon = await browser.newPage();
    const portal = new ComplaintPortalPages(anon, platform.url);
    const protocol = await portal.file({
      subject: 'Rua das Flores, 45 — Sinop',
      description: 'A câmera do poste está virada para dentro do quintal de uma casa.',
    });
    expect(protocol.length).toBeGreaterThanOrEqual(8);
    await anon.screenshot({ path: `${shots}/obligations-complaint.png`, fullPage: true });
    expect((await portal.lookup(protocol)).status).toBe('Recebida');

    await new ComplaintTriagePage(committee, platform.url).investigateAndPublish(
      protocol,
      TERM,
      'Encaminhada à vistoria da cooperação responsável.',
      'A câmera foi reposicionada para a via pública após vistoria.',
    );
    const after = await portal.lookup(protocol);
    expect(after.status).toBe('Concluída');
    expect(after.outcome).toContain('reposicionada');
    // the public lookup never shows the complaint text
    expect(await anon.content()).not.toContain('quintal');
    await anon.close();
  });
});

describe('sanction process (Art. 30)', () => {
  it('notifies the partner with the computed defence deadline; the defence is filed in time', async () => {
    const sesp = new SanctionPages(committee, platform.url);
    const id = await sesp.notify(TERM, 'Câmera cedida voltada para área privada, constatada em vistoria.');
    expect(await sesp.defenceDue()).toMatch(/até \d{2}\/\d{2}\/\d{4}.*Prazo em curso/s);
    expect(await sesp.limitation()).toContain('Não prescrita');
    await committee.screenshot({ path: `${shots}/obligations-sanction.png`, fullPage: true });

    const msg = await new SanctionPages(partner, platform.url).fileDefence(id, 'A câmera foi reposicionada no mesmo dia; juntamos fotos.');
    expect(msg).toContain('Defesa apresentada');
    await partner.getByText('Defesa apresentada').first().waitFor();
    await partner.screenshot({ path: `${shots}/obligations-defence.png`, fullPage: true });
  });
});

describe('opening a camera to the public (Art. 26 §2)', () => {
  it('the committee finds the partner’s request and defers it only with a reason', async () => {
    const name = 'Praça central — pedido de abertura';
    const id = await registerPartnerCamera(browser, platform.url, {
      name,
      rtspPort: 8654,
      httpPort: 8680,
      rtspPath: '/praca',
      openToPublic: true,
    });
    const queue = new PublicAccessRequestsPage(committee, platform.url);
    await queue.open();
    const card = queue.card(name);
    expect(await card.innerText()).toContain('Cooperativa Demonstração do Norte');
    await committee.screenshot({ path: `${shots}/obligations-public-access.png`, fullPage: true });

    expect(await queue.decide(name, 'Deferir', '')).toContain('ao menos 10 caracteres');
    expect(await queue.decide(name, 'Deferir', 'Local de interesse público, sem áreas privadas no campo de visão.')).toBeNull();
    await card.waitFor({ state: 'detached' });
    const camera = await committee.evaluate(async (cameraId) => (await fetch(`/api/cameras/${cameraId}`)).json(), id);
    expect(camera.publicAccess).toBe('approved');
  });
});
