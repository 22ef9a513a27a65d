import { launchBrowser } from '@vigia/testkit/browser';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { LoginPage } from '@vigia/testkit/login-page';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  deadlineFrom,
  isBusinessDay,
  nextBusinessDay,
} from '../apps/server/src/modules/calendar/business-days.js';
import { addDays, todayInCuiaba } from '../apps/server/src/modules/calendar/local-date.js';
import { startDemoPlatform } from './helpers/platform.js';
import { CameraFormPage, CameraRegistryPage } from './pages/cameras-pages.js';
import { CommitteeLoansPage, PartnerLoansPage, SanctionPages } from './pages/obligations-pages.js';

/**
 * Deadlines of the partner obligations in a real browser, against the real server's clock:
 * - guide §04 — the 90-day installation deadline and the first video of a lent camera (registered
 *   with the asset's serial, self-test with a snapshot against the GStreamer camera simulator);
 * - Decree 1.522/2022 Art. 30 §1 — defence within 10 business days of receipt (Cuiabá calendar).
 *   The API refuses a receipt date before the notification, so a browser cannot create a process
 *   received in the past: the demo seed has two (DEMO-SAN-0001: deadline ending on the seeding
 *   day, or the next business day; DEMO-SAN-0002: one business day earlier, deadline over). The
 *   expected dates are computed here with the server's own calendar rules (`deadlineFrom`).
 */
const DEMO_PASSWORD = 'demonstracao-vigia';
const TERM = 'DEMO-TCT-0001';
const SERIAL = 'DEMO-SN-0004';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const CUIABA = { municipalityIbge: '5103403' };
const shots = process.env.E2E_SCREENSHOTS ?? '/tmp';
const br = (d: string) => d.split('-').reverse().join('/');

let platform: Awaited<ReturnType<typeof startDemoPlatform>>;
let simulator: Simulator;
let browser: Browser;
let committeeCtx: BrowserContext;
let partnerCtx: BrowserContext;
let committee: Page;
let partner: Page;

beforeAll(async () => {
  [platform, simulator] = await Promise.all([
    startDemoPlatform(),
    startSimulator({ count: 1, user: 'instalador', password: 'Cam3ra-S3cr3ta', size: '640x360', fps: 10 }),
  ]);
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
  await simulator?.stop();
  await platform?.stop();
});

describe('installation deadline (guide §04)', () => {
  let loanId = '';

  it('starts 90 days at pickup; a camera registered with the lent serial delivers its first video and closes the deadline', async () => {
    const sesp = new CommitteeLoansPage(committee, platform.url);
    loanId = await sesp.newLoan(TERM, [SERIAL]);
    expect(await sesp.installation()).toContain('Aguardando retirada');
    await new PartnerLoansPage(partner, platform.url).schedulePickup(loanId, {
      name: 'João Portador',
      cpf: '529.982.247-25',
      authorisation: PDF,
    });
    await sesp.openLoan(loanId);
    const pickedUpOn = todayInCuiaba();
    expect(await sesp.recordPickup()).toContain('termo de responsabilidade');
    expect(await sesp.installation()).toBe(`Instalação em andamento — prazo ${br(addDays(pickedUpOn, 90))}`);

    // the partner installs the lent camera and registers it with the asset's serial
    await new CameraFormPage(partner, platform.url).registerLentCamera({
      name: 'Câmera cedida DEMO-SN-0004',
      serial: SERIAL,
      host: '127.0.0.1',
      rtspPort: simulator.port,
      httpPort: Number(new URL(platform.url).port), // an open TCP port for the HTTP check
      rtspPath: '/cam1',
      username: simulator.user,
      password: simulator.password,
      latitude: -11.8604,
      longitude: -55.5091,
      municipality: 'Sinop',
    });
    const registry = new CameraRegistryPage(partner, platform.url);
    const result = await registry.runSelfTest();
    expect(result.steps).toMatchObject({ rtsp_stream: 'ok', snapshot: 'ok' });
    expect(result.ok).toBe(true);
    expect(await registry.snapshotWidth()).toBe(640);

    // the `loan-installation` sweep (every 30 s) takes the self-test snapshot as the first video
    // and closes the deadline: poll the loan page, bounded
    const own = new PartnerLoansPage(partner, platform.url);
    const until = Date.now() + 120_000;
    let fact = '';
    for (;;) {
      await own.openLoan(loanId);
      fact = await own.installation();
      if (fact.startsWith('Instalação concluída') || Date.now() > until) break;
      await partner.waitForTimeout(3_000);
    }
    expect(fact).toContain('Instalação concluída');
    await partner.screenshot({ path: `${shots}/obligations-installation.png`, fullPage: true });
  }, 240_000);
});

