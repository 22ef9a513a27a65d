import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { freePort, startServer, type ServerProcess } from '../apps/server/test/helpers/server-process.js';
import { launchBrowser } from './helpers/browser.js';
import { webDist } from './helpers/platform.js';
import { LoginPage } from './pages/login-page.js';

/**
 * Playback end to end: the start command records two demo cameras (RECORDING_DEFAULT=on, 2 s
 * segments); an operator opens the playback page, gives a reason, goes to an instant a few seconds
 * back and the video plays; then two cameras play synchronised on one time cursor.
 */
let server: ServerProcess;
let dataDir: string;
let browser: Browser;
let page: Page;
let cams: { id: string; name: string }[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-e2e-rec-'));
  server = await startServer({
    DATA_DIR: dataDir, DEMO: '1', DEMO_CAMERAS: '2', DATABASE_URL: '', WEB_DIST: webDist,
    MEDIA_NODE: 'on', MEDIA_NODE_PORT: String(await freePort()),
    RECORDING_DEFAULT: 'on', RECORDING_SEGMENT_SECONDS: '2', RECORDING_FRAGMENT_MS: '500',
  });
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  await new LoginPage(page, server.url).signIn('operator@demo.vigiamais.local', 'demonstracao-vigia');
  cams = (await page.evaluate(async () => (await (await fetch('/api/cameras')).json()).items)) as { id: string; name: string }[];
  cams.sort((a, b) => a.name.localeCompare(b.name));
  // A few seconds of footage of both cameras.
  const recorded = async () =>
    page.evaluate(async (ids) => {
      const to = new Date(Date.now() + 60_000).toISOString();
      const from = new Date(Date.now() - 600_000).toISOString();
      const spans = await Promise.all(ids.map(async (id) => (await (await fetch(`/api/recordings/${id}/timeline?from=${from}&to=${to}`)).json()).spans as { from: string; to: string }[]));
      return Math.min(...spans.map((s) => s.reduce((a, x) => a + Date.parse(x.to) - Date.parse(x.from), 0)));
    }, cams.slice(0, 2).map((c) => c.id));
  const end = Date.now() + 60_000;
  while ((await recorded()) < 6000) {
    if (Date.now() > end) throw new Error('no recordings');
    await new Promise((r) => setTimeout(r, 500));
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function playFromSecondsAgo(seconds: number) {
  await page.getByLabel(/Motivo ou número do procedimento/).fill('BO 4321/2026 — teste de reprodução');
  await page.getByRole('button', { name: 'Confirmar motivo' }).click();
  await page.evaluate((s) => {
    const ms = Date.now() - s * 1000;
    const v = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    const input = document.querySelector<HTMLInputElement>('#pb-goto')!;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, seconds);
  await page.getByRole('button', { name: 'Ir para' }).click();
}

async function expectVideosPlaying(count: number, by = 1) {
  await page.waitForFunction((n) => document.querySelectorAll('video').length === n && [...document.querySelectorAll('video')].every((v) => v.currentTime > 0 && v.readyState >= 2), count, { timeout: 20_000 });
  const t0 = await page.evaluate(() => [...document.querySelectorAll('video')].map((v) => v.currentTime));
  await page.waitForFunction(({ t0, by }) => [...document.querySelectorAll('video')].every((v, i) => !v.paused && v.currentTime > t0[i]! + by), { t0, by }, { timeout: 20_000 });
}

describe('playback in Chromium', () => {
  it('plays a camera from a chosen instant, with the reason required first', async () => {
    await page.goto(`${server.url}/app/operacoes/gravacoes`);
    await page.getByRole('link', { name: cams[0]!.name, exact: true }).click();
    await page.waitForURL(/\/app\/operacoes\/gravacoes\/[0-9a-f-]{36}$/);
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByRole('button', { name: 'Ir para' }).isDisabled()).toBe(true);
    await playFromSecondsAgo(6);
    await expectVideosPlaying(1);
    const seekMs = Number(await page.locator('video').getAttribute('data-seek-ms'));
    expect(seekMs).toBeGreaterThan(0);
  });

  it('plays two cameras synchronised on one time cursor', async () => {
    await page.goto(`${server.url}/app/operacoes/gravacoes/${cams[0]!.id}?com=${cams[1]!.id}`);
    await playFromSecondsAgo(6);
    await expectVideosPlaying(2);
    const [a, b] = await page.evaluate(() => [...document.querySelectorAll('video')].map((v) => v.currentTime));
    expect(Math.abs(a! - b!)).toBeLessThan(0.6);
  });
});
