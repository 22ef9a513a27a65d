import { execFileSync } from 'node:child_process';
import { cameraImportColumns, clientImportColumns } from '@vigia/contracts';
import { launchBrowser } from '@vigia/testkit/browser';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort } from '@vigia/testkit/server-process';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkMailedTo } from './helpers/mailbox.js';
import { demoPoint } from './helpers/partner-camera.js';
import { startDemoPlatform } from './helpers/platform.js';
import { CameraImportPage, OperationsMapPage } from './pages/cameras-pages.js';
import { ConsentLinkPage, PlateReviewPage, SignagePlatesPage } from './pages/integrators-pages.js';
import { LivePage } from './pages/live-page.js';

/**
 * Issue 18 end to end (seed 002 BH + Segura; Decree 1.522/2022 Art. 15): the demo integrator imports
 * a spreadsheet of 5 clients with 8 cameras (GStreamer simulator, one port per camera); two clients
 * consent through the link e-mailed to them (read from DATA_DIR/mail), their cameras go live on the
 * operator's map and mosaic; one client revokes and its camera leaves the mosaic; the integrator
 * sends the plate photo of a site (position from the browser) and the committee approves it.
 */
const DEMO_PASSWORD = 'demonstracao-vigia';
const CUIABA = { latitude: -15.6014, longitude: -56.0979 };

let platform: Awaited<ReturnType<typeof startDemoPlatform>>;
let simulator: Simulator;
let browser: Browser;
let integratorContext: BrowserContext;
let integrator: Page;
let operator: Page;

/** CPF with valid check digits from 9 base digits. */
function cpf(base: string): string {
  const d = [...base].map(Number);
  for (const len of [9, 10]) {
    const r = (d.slice(0, len).reduce((s, n, i) => s + n * (len + 1 - i), 0) * 10) % 11;
    d.push(r === 10 ? 0 : r);
  }
  return d.join('');
}