describe('sanction defence deadline (Art. 30 §1: 10 business days from receipt, Cuiabá)', () => {
  const today = todayInCuiaba();
  // the last day on which a deadline may end and still be open today
  const lastOpenDay = isBusinessDay(today, CUIABA) ? today : nextBusinessDay(today, CUIABA);
  const inTime = { receivedOn: addBusinessDays(lastOpenDay, -10, CUIABA), dueOn: lastOpenDay };
  const late = { receivedOn: addBusinessDays(lastOpenDay, -11, CUIABA), dueOn: addBusinessDays(lastOpenDay, -1, CUIABA) };

  it('the server calendar gives the expected deadlines (10th business day today, or the next one on a non-business day)', () => {
    expect(deadlineFrom(inTime.receivedOn, 10, CUIABA)).toBe(inTime.dueOn);
    expect(deadlineFrom(late.receivedOn, 10, CUIABA)).toBe(late.dueOn);
    expect(late.dueOn < today).toBe(true);
    if (isBusinessDay(today, CUIABA)) {
      expect(businessDaysBetween(inTime.receivedOn, today, CUIABA)).toBe(10);
      expect(businessDaysBetween(late.receivedOn, today, CUIABA)).toBe(11);
    }
  });

  it('the committee cannot give a receipt date before the notification', async () => {
    const out = await new SanctionPages(committee, platform.url).notifyReceivedOn(
      TERM,
      'Câmera cedida sem sinalização obrigatória.',
      inTime.receivedOn,
    );
    expect(out).toEqual({ error: expect.stringContaining('O recebimento não pode ser anterior à notificação') });
  });

  it('a defence filed on the 10th business day is accepted', async () => {
    const pages = new SanctionPages(partner, platform.url);
    await pages.openAsPartner('DEMO-SAN-0001');
    const facts = await pages.facts();
    expect(facts['Recebimento da notificação']).toBe(br(inTime.receivedOn));
    expect(facts['Prazo de defesa (10 dias úteis, art. 30, § 1º)']).toMatch(new RegExp(`até ${br(inTime.dueOn)}\\s+Prazo em curso`));
    expect(await pages.submitDefence('A câmera voltou a enviar imagens após a troca da fonte; juntamos o laudo.')).toBe(
      'Defesa apresentada dentro do prazo.',
    );
    await partner.getByText('Defesa apresentada').first().waitFor();
    expect((await pages.facts())['Defesa']).toContain('troca da fonte');
  });

  it('a defence filed on the 11th business day is refused as late', async () => {
    const pages = new SanctionPages(partner, platform.url);
    const id = await pages.openAsPartner('DEMO-SAN-0002');
    const facts = await pages.facts();
    expect(facts['Recebimento da notificação']).toBe(br(late.receivedOn));
    expect(facts['Prazo de defesa (10 dias úteis, art. 30, § 1º)']).toMatch(new RegExp(`até ${br(late.dueOn)}\\s+Prazo encerrado`));
    // the page no longer offers the form and says why
    expect(await pages.defenceForm().count()).toBe(0);
    expect(await pages.lateNotice()).toBe(`O prazo de defesa terminou em ${br(late.dueOn)}.`);
    await partner.screenshot({ path: `${shots}/obligations-defence-late.png`, fullPage: true });
    // a defence sent anyway (e.g. a form left open past the deadline) is refused by the server
    const refused = await pages.postDefence(id, 'Defesa enviada depois do prazo de dez dias úteis.');
    expect(refused).toEqual({
      status: 409,
      code: 'SANCTION_DEFENCE_LATE',
      message: `O prazo de defesa terminou em ${br(late.dueOn)} (10 dias úteis a partir do recebimento em ${br(late.receivedOn)} — Decreto 1.522/2022, art. 30, § 1º).`,
    });
    await pages.openAsPartner('DEMO-SAN-0002');
    expect((await pages.facts())['Defesa']).toBe('Não apresentada');
  });
});
