/**
 * Live benchmark (not a test): `npx tsx bench/bench-live.ts [--cameras 20] [--seconds 20] [--opens 10]`
 *
 * 1. Ingest: N simulated cameras (GStreamer simulator) pulled by a media node running as its own
 *    process (exactly as the start command runs it), one scripted WebSocket viewer per camera so
 *    every upstream is live; CPU (% of one core) and RSS per camera from the node's /stats.
 * 2. Viewer: Chromium signs in to the real back office and opens the live page:
 *    - time to first frame (token request → first 'playing'), camera already streaming (warm) and
 *      not (cold: the node connects to the camera on demand);
 *    - glass-to-glass: a live "clock camera" (bench/clock-camera.py) encodes the wall-clock time of
 *      each frame as black/white blocks; the page reads them back from a canvas at each presented
 *      frame (requestVideoFrameCallback) and compares with the display time. Includes the x264
 *      zerolatency encoder (a few ms), so it is conservative.
 * Everything runs on this machine (loopback), embedded database through the SQL gateway.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '@vigia/testkit/browser';
import { pythonExecutable, startSimulator } from '@vigia/testkit/camera-simulator';
import { makeAllStreamEligible } from '@vigia/testkit/eligible-camera';
import { type LiveClient, newNonce, nonceHash, openLive } from '@vigia/testkit/live-client';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort } from '@vigia/testkit/server-process';
import { authHeaders, makeUser, PASSWORD, signIn, testApp } from '@vigia/testkit/test-app';
import { createTestDatabase } from '@vigia/testkit/test-database';
import { startSqlGateway } from '../apps/server/src/db/gateway.js';
import { partners } from '../apps/server/src/db/schema.js';
import { children, here, repo, runBench, sleep, stopBench } from './bench-common.js';

const { values: args } = parseArgs({
  options: {
    cameras: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '20' },
    opens: { type: 'string', default: '10' },
    samples: { type: 'string', default: '300' },
  },
});
const N = Number(args.cameras);
const T = Number(args.seconds);
const OPENS = Number(args.opens);
const webDist = path.join(repo, 'apps/web/dist');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** Runs in the page: reads the clock pattern of each presented frame; returns display time − frame time (ms). */
const GLASS_PROBE = `async (count) => {
  const v = document.querySelector('video');
  const c = document.createElement('canvas');
  c.width = v.videoWidth;
  c.height = v.videoHeight;
  const g = c.getContext('2d', { willReadFrequently: true });
  const out = [];
  const lum = (d, x, y) => d[(y * c.width + x) * 4];
  return new Promise((resolve) => {
    const onFrame = (_now, meta) => {
      g.drawImage(v, 0, 0);
      const d = g.getImageData(0, 0, c.width, 48 + 3 * 24).data;
      const white = lum(d, 8 + 12, 48 + 2 * 24 + 12);
      const black = lum(d, 8 + 24 + 12, 48 + 2 * 24 + 12);
      if (white > 160 && black < 96) {
        let ms = 0;
        for (let i = 0; i < 48; i++) ms = ms * 2 + (lum(d, 8 + (i % 24) * 24 + 12, 48 + Math.floor(i / 24) * 24 + 12) > (white + black) / 2 ? 1 : 0);
        out.push(performance.timeOrigin + meta.expectedDisplayTime - ms);
      }
      if (out.length >= count) resolve(out);
      else v.requestVideoFrameCallback(onFrame);
    };
    v.requestVideoFrameCallback(onFrame);
    setTimeout(() => resolve(out), 30000);
  });
}`;

