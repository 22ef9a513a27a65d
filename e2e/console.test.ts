import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort, type ServerProcess, startServer } from '@vigia/testkit/server-process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDist } from './helpers/platform.js';
import { ConsolePage, frameDistance, PtzTile } from './pages/console-page.js';

/**
 * The operations console end to end (issue 17; the PTZ and events parts are another branch's): the
 * start command with four demo cameras, recorded and monitored as in production; an operator opens
 * the console, builds a 2×2 layout by drag and drop, saves it, runs a tour, bookmarks a moment from
 * live with the B key and finds it on the playback timeline; the demo's simulated PTZ camera moves
 * from a tile.
 */
const CAMERAS = ['Câmera de demonstração 1', 'Câmera de demonstração 2', 'Câmera de demonstração 3', 'Câmera de demonstração 4'];
let server: ServerProcess;
let dataDir: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-e2e-console-'));
  server = await startServer({
    DATA_DIR: dataDir,
    DEMO: '1',
    DEMO_CAMERAS: '4',
    DATABASE_URL: '',
    WEB_DIST: webDist,
    MEDIA_NODE: 'on',
    MEDIA_NODE_PORT: String(await freePort()),
    // The production defaults (test servers opt out of them): every camera recorded and monitored.
    RECORDING_DEFAULT: 'on',
    MEDIA_MONITOR: 'all',
    // The start command's simulated PTZ camera.
    DEMO_PTZ: 'on',
  });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await new LoginPage(page, server.url).signIn('operator@demo.vigiamais.local', 'demonstracao-vigia');
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('operations console in Chromium', () => {
  const consolePage = () => new ConsolePage(page, server.url);

  it('builds a 2×2 layout by drag and drop, saves it and gets it back after a reload', async () => {
    const c = consolePage();
    await c.open();
    await c.search('demonstração');
    await c.chooseGrid('2×2');
    for (const [i, name] of CAMERAS.entries()) await c.dragCameraToTile(name, i);
    await c.waitForFirstFrames(4);
    const placed = await c.tileCameraIds();
    expect(new Set(placed).size).toBe(4);
    await c.saveLayout('Centro 2×2');

    await c.open();
    await c.loadLayout('Centro 2×2');
    await c.waitForFirstFrames(4);
    expect(await c.tileCameraIds()).toEqual(placed);
  });

  it('runs a tour: one tile cycles through the layout’s cameras', async () => {
    const c = consolePage();
    await c.chooseGrid('1');
    await c.saveLayout('Ronda 1 câmera', { tourSeconds: 5 });
    const first = (await c.tileCameraIds())[0];
    await c.startTour();
    await c.tourStep().getByText('Grupo 2 de 4').waitFor({ timeout: 30_000 });
    const second = (await c.tileCameraIds())[0];
    expect(second).not.toBe(first);
    expect(second).toBeTruthy();
    await c.stopTour();
  });

  it('bookmarks a moment from live (B key) and finds it on the playback timeline', async () => {
    const c = consolePage();
    await c.chooseGrid('2×2');
    const cameraId = (await c.tileCameraIds())[1]!;
    await c.bookmarkFromLive(2, 'Moto sem placa', 'moto ronda');

    await page.goto(`${server.url}/app/operacoes/gravacoes/${cameraId}`);
    const list = page.getByTestId('playback-bookmarks');
    await list.getByTestId('bookmark-item').filter({ hasText: 'Moto sem placa' }).waitFor();
    expect(await list.getByTestId('bookmark-item').first().innerText()).toContain('#moto');
    const mark = page.getByTestId('bookmark-mark').first();
    await mark.waitFor();
    expect(await mark.getAttribute('title')).toContain('Moto sem placa');
    await list.getByLabel(/Buscar/).fill('#ronda');
    await list.getByTestId('bookmark-item').filter({ hasText: 'Moto sem placa' }).waitFor();
  });

  it("the demo's simulated PTZ camera turns from a console tile: the picture changes", async () => {
    const c = consolePage();
    await c.open();
    await c.search('PTZ');
    await c.chooseGrid('1');
    await c.dragCameraToTile('Câmera de demonstração PTZ', 0);
    await c.waitForFirstFrames(1);
    const ptz = new PtzTile(page, 0);
    await ptz.holder().getByText('PTZ livre').waitFor();
    await expect.poll(async () => (await ptz.frame()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await ptz.frame();
    await ptz.take();
    await ptz.hold('Para a direita', () =>
      expect.poll(async () => frameDistance(await ptz.frame(), before), { timeout: 30_000, interval: 200 }).toBeGreaterThan(12),
    );
    await ptz.control().getByRole('button', { name: 'Liberar PTZ' }).click();
    await ptz.holder().getByText('PTZ livre').waitFor();
  });
});
