import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort, type ServerProcess, startServer } from '@vigia/testkit/server-process';
import { unzipSync, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPartnerCamera } from './helpers/partner-camera.js';
import { webDist } from './helpers/platform.js';
import { CameraRegistryPage } from './pages/cameras-pages.js';
import { HealthPage } from './pages/health-page.js';
import { cuiabaInput, ExportsPage, ExportVerificationPage, PlaybackPage } from './pages/recordings-pages.js';

/**
 * Recordings end to end: the start command records two demo cameras (RECORDING_DEFAULT=on, 2 s
 * segments) and a camera whose address answers nothing. An operator plays a camera from a chosen
 * instant, then two in sync, then an instant from before recording began from the partner's NVR
 * (the demo simulator stands in for it); the health dashboard shows the silent camera down with its cause; and
 * last (so the wait for two minutes of footage overlaps the other tests) a 2-minute clip is
 * exported with a reason, downloaded, checked with ffprobe and verified on the public page, then
 * refused there once one byte of its MP4 is changed.
 */
let server: ServerProcess;
let dataDir: string;
let browser: Browser;
let page: Page;
let cams: { id: string; name: string }[] = [];
/** Before the server started: no platform footage of any camera. */
let beforeRecording: number;
const SILENT_CAMERA = 'Câmera sem resposta (porta fechada)';
const CLIP_MS = 120_000;

interface Span {
  from: string;
  to: string;
}
/** Recorded spans of each camera over the last 10 minutes (the playback API, as the signed-in operator). */
const spansOf = (ids: string[]) =>
  page.evaluate(async (ids) => {
    const to = new Date(Date.now() + 60_000).toISOString();
    const from = new Date(Date.now() - 600_000).toISOString();
    return Promise.all(
      ids.map(async (id) => (await (await fetch(`/api/recordings/${id}/timeline?from=${from}&to=${to}`)).json()).spans as Span[]),
    );
  }, ids);
const spanMs = (s: Span) => Date.parse(s.to) - Date.parse(s.from);