async function main() {
  if (!fs.existsSync(path.join(webDist, 'app.html'))) throw new Error('build the web app first: npm -w @vigia/web run build');
  const key = randomBytes(32).toString('base64');
  const t = await createTestDatabase();
  const app = await testApp(t.database, t.dataDir, { STREAM_TOKEN_KEY: key, WEB_DIST: webDist });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const apiUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const gateway = t.database.kind === 'pglite' ? await startSqlGateway(t.database) : undefined;
  console.log(`bench-live: ${N} cameras, ${T} s, ${OPENS} opens; database ${t.database.kind}; ${os.cpus().length} CPUs`);

  const sim = await startSimulator({ count: N, extraPorts: Math.max(0, N - 1) });
  children.push(sim.process);
  const clock = spawn(pythonExecutable(), [path.join(here, 'clock-camera.py'), '--port', '0', '--fps', '30'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const clockPort = await new Promise<number>((resolve, reject) => {
    let out = '';
    clock.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    clock.once('exit', (c) => reject(new Error(`clock camera exited ${c}`)));
  });
  children.push(clock);

  const adminUser = await makeUser(t.database, ['admin']);
  const admin = await signIn(app, adminUser.email);
  const [partner] = await t.database.db
    .insert(partners)
    .values({ kind: 'municipality', name: 'Bench', document: randomBytes(7).toString('hex'), municipalityIbge: '5103403' })
    .returning();
  const register = async (name: string, port: number, rtspPath: string, creds: boolean, k: number) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: authHeaders(admin),
      payload: {
        partnerId: partner!.id,
        kind: 'partner_own',
        name,
        host: '127.0.0.1',
        rtspPort: port,
        httpPort: 50_000 + k,
        rtspPath,
        latitude: -15.6,
        longitude: -56.1,
        municipalityIbge: '5103403',
        heading: 0,
        fieldOfView: 90,
        mounting: 'pole',
        ...(creds ? { credentials: { username: sim.user, password: sim.password } } : {}),
      },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };
  const ports = [sim.port, ...sim.extraPorts];
  const cams: string[] = [];
  for (let k = 1; k <= N; k++) cams.push(await register(`Sim ${k}`, ports[k - 1]!, `/cam${k}`, true, k));
  const clockCam = await register('Relógio', clockPort, '/clock', false, 0);
  // Issue 12: only cameras tied to an authorised camera point under an active term stream.
  await makeAllStreamEligible(t.database);

  const nodePort = await freePort();
  const node: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'apps/media-node/src/main.ts')], {
    cwd: repo,
    env: {
      ...process.env,
      MEDIA_NODE_ID: 'bench-node',
      MEDIA_NODE_PORT: String(nodePort),
      DATA_DIR: t.dataDir,
      STREAM_TOKEN_KEY: key,
      LOG_LEVEL: 'warn',
      MEDIA_IDLE_GRACE_MS: '1000',
      // Viewer-driven upstreams, as measured since 2026-11-21 (cold opens); the production default
      // (MEDIA_MONITOR=all, RECORDING_DEFAULT=on) keeps every camera's upstream open: every open is warm.
      RECORDING_DEFAULT: 'off',
      MEDIA_MONITOR: 'recorded',
      ...(gateway
        ? { DATABASE_URL: '', MEDIA_DB_GATEWAY_URL: gateway.url, MEDIA_DB_GATEWAY_TOKEN: gateway.token }
        : { DATABASE_URL: t.url }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(node);
  await new Promise<void>((resolve) => node.stdout!.on('data', (d) => String(d).includes('MEDIA_NODE_READY') && resolve()));
  const nodeUrl = `http://127.0.0.1:${nodePort}`;
  type Stats = { upstreams: number; viewers: number; rssBytes: number; cpu: { user: number; system: number }; rtspSessions: number };
  const stats = async () => (await (await fetch(`${nodeUrl}/stats`)).json()) as Stats;

  const opUser = await makeUser(t.database, ['operator']);
  const op = await signIn(app, opUser.email);
  const watch = async (cameraId: string): Promise<LiveClient> => {
    const nonce = newNonce();
    const res = await app.inject({
      method: 'POST',
      url: `/api/live/${cameraId}/token`,
      headers: authHeaders(op),
      payload: { nonceHash: nonceHash(nonce) },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    return openLive(res.json().url, res.json().token, nonce);
  };

  // ---- 1. ingest ------------------------------------------------------------------------------
  await sleep(1000);
  const s0 = await stats();
  const viewers = await Promise.all(cams.map(watch));
  await Promise.all(viewers.map((v) => v.waitBinaries(10, 60_000)));
  await sleep(5_000);
  const s1 = await stats();
  const w1 = Date.now();
  await sleep(T * 1000);
  const s2 = await stats();
  const wall = Date.now() - w1;
  const cpuPct = ((s2.cpu.user + s2.cpu.system - s1.cpu.user - s1.cpu.system) / 1000 / wall) * 100;
  const ingest = {
    cameras: N,
    upstreams: s2.upstreams,
    rtspSessions: s2.rtspSessions,
    cpuPctOneCore: cpuPct,
    cpuPctPerCamera: cpuPct / N,
    rssMiB: s2.rssBytes / 2 ** 20,
    rssIdleMiB: s0.rssBytes / 2 ** 20,
    rssPerCameraMiB: (s2.rssBytes - s0.rssBytes) / 2 ** 20 / N,
  };
  for (const v of viewers) v.close();
  console.log('ingest', ingest);
  process.on('SIGTERM', () => process.exit(1));

  // ---- 2. Chromium viewer ---------------------------------------------------------------------
  const browserOp = await makeUser(t.database, ['operator']);
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await new LoginPage(page, apiUrl).signIn(browserOp.email, PASSWORD);
  const stepLog: Array<Record<string, number>> = [];
  const firstFrame = async (cameraId: string) => {
    await page.goto(`${apiUrl}/app/operacoes/ao-vivo/${cameraId}`);
    const h = await page.waitForSelector('video[data-first-frame-ms]', { timeout: 30_000 }).catch(async (err: unknown) => {
      // Say what the player was doing (its state, the video's) before giving up.
      const state = await page.evaluate(`(() => { const v = document.querySelector('video'); const box = v && v.closest('[data-state]');
        return { state: box && box.getAttribute('data-state'), text: box && box.textContent, readyState: v && v.readyState,
          src: v && v.src, buffered: v && v.buffered.length, error: v && v.error && v.error.message }; })()`);
      console.error('no first frame', cameraId, state);
      throw err;
    });
    const server = (await page.evaluate(`Object.fromEntries(performance.getEntriesByType('resource')
      .filter((e) => /\\/api\\/(live|cameras)\\//.test(e.name))
      .map((e) => ['http ' + (e.name.endsWith('/token') ? 'token' : e.name.endsWith('/privacy-masks') ? 'masks' : 'camera'), Math.round(e.responseEnd - e.requestStart)]))`)) as Record<
      string,
      number
    >;
    stepLog.push({ ...JSON.parse((await h.getAttribute('data-first-frame-steps')) ?? '{}'), ...server });
    return Number(await h.getAttribute('data-first-frame-ms'));
  };
  await sleep(1500); // all upstreams idle → stopped
  const cold: number[] = [];
  for (let i = 0; i < Math.min(OPENS, N); i++) {
    cold.push(await firstFrame(cams[i]!));
    await page.goto('about:blank');
  }
  const keep = await watch(clockCam); // keeps the clock camera streaming: warm opens
  await keep.waitBinaries(5, 30_000);
  const warmSim = await watch(cams[0]!);
  await warmSim.waitBinaries(5, 30_000);
  const warm: number[] = [];
  for (let i = 0; i < OPENS; i++) warm.push(await firstFrame(i % 2 ? clockCam : cams[0]!));

  await firstFrame(clockCam);
  await sleep(2000);
  // A plain string: tsx's helpers (__name) must not leak into the page.
  const samples = (await page.evaluate(`(${GLASS_PROBE})(${Number(args.samples)})`)) as number[];
  const viewer = {
    firstFrameColdMs: { p50: pct(cold, 50), p95: pct(cold, 95), n: cold.length },
    firstFrameWarmMs: { p50: pct(warm, 50), p95: pct(warm, 95), n: warm.length },
    glassToGlassMs: { p50: pct(samples, 50), p95: pct(samples, 95), min: pct(samples, 0), n: samples.length },
  };
  console.log('viewer', JSON.stringify(viewer), 'cold', cold, 'warm', warm);
  // Where first-frame time goes: median of each start-up step (ms since the token request).
  const stepNames = [...new Set(stepLog.flatMap((s) => Object.keys(s)))];
  console.log('steps p50', Object.fromEntries(stepNames.map((k) => [k, pct(stepLog.map((s) => s[k]!).filter(Number.isFinite), 50)])));
  console.log(`
| measure | value |
| --- | --- |
| cameras ingested (node process) | ${N} (${ingest.rtspSessions} RTSP sessions) |
| node CPU, % of one core | ${fmt(ingest.cpuPctOneCore)} total · ${fmt(ingest.cpuPctPerCamera, 2)} per camera |
| node RSS | ${fmt(ingest.rssIdleMiB)} MiB idle → ${fmt(ingest.rssMiB)} MiB · ${fmt(ingest.rssPerCameraMiB, 2)} MiB per camera |
| first live frame, warm (camera already streaming) | p50 ${fmt(viewer.firstFrameWarmMs.p50, 0)} ms · p95 ${fmt(viewer.firstFrameWarmMs.p95, 0)} ms (n=${warm.length}) |
| first live frame, cold (node connects to the camera) | p50 ${fmt(viewer.firstFrameColdMs.p50, 0)} ms · p95 ${fmt(viewer.firstFrameColdMs.p95, 0)} ms (n=${cold.length}) |
| glass-to-glass (clock camera, 30 fps, incl. x264 zerolatency) | p50 ${fmt(viewer.glassToGlassMs.p50, 0)} ms · p95 ${fmt(viewer.glassToGlassMs.p95, 0)} ms (n=${samples.length}) |
`);
  keep.close();
  warmSim.close();
  await browser.close();
  node.kill('SIGTERM');
  await new Promise((r) => node.once('exit', r));
  clock.kill('SIGTERM');
  await stopBench({ sim, gateway, app, t });
}

runBench(main);
