import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '@vigia/testkit/browser';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort, type ServerProcess, startServer } from '@vigia/testkit/server-process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPartnerCamera } from './helpers/partner-camera.js';
import { webDist } from './helpers/platform.js';
import { OperationsMapPage } from './pages/cameras-pages.js';
import { IntegrationsPage } from './pages/integrations-page.js';
import { LivePage } from './pages/live-page.js';

/**
 * Live view end to end: the start command with DEMO_CAMERAS=9 runs the API, the media node (child
 * process, embedded database through the SQL gateway) and the GStreamer simulator; an operator
 * opens one camera live, one from the operations map, and then a 3×3 mosaic in Chromium
 * (WebSocket + MSE). The node passes audio (MEDIA_AUDIO=pass): one more camera of a second
 * simulator sends AAC. An administrator registers a CIOSP VMS, which pulls a camera as HLS with
 * ffprobe until the integration is revoked.
 */
const AUDIO_CAMERA = 'Câmera com áudio (simulador)';
let server: ServerProcess;
let simulator: Simulator;
let dataDir: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-e2e-live-'));
  const mediaNodePort = await freePort();
  [server, simulator] = await Promise.all([
    startServer({
      DATA_DIR: dataDir,
      DEMO: '1',
      DEMO_CAMERAS: '9',
      DATABASE_URL: '',
      WEB_DIST: webDist,
      MEDIA_NODE: 'on',
      MEDIA_NODE_PORT: String(mediaNodePort),
      MEDIA_AUDIO: 'pass',
    }),
    startSimulator({ count: 0, audioCount: 1, size: '640x360', fps: 15 }),
  ]);
  browser = await launchBrowser();
  const context = await browser.newContext();
  page = await context.newPage();
  await new LoginPage(page, server.url).signIn('operator@demo.vigiamais.local', 'demonstracao-vigia');
  const httpPort = await freePort();
  await registerPartnerCamera(browser, server.url, {
    name: AUDIO_CAMERA,
    rtspPort: simulator.port,
    httpPort: httpPort === simulator.port ? httpPort + 1 : httpPort,
    rtspPath: '/av1',
    credentials: { username: simulator.user, password: simulator.password },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  await simulator?.stop();
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
    // Whichever demo camera the server draws first as a single marker (clusters are the server's, issue 13).
    const name = await map.openFirstCameraPopup();
    expect(name).toMatch(/^Câmera /);
    await map.liveLink().click();
    const live = new LivePage(page, server.url);
    await live.waitForCameraUrl();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await live.expectVideosPlaying(1);
  });

  it('opens a 3×3 mosaic: nine videos playing over one WebSocket to the node', async () => {
    // One shared socket per node, not one per tile: Chromium delays the sockets of a page that
    // opens many at once (docs/benchmarks.md "Live view").
    const sockets: string[] = [];
    const count = (ws: { url(): string }) => sockets.push(ws.url());
    page.on('websocket', count);
    try {
      const live = new LivePage(page, server.url);
      await live.openMosaic(9);
      await live.expectVideosPlaying(9);
      expect(new Set(await live.cameraIds()).size).toBe(9);
      expect(sockets).toEqual([expect.stringMatching(/^ws:\/\/[^/]+\/live$/)]);
    } finally {
      page.off('websocket', count);
    }
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
    // The player exchanged its token (POST, once) for a session: no token or nonce in the URL.
    const src = await live.waitForSource(/\/hls\/[0-9a-f-]{36}\/index\.m3u8\?s=[\w-]{43}$/);
    expect(src).not.toMatch(/token=|nonce=/);
    const res = await fetch(src);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('#EXTM3U');
    await context.close();
  });
});