/** A camera of the demo partner pointing at a closed loopback port. */
async function registerSilentCamera() {
  const [rtspPort, httpPort] = [await freePort(), await freePort()];
  await registerPartnerCamera(browser, server.url, {
    name: SILENT_CAMERA,
    rtspPort,
    httpPort: httpPort === rtspPort ? rtspPort + 1 : httpPort,
    rtspPath: '/cam1',
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-e2e-rec-'));
  beforeRecording = Date.now() - 60_000;
  server = await startServer({
    DATA_DIR: dataDir,
    DEMO: '1',
    DEMO_CAMERAS: '2',
    DATABASE_URL: '',
    WEB_DIST: webDist,
    MEDIA_NODE: 'on',
    MEDIA_NODE_PORT: String(await freePort()),
    RECORDING_DEFAULT: 'on',
    RECORDING_SEGMENT_SECONDS: '2',
    RECORDING_FRAGMENT_MS: '500',
    // Alert on any outage at the next run of the health sweep (the default waits 10 minutes).
    HEALTH_ALERT_AFTER_MINUTES: '0',
  });
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  await new LoginPage(page, server.url).signIn('operator@demo.vigiamais.local', 'demonstracao-vigia');
  await registerSilentCamera();
  cams = ((await page.evaluate(async () => (await (await fetch('/api/cameras')).json()).items)) as { id: string; name: string }[]).filter(
    (c) => c.name.startsWith('Câmera de demonstração'),
  );
  cams.sort((a, b) => a.name.localeCompare(b.name));
  // A few seconds of footage of both demo cameras.
  const end = Date.now() + 60_000;
  while (Math.min(...(await spansOf(cams.map((c) => c.id))).map((s) => s.reduce((a, x) => a + spanMs(x), 0))) < 6000) {
    if (Date.now() > end) throw new Error('no recordings');
    await new Promise((r) => setTimeout(r, 500));
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('playback in Chromium', () => {
  it('plays a camera from a chosen instant, with the reason required first', async () => {
    const playback = new PlaybackPage(page, server.url);
    await playback.openFromList(cams[0]!.name);
    expect(await playback.goButton().isDisabled()).toBe(true);
    await playback.confirmReason('BO 4321/2026 — teste de reprodução');
    await playback.playFrom(Date.now() - 6000);
    await playback.expectVideosPlaying(1);
    expect(await playback.seekMs()).toBeGreaterThan(0);
  });

  it('plays two cameras synchronised on one time cursor', async () => {
    const playback = new PlaybackPage(page, server.url);
    await playback.open(cams[0]!.id, [cams[1]!.id]);
    await playback.confirmReason('BO 4321/2026 — teste de reprodução');
    await playback.playFrom(Date.now() - 6000);
    await playback.expectVideosPlaying(2);
    const [a, b] = await playback.videoTimes();
    expect(Math.abs(a! - b!)).toBeLessThan(0.6);
  });
});

describe('partner NVR (Art. 25 §2) in Chromium', () => {
  it('fetches an instant without platform footage from the partner NVR (Hikvision preset): the video plays', async () => {
    // The partner declares its recorder on the camera page (the demo simulator answers the Hikvision playback path).
    const partner = await (await browser.newContext()).newPage();
    await new LoginPage(partner, server.url).signIn('partner-user@demo.vigiamais.local', 'demonstracao-vigia');
    const registry = new CameraRegistryPage(partner, server.url);
    await registry.openList();
    await registry.openCamera(cams[0]!.name);
    expect(await registry.declareNvr('Hikvision')).toMatch(/^rtsp:\/\/\{host\}:\{port\}\/Streaming\/tracks\/\{channel\}01\?starttime=/);
    await partner.context().close();

    // The operator picks an instant before recording began: the tile offers the NVR.
    const playback = new PlaybackPage(page, server.url);
    await playback.openFromList(cams[0]!.name);
    await playback.confirmReason('BO 9012/2026 — imagens anteriores à gravação');
    await playback.playFrom(beforeRecording);
    await playback.fetchFromNvr();
    await playback.expectNvrPlaying();
  });
});

describe('camera health in Chromium', () => {
  it('shows a camera that answers nothing as down, with its cause and an alert, on the CIOSP dashboard', async () => {
    const health = new HealthPage(page, server.url);
    // The outage opens at the media node's next health report; the alert at the next health sweep (every 60 s).
    const d = await health.waitFor(
      (d) => d.down.some((r) => r.camera === SILENT_CAMERA) && d.alerts.some((a) => a.includes(SILENT_CAMERA)),
      100_000,
    );
    expect(d.down.find((r) => r.camera === SILENT_CAMERA)!.cause).toBe('Câmera inacessível');
    expect(d.alerts.find((a) => a.includes(SILENT_CAMERA))).toMatch(/Fora do ar.*sem vídeo desde .*câmera inacessível/s);
    // The demo cameras are streaming and recorded: not down.
    expect(d.down.map((r) => r.camera)).not.toContain(cams[0]!.name);
  });
});

describe('evidence export in Chromium', () => {
  it('exports a 2-minute clip chosen on the timeline, verifies it on the public page, and refuses it with one byte changed', async () => {
    // Two minutes of continuous footage (recording started with the server).
    let span: Span | undefined;
    const until = Date.now() + 180_000;
    while (!(span = (await spansOf([cams[0]!.id]))[0]!.find((s) => spanMs(s) >= CLIP_MS + 4000))) {
      if (Date.now() > until) throw new Error('no 2 minutes of footage');
      await new Promise((r) => setTimeout(r, 1000));
    }
    const fromMs = Math.ceil((Date.parse(span.from) + 2000) / 1000) * 1000;
    const toMs = fromMs + CLIP_MS;

    // Timeline → play from the chosen instant → "Exportar trecho".
    const playback = new PlaybackPage(page, server.url);
    await playback.openFromList(cams[0]!.name);
    await playback.confirmReason('BO 5678/2026 — furto na Av. Getúlio Vargas');
    await playback.playFrom(fromMs);
    await playback.expectVideosPlaying(1);
    await playback.exportClip();

    const exports = new ExportsPage(page);
    expect(await exports.selectedCamera()).toBe(cams[0]!.name);
    expect(await exports.range()).toEqual({ from: cuiabaInput(fromMs), to: cuiabaInput(toMs) });
    const reason = 'BO 5678/2026 — furto na Av. Getúlio Vargas, trecho de 2 minutos';
    await exports.request({ fromMs, toMs, reason });
    const seen = await exports.waitUntilReady(reason);
    expect(seen.at(-1)).toMatch(/^Pronto/);
    const download = await exports.download(reason);
    expect(download.suggestedFilename()).toMatch(/^exportacao-[0-9a-f]{8}\.zip$/);
    const zip = fs.readFileSync((await download.path())!);

    // The MP4 opens in any player: ffprobe reads two minutes of H.264 (cut on keyframes: ± one 1 s GOP).
    const files = unzipSync(zip);
    const mp4Name = Object.keys(files).find((n) => n.endsWith(`/${cams[0]!.id}.mp4`))!;
    expect(mp4Name).toBeTruthy();
    const mp4 = path.join(dataDir, 'clip.mp4');
    fs.writeFileSync(mp4, files[mp4Name]!);
    const probe = JSON.parse(
      execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name', '-of', 'json', mp4], {
        encoding: 'utf8',
      }),
    );
    expect(probe.streams[0].codec_name).toBe('h264');
    expect(Math.abs(Number(probe.format.duration) - CLIP_MS / 1000)).toBeLessThanOrEqual(1.2);

    // Public verification, signed out.
    const anon = await (await browser.newContext()).newPage();
    const verification = new ExportVerificationPage(anon, server.url);
    const ok = await verification.verify({ name: download.suggestedFilename(), buffer: zip });
    expect(ok.title).toBe('Pacote íntegro');
    expect(ok.text).toContain(reason);

    // One byte of the MP4 changed (same size): the page names the altered file.
    const bytes = files[mp4Name]!;
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
    const altered = Buffer.from(zipSync(files, { level: 0 }));
    const bad = await verification.verify({ name: 'alterado.zip', buffer: altered });
    expect(bad.title).toBe('Pacote alterado ou inválido');
    expect(bad.text).toContain(`${cams[0]!.id}.mp4: arquivo alterado`);
    await anon.context().close();
  }, 240_000);
});