/** CNPJ (numeric) with valid check digits from 12 base digits. */
function cnpj(base: string): string {
  const d = [...base].map(Number);
  for (const w of [
    [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
    [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
  ]) {
    const r = d.reduce((s, n, i) => s + n * w[i]!, 0) % 11;
    d.push(r < 2 ? 0 : 11 - r);
  }
  return d.join('');
}

const CLIENTS = [
  { key: 'ana', name: 'Ana Paula Moradora', document: cpf('123456781'), email: 'ana.moradora@exemplo.com.br', cameras: 2 },
  { key: 'padaria', name: 'Padaria Pão Quente Ltda', document: cnpj('334445550001'), email: 'padaria@exemplo.com.br', cameras: 1 },
  { key: 'condominio', name: 'Condomínio Jardim das Flores', document: cnpj('445556660001'), email: 'sindico@exemplo.com.br', cameras: 2 },
  { key: 'farmacia', name: 'Farmácia Central ME', document: cnpj('778889990001'), email: 'farmacia@exemplo.com.br', cameras: 2 },
  { key: 'joao', name: 'João Batista Comerciante', document: cpf('987654321'), email: 'joao.comerciante@exemplo.com.br', cameras: 1 },
] as const;

/** The integrator's spreadsheet: one row per camera, each on its own simulator port behind 127.0.0.1. */
async function clientSpreadsheet(): Promise<Buffer> {
  const ports = [simulator.port, ...simulator.extraPorts];
  const rows: Record<string, string | number>[] = [];
  for (const c of CLIENTS) {
    for (let k = 1; k <= c.cameras; k++) {
      const i = rows.length;
      rows.push({
        clientName: c.name,
        clientDocument: c.document,
        clientEmail: c.email,
        name: `${c.name} — câmera ${k}`,
        kind: 'Compartilhada',
        host: '127.0.0.1',
        rtspPort: ports[i]!,
        httpPort: 18_100 + i,
        rtspPath: '/cam1',
        username: simulator.user,
        password: simulator.password,
        latitude: CUIABA.latitude + (i % 4) * 0.002,
        longitude: CUIABA.longitude + Math.floor(i / 4) * 0.002,
        municipality: 'Cuiabá',
        heading: (i * 45) % 360,
        fieldOfView: 90,
        mounting: 'Fachada',
        openToPublic: 'Não',
        cameraPointId: demoPoint(),
      });
    }
  }
  const columns = [...clientImportColumns, ...cameraImportColumns];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Câmeras');
  ws.addRow(columns.map((c) => (c.required ? `${c.header} *` : c.header)));
  for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A plain JPEG without EXIF (the browser's position stands in), made by ffmpeg. */
const plainJpeg = () =>
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=0x1351b4:s=320x240', '-frames:v', '1', '-f', 'mjpeg', 'pipe:1']);

async function cameraIdsByName(page: Page): Promise<Map<string, string>> {
  const res = await page.request.get(`${platform.url}/api/cameras`);
  expect(res.status()).toBe(200);
  return new Map(((await res.json()).items as { id: string; name: string }[]).map((c) => [c.name, c.id]));
}

beforeAll(async () => {
  const mediaNodePort = await freePort();
  [platform, simulator] = await Promise.all([
    startDemoPlatform({ DEMO_CAMERAS: '0', MEDIA_NODE: 'on', MEDIA_NODE_PORT: String(mediaNodePort) }),
    startSimulator({ count: 1, extraPorts: 7, user: 'instalador', password: 'Cam3ra-S3cr3ta', size: '640x360', fps: 10 }),
  ]);
  browser = await launchBrowser();
  // The integrator's phone-in-hand: the browser gives the site's position for the plate photo.
  integratorContext = await browser.newContext({ geolocation: CUIABA, permissions: ['geolocation'], acceptDownloads: true });
  integrator = await integratorContext.newPage();
  await new LoginPage(integrator, platform.url).signIn('integrator@demo.vigiamais.local', DEMO_PASSWORD);
  operator = await (await browser.newContext()).newPage();
  await new LoginPage(operator, platform.url).signIn('operator@demo.vigiamais.local', DEMO_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await simulator?.stop();
  await platform?.stop();
});

describe('Issue 18 — an integrator shares its clients’ cameras (Art. 15; BH + Segura)', () => {
  let ids: Map<string, string>;
  const cameraOf = (client: (typeof CLIENTS)[number], k: number) => ids.get(`${client.name} — câmera ${k}`)!;
  const [ana, padaria] = CLIENTS;

  it('imports 5 clients with 8 cameras from one spreadsheet; each client is asked to consent by e-mail', async () => {
    const importPage = new CameraImportPage(integrator, platform.url);
    await importPage.open();
    expect(await integrator.getByLabel('Clientes e suas câmeras (com as colunas do cliente)').isChecked()).toBe(true);
    const summary = await importPage.importFile('clientes-e-cameras.xlsx', await clientSpreadsheet());
    expect(summary).toContain('8 câmera(s) cadastrada(s)');
    const clientRows = integrator.locator('table[aria-label="Clientes da planilha"] tbody tr');
    expect(await clientRows.count()).toBe(5);
    expect(await clientRows.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('aguardando o cliente')]));
    ids = await cameraIdsByName(integrator);
    expect(CLIENTS.every((c) => Array.from({ length: c.cameras }, (_, k) => cameraOf(c, k + 1)).every(Boolean))).toBe(true);

    // Nothing reaches the operator before a client consents.
    const before = await cameraIdsByName(operator);
    expect([...ids.values()].some((id) => [...before.values()].includes(id))).toBe(false);
  });

  it('two clients consent by the e-mailed link: their cameras go live on the operator’s map and mosaic', async () => {
    for (const client of [ana, padaria]) {
      const link = await linkMailedTo(platform.dataDir, client.email, 'autorizacao-cameras');
      const consentPage = await (await browser.newContext()).newPage();
      const consent = new ConsentLinkPage(consentPage, platform.url);
      await consent.open(link);
      await consent.consent(client.name);
      await consentPage.context().close();
    }
    const live = [cameraOf(ana, 1), cameraOf(ana, 2), cameraOf(padaria, 1)];

    const map = new OperationsMapPage(operator, platform.url);
    await map.open();
    await operator.waitForFunction(() => document.querySelectorAll('.vigia-cluster, .vigia-cam-marker').length > 0, undefined, {
      timeout: 15_000,
    });
    expect(await map.summary()).toBe('3 câmera(s) no mapa.');
    expect(new Set((await cameraIdsByName(operator)).values())).toEqual(new Set(live));

    const mosaic = new LivePage(operator, platform.url);
    await mosaic.openMosaic(4);
    await mosaic.expectVideosPlaying(3);
    expect(new Set(await mosaic.cameraIds())).toEqual(new Set(live));
  });

  it('a client revokes by its link: its camera stops and leaves the operator’s mosaic; the others keep playing', async () => {
    const revoked = cameraOf(padaria, 1);
    const link = await linkMailedTo(platform.dataDir, padaria.email, 'autorizacao-cameras');
    const consentPage = await (await browser.newContext()).newPage();
    const consent = new ConsentLinkPage(consentPage, platform.url);
    await consent.open(link);
    await consent.revoke();
    await consentPage.context().close();

    // The node cuts the viewers of a camera that is no longer eligible: its tile leaves "playing".
    await operator.waitForFunction(
      (id) => document.querySelector(`video[data-camera-id="${id}"]`)?.closest('[data-state]')?.getAttribute('data-state') !== 'playing',
      revoked,
      { timeout: 30_000 },
    );
    const mosaic = new LivePage(operator, platform.url);
    await mosaic.openMosaic(4);
    await mosaic.expectVideosPlaying(2);
    expect(new Set(await mosaic.cameraIds())).toEqual(new Set([cameraOf(ana, 1), cameraOf(ana, 2)]));
    expect(await operator.locator(`option[value="${revoked}"]`).count()).toBe(0);
  });

  it('the integrator sends the plate photo of a site (browser position) and the committee approves it; the public map counts it', async () => {
    const site = cameraOf(ana, 1);
    const plates = new SignagePlatesPage(integrator, platform.url);
    await plates.open();
    const artwork = await plates.downloadArtwork(site);
    expect(artwork.head).toBe('%PDF-');
    await plates.open();
    await plates.waitForStatus(site, 'awaiting_photo');
    const siteCode = await plates.siteCode(site);
    expect(siteCode).toMatch(/^VM-[A-Z2-9]{6}$/);
    expect(artwork.filename).toBe(`placa-${siteCode}.pdf`);
    await plates.sendPhoto(site, plainJpeg());
    expect(await plates.row(site).innerText()).toContain('pela posição do navegador');

    const committee = await (await browser.newContext()).newPage();
    await new LoginPage(committee, platform.url).signIn('committee-member@demo.vigiamais.local', DEMO_PASSWORD);
    const installed = async () =>
      ((await (await fetch(`${platform.url}/api/public/map`)).json()).sites as { platesInstalled: number }[]).reduce(
        (n, s) => n + s.platesInstalled,
        0,
      );
    const before = await installed();
    const review = new PlateReviewPage(committee, platform.url);
    await review.open();
    expect(await review.photoLoaded(siteCode)).toBe(true);
    await review.approve(siteCode);

    await plates.open();
    await plates.waitForStatus(site, 'approved');
    expect(await installed()).toBe(before + 1);
  });
});