describe('live audio in Chromium (MEDIA_AUDIO=pass)', () => {
  it('plays a camera with AAC audio: the MSE type names mp4a.40.2, video plays and audio is decoded', async () => {
    const context = await browser.newContext({ storageState: await page.context().storageState() });
    await context.addInitScript(() => {
      const w = window as unknown as { __mimes: string[] };
      w.__mimes = [];
      const add = MediaSource.prototype.addSourceBuffer;
      MediaSource.prototype.addSourceBuffer = function (mime: string) {
        w.__mimes.push(mime);
        return add.call(this, mime);
      };
    });
    const audioPage = await context.newPage();
    const live = new LivePage(audioPage, server.url);
    await live.openFromList(AUDIO_CAMERA);
    await live.expectVideosPlaying(1);
    expect(await audioPage.evaluate(() => (window as unknown as { __mimes: string[] }).__mimes)).toEqual([
      expect.stringMatching(/^video\/mp4; ?codecs="avc1\.[0-9A-Fa-f]{6}, ?mp4a\.40\.2"$/),
    ]);
    // Chromium decodes the track even though the player is muted.
    await audioPage.waitForFunction(
      () =>
        ((document.querySelector('video') as HTMLVideoElement & { webkitAudioDecodedByteCount?: number }).webkitAudioDecodedByteCount ??
          0) > 0,
      undefined,
      { timeout: 15_000 },
    );
    await context.close();
  });
});

/** `ffprobe -show_streams` of an HLS URL as a VMS pulls it; the error text when it fails. */
function probe(url: string): Promise<{ streams: { codec_name: string; codec_type: string }[] } | { error: string }> {
  return new Promise((resolve) => {
    execFile(
      'ffprobe',
      ['-v', 'error', '-rw_timeout', '15000000', '-show_streams', '-of', 'json', url],
      { timeout: 30_000 },
      (err, stdout, stderr) => resolve(err ? { error: `${stderr}${err.message}` } : JSON.parse(stdout)),
    );
  });
}

describe('VMS integration (Art. 22 §3) in Chromium', () => {
  it('registers a CIOSP VMS, which pulls the camera as HLS with ffprobe (H.264) until the integration is revoked (401)', async () => {
    const context = await browser.newContext();
    const adminPage = await context.newPage();
    await new LoginPage(adminPage, server.url).signIn('admin@demo.vigiamais.local', 'demonstracao-vigia');
    const integrations = new IntegrationsPage(adminPage, server.url);
    await integrations.open();
    const name = 'VMS do CIOSP Cuiabá';
    const camera = 'Câmera de demonstração 3';
    const login = await integrations.create({ name, unit: 'Polícia Militar', cameras: [camera] });
    expect(login.username).toMatch(/^vms-[0-9a-f]{12}$/);
    expect(login.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const hls = await integrations.hlsUrl(name, camera);
    expect(hls).toMatch(/^http:\/\/[^/@]+\/hls\/[0-9a-f-]{36}\/index\.m3u8$/);
    const pull = hls.replace('://', `://${login.username}:${login.password}@`);

    // The first playlist waits for the first complete segment (≈ 2 s after the camera is opened).
    let result = await probe(pull);
    for (let i = 0; i < 3 && 'error' in result; i++) result = await probe(pull);
    if ('error' in result) throw new Error(`VMS pull failed: ${result.error}`);
    expect(result.streams.map((s) => s.codec_name)).toContain('h264');

    // The password is shown once: not after a reload.
    await adminPage.reload();
    await adminPage.getByRole('heading', { name, exact: true }).waitFor();
    expect(await integrations.passwordShown()).toBe(false);
    expect(await adminPage.content()).not.toContain(login.password);

    await integrations.revoke(name, 'Sistema substituído pelo novo VMS do CIOSP');
    await integrations.waitForStatus(name, 'Revogada');
    // The node drops the cached authorisation within MEDIA_SESSION_CHECK_MS (2 s).
    const basic = `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`;
    const until = Date.now() + 15_000;
    const statusNow = async () => {
      const res = await fetch(hls, { headers: { authorization: basic } });
      await res.body?.cancel();
      return res.status;
    };
    let status = await statusNow();
    while (status !== 401 && Date.now() < until) status = await new Promise((r) => setTimeout(r, 250)).then(statusNow);
    expect(status).toBe(401);
    const refused = await probe(pull);
    expect('error' in refused && refused.error).toMatch(/401|Unauthorized/);
    await context.close();
  });
});
