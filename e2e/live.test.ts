import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { freePort, startServer, type ServerProcess } from '../apps/server/test/helpers/server-process.js';
import { launchBrowser } from './helpers/browser.js';
import { webDist } from './helpers/platform.js';
import { OperationsMapPage } from './pages/cameras-pages.js';
import { LivePage } from './pages/live-page.js';
import { LoginPage } from './pages/login-page.js';

/**
 * Live view end to end: the start command with DEMO_CAMERAS=9 runs the API, the media node (child
 * process, embedded database through the SQL gateway) and the GStreamer simulator; an operator
 * opens one camera live, one from the operations map, and then a 3×3 mosaic in Chromium
 * (WebSocket + MSE).
 */
let server: ServerProcess;
let dataDir: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-e2e-live-'));
  server = await startServer({
    DATA_DIR: dataDir, DEMO: '1', DEMO_CAMERAS: '9', DATABASE_URL: '', WEB_DIST: webDist,
    MEDIA_NODE: 'on', MEDIA_NODE_PORT: String(await freePort()),
  });
  browser = await launchBrowser();
  const context = await browser.newContext();
  page = await context.newPage();
  await new LoginPage(page, server.url).signIn('operator@demo.vigiamais.local', 'demonstracao-vigia');
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('live view in Chromium', () => {
  it('opens one camera live: the video plays and keeps to the live edge', async () => {
    const live = new LivePage(page, server.url);
    await live.openFromList('Câmera de demonstração 1');
    await live.expectVideosPlaying(1);
    expect(await live.isLiveBadgeVisible()).toBe(true);
    await live.waitForLiveEdge();
    expect(await live.firstFrameMs()).toBeGreaterThan(0);
  });

  it('opens a camera from the operations map: marker → popup → live link → video plays', async () => {
    const map = new OperationsMapPage(page, server.url);
    await map.open();
    const name = await map.openFirstCameraPopup();
    expect(name).toMatch(/^Câmera de demonstração \d$/);
    await map.liveLink().click();
    const live = new LivePage(page, server.url);
    await live.waitForCameraUrl();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await live.expectVideosPlaying(1);
  });

  it('opens a 3×3 mosaic: nine videos playing', async () => {
    const live = new LivePage(page, server.url);
    await live.openMosaic(9);
    await live.expectVideosPlaying(9);
    expect(new Set(await live.cameraIds()).size).toBe(9);
  });
});

describe('live player fallback to HLS in a browser without Media Source Extensions', () => {
  it('opens the camera as native HLS with the stream token (ManagedMediaSource and MediaSource removed)', async () => {
    const context = await browser.newContext({ storageState: await page.context().storageState() });
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      delete w.MediaSource;
      delete w.ManagedMediaSource;
      // Pretend native HLS (as iPhone Safari); Chromium itself need not play it.
      const canPlayType = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function (type: string) {
        return /mpegurl/i.test(type) ? 'maybe' : canPlayType.call(this, type);
      };
    });
    const hlsPage = await context.newPage();
    const live = new LivePage(hlsPage, server.url);
    await live.openFromList('Câmera de demonstração 2');
    expect(await live.playbackMode()).toBe('hls');
    const src = await live.waitForSource(/\/hls\/[0-9a-f-]{36}\/index\.m3u8\?token=/);
    // The media node accepts the player's URL (the same session if Chromium already asked for it).
    const res = await fetch(src);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('#EXT-X-STREAM-INF:');
    await context.close();
  });
});
