import { cameraImportColumns } from '@vigia/contracts';
import { launchBrowser } from '@vigia/testkit/browser';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { LoginPage } from '@vigia/testkit/login-page';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlatform } from './helpers/platform.js';
import { CameraImportPage, CameraRegistryPage, OperationsMapPage } from './pages/cameras-pages.js';

const DEMO_PASSWORD = 'demonstracao-vigia';
const CAMERAS = 20;

let platform: Awaited<ReturnType<typeof startDemoPlatform>>;
let simulator: Simulator;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [platform, simulator] = await Promise.all([
    // One demo camera: eligible to stream and approved for the public (the imported ones are not tied to an authorised point).
    startDemoPlatform({ DEMO_CAMERAS: '1' }),
    startSimulator({ count: 1, extraPorts: CAMERAS - 1, user: 'instalador', password: 'Cam3ra-S3cr3ta', size: '640x360', fps: 10 }),
  ]);
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  await new LoginPage(page, platform.url).signIn('partner-user@demo.vigiamais.local', DEMO_PASSWORD);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await simulator?.stop();
  await platform?.stop();
});

/** The technician's spreadsheet: 20 simulated cameras around Cuiabá, all behind 127.0.0.1 on their own ports. */
function technicianRows(bad: boolean): Record<string, string | number>[] {
  const ports = [simulator.port, ...simulator.extraPorts];
  const httpPort = Number(new URL(platform.url).port); // an open TCP port for the HTTP check of camera 1
  return ports.slice(0, CAMERAS).map((rtspPort, i) => ({
    name: `Simulador ${String(i + 1).padStart(2, '0')}`,
    kind: 'Compartilhada',
    assetSerial: '',
    host: '127.0.0.1',
    rtspPort,
    httpPort: i === 0 ? httpPort : 18_000 + i,
    rtspPath: '/cam1',
    username: simulator.user,
    password: simulator.password,
    latitude: bad && i === 11 ? -23.5505 : -15.6014 + (i % 5) * 0.0015,
    longitude: bad && i === 11 ? -46.6333 : -56.0979 + Math.floor(i / 5) * 0.0015,
    municipality: bad && i === 4 ? 'Cidade Inexistente' : 'Cuiabá',
    heading: (i * 37) % 360,
    fieldOfView: 90,
    mounting: i % 2 ? 'Poste' : 'Fachada',
    openToPublic: i === 0 ? 'Sim' : 'Não',
    cameraPointId: '',
  }));
}

async function spreadsheet(rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Câmeras');
  ws.addRow(cameraImportColumns.map((c) => (c.required ? `${c.header} *` : c.header)));
  for (const r of rows) ws.addRow(cameraImportColumns.map((c) => r[c.key]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('camera registry: import, self-test and map', () => {
  it('offers the template and refuses a spreadsheet with 2 bad rows, creating nothing', async () => {
    const importPage = new CameraImportPage(page, platform.url);
    await importPage.open();
    const href = await importPage.templateLink('XLSX').getAttribute('href');
    const template = await page.request.get(`${platform.url}${href}`);
    expect(template.status()).toBe(200);
    expect((await template.body()).subarray(0, 2).toString()).toBe('PK');

    const summary = await importPage.importFile('planilha-tecnico.xlsx', await spreadsheet(technicianRows(true)));
    expect(summary).toContain('Nada foi importado');
    const rows = await importPage.rows();
    expect(rows).toHaveLength(CAMERAS);
    const refused = rows.filter((r) => r.outcome === 'refused');
    expect(refused.map((r) => r.row)).toEqual([6, 13]);
    expect(refused[0]!.reasons).toContain('Município "Cidade Inexistente" não encontrado');
    expect(refused[1]!.reasons).toContain('fora de Mato Grosso');

    const list = await page.request.get(`${platform.url}/api/cameras`);
    expect((await list.json()).items.filter((c: { name: string }) => c.name.startsWith('Simulador'))).toHaveLength(0);
  });

  it('imports the corrected spreadsheet: all 20 cameras created', async () => {
    const importPage = new CameraImportPage(page, platform.url);
    await importPage.open();
    const summary = await importPage.importFile('planilha-corrigida.xlsx', await spreadsheet(technicianRows(false)));
    expect(summary).toContain('Importação concluída');
    const rows = await importPage.rows();
    expect(rows.filter((r) => r.outcome === 'created')).toHaveLength(CAMERAS);
  });

  it('runs the self-test of one camera against the GStreamer simulator and shows the snapshot', async () => {
    const registry = new CameraRegistryPage(page, platform.url);
    await registry.openList();
    await registry.openCamera('Simulador 01');
    const result = await registry.runSelfTest();
    expect(result.steps).toEqual({ dns: 'ok', rtsp_port: 'ok', http_port: 'ok', rtsp_stream: 'ok', snapshot: 'ok' });
    expect(result.ok).toBe(true);
    expect(await registry.snapshotWidth()).toBe(640);
    await page.getByText('Em funcionamento').first().waitFor();
  });

  it('generates push credentials (camera without a public IP) and shows the password only once', async () => {
    const registry = new CameraRegistryPage(page, platform.url);
    const first = await registry.generatePushCredentials();
    expect(first.url).toMatch(/^rtsp:\/\/[^/@]+:\d+\/push\/[0-9a-f-]{36}$/);
    expect(first.username).toMatch(/^cam-[0-9a-f]{8}$/);
    expect(first.password.length).toBeGreaterThanOrEqual(20);
    expect(await page.locator('#push-ffmpeg').inputValue()).toContain(`${first.username}:${first.password}@`);
    await page.reload();
    await page.getByTestId('push-status').getByText('Credenciais de envio já geradas', { exact: false }).waitFor();
    expect(await page.locator('[data-testid="push-credentials"]').count()).toBe(0);
    const second = await registry.generatePushCredentials();
    expect(second.password).not.toBe(first.password);
  });

  it('shows the cameras on the operations map, clustered, and splits a cluster on click', async () => {
    const map = new OperationsMapPage(page, platform.url);
    await map.open();
    await page.waitForFunction(() => document.querySelectorAll('.vigia-cluster, .vigia-cam-marker').length > 0, undefined, {
      timeout: 15_000,
    });
    expect(await map.summary()).toMatch(/\d+ câmera\(s\) no mapa/);
    const shown = Number((await map.summary()).match(/(\d+)/)![1]);
    expect(shown).toBeGreaterThanOrEqual(CAMERAS);
    // Zoomed out to the whole set, the 20 cameras ~300 m apart are grouped.
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await map.markers().count();
    const clusters = await map.clusters().count();
    expect(clusters).toBeGreaterThan(0);
    await map.clusters().first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.vigia-cam-marker').length > n, before, { timeout: 10_000 });
    // A marker opens a popup with the live link.
    await map.markers().first().click();
    const live = page.getByRole('link', { name: 'Ver ao vivo' });
    await live.waitFor();
    expect(await live.getAttribute('href')).toMatch(/^\/app\/operacoes\/ao-vivo\/[0-9a-f-]{36}$/);
  });

  it('shows participating sites on the public map without private details', async () => {
    const anon = await browser.newPage();
    await anon.goto(`${platform.url}/mapa`);
    await anon.getByRole('heading', { name: 'Mapa do programa' }).waitFor();
    await anon.locator('[data-testid="public-map"] .vigia-public-site').first().waitFor();
    expect(await anon.locator('.vigia-public-open-camera').count()).toBeGreaterThanOrEqual(1);
    const html = await anon.content();
    expect(html).not.toContain('Simulador 01');
    expect(html).not.toContain('127.0.0.1');
    await anon.close();
  });
});
