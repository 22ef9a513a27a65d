/**
 * Console benchmark (not a test): `npx tsx bench/bench-console.ts [--runs 8] [--monitor all|recorded]`
 *
 * The start command (API + media node child + 16 GStreamer demo cameras at 640×360; embedded
 * PGlite, or a new database on BENCH_DATABASE_URL's PostgreSQL server) with the production defaults (`--monitor all`: every camera's upstream kept open, so
 * every open is warm) or viewer-driven upstreams (`--monitor recorded`, recording off: the node
 * connects to each camera when a tile asks). Chromium signs in as the demo operator, saves a 4×4
 * and a single-tile layout, then `--runs` times opens /app/operacoes/console and loads one:
 * from the click on the saved layout to each tile's first frame (`data-first-frame-ms` appearing
 * on its video — the live player's own 'playing' measurement). Reported: first and last tile of
 * the 4×4 and the single tile, p50 / p95.
 *
 * `--trace out.json`: a Chromium performance trace of the first measured 4×4 open (out.json) and
 * single-tile open (out.single.json), with a summary of what held the page's main thread from the
 * click to the last first frame (bench/chrome-trace.ts).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort, startServer } from '@vigia/testkit/server-process';
import type { Page } from 'playwright-core';
import { here, reserveBenchDatabase, sleep } from './bench-common.js';
import { ChromeTrace, summariseTrace } from './chrome-trace.js';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '8' }, monitor: { type: 'string', default: 'all' }, trace: { type: 'string' } },
});
const RUNS = Number(args.runs);
const webDist = process.env.BENCH_WEB_DIST ?? path.resolve(here, '../apps/web/dist');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** In the page: times (ms since the click) at which each tile's video got its first frame. */
const WATCH = `(tiles) => new Promise((resolve) => {
  const t0 = performance.now();
  const seen = {};
  const steps = {};
  const check = () => {
    for (const v of document.querySelectorAll('[data-tile] video[data-first-frame-ms]')) {
      const k = v.closest('[data-tile]').getAttribute('data-tile');
      if (!(k in seen)) { seen[k] = performance.now() - t0; performance.mark('bench:tile' + k); steps[k] = JSON.parse(v.getAttribute('data-first-frame-steps') || '{}'); }
    }
    if (Object.keys(seen).length >= tiles) { performance.mark('bench:last'); mo.disconnect(); window.__vigiaSteps = steps; resolve(Object.values(seen)); }
  };
  const mo = new MutationObserver(check);
  mo.observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-first-frame-ms'] });
  document.addEventListener('click', () => performance.mark('bench:click'), { capture: true, once: true });
  window.__vigiaBenchStarted = true;
  setTimeout(() => { mo.disconnect(); resolve(Object.values(seen)); }, 60000);
})`;

/** Start-up steps (ms since each tile's token request) of every tile opened. */
const lastSteps: Array<Record<string, number>> = [];

async function openLayout(page: Page, base: string, name: string, tiles: number, traceFile?: string): Promise<number[]> {
  await page.goto(`${base}/app/operacoes/console`);
  const button = page.locator('.vigia-console-layouts button', { hasText: name });
  await button.waitFor();
  // The operator picks a layout once the console has loaded (its tree, layouts and events requests answered).
  await page.waitForLoadState('networkidle');
  const trace = traceFile ? await ChromeTrace.start(page) : undefined;
  const done = page.evaluate(`(${WATCH})(${tiles})`) as Promise<number[]>;
  await page.waitForFunction('window.__vigiaBenchStarted === true');
  await button.click();
  const times = await done;
  if (trace && traceFile) console.log(`trace ${traceFile} (${name}):\n${summariseTrace(await trace.stop(traceFile))}`);
  lastSteps.push(...((await page.evaluate('Object.values(window.__vigiaSteps || {})')) as Array<Record<string, number>>));
  if (times.length < tiles) throw new Error(`only ${times.length} of ${tiles} tiles played`);
  await page.goto('about:blank');
  return times;
}

const reserved = await reserveBenchDatabase();
const monitorAll = args.monitor !== 'recorded';
const server = await startServer({
  DATA_DIR: reserved.dataDir,
  DEMO: '1',
  DEMO_CAMERAS: '16',
  DATABASE_URL: reserved.url ?? '',
  WEB_DIST: webDist,
  MEDIA_NODE: 'on',
  MEDIA_NODE_PORT: String(await freePort()),
  MEDIA_MONITOR: monitorAll ? 'all' : 'recorded',
  RECORDING_DEFAULT: monitorAll ? 'on' : 'off',
  MEDIA_IDLE_GRACE_MS: '500',
});
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await new LoginPage(page, server.url).signIn('operator@demo.vigiamais.local', 'demonstracao-vigia');
  // A plain string: tsx's helpers (__name) must not leak into the page.
  const cameras = (await page.evaluate(`(async () => {
    const csrf = (await (await fetch('/api/auth/session')).json()).csrfToken;
    const ids = (await (await fetch('/api/console/cameras')).json()).items.map((c) => c.id);
    for (const [name, grid, cams] of [['Bench 4x4', '4x4', ids.slice(0, 16)], ['Bench 1', '1', ids.slice(0, 1)]])
      await fetch('/api/console/layouts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ name, scope: 'personal', grid, cameras: cams, tourSeconds: null }),
      });
    return ids;
  })()`)) as string[];
  if (cameras.length < 16) throw new Error(`only ${cameras.length} cameras`);
  console.log(
    `bench-console: 16 cameras, ${RUNS} runs, MEDIA_MONITOR=${monitorAll ? 'all' : 'recorded'}, ${reserved.url ? 'PostgreSQL' : 'PGlite'}; ${os.cpus().length} CPUs`,
  );
  if (monitorAll) await sleep(8_000); // the node claims every camera (heartbeat) and fills its GOP cache
  await openLayout(page, server.url, 'Bench 4x4', 16); // warm-up: JS and HTTP caches
  const first: number[] = [];
  const last: number[] = [];
  const single: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    if (!monitorAll) await sleep(1_500); // upstreams idle → stopped: cold opens
    const t = await openLayout(page, server.url, 'Bench 4x4', 16, r === 0 ? args.trace : undefined);
    first.push(Math.min(...t));
    last.push(Math.max(...t));
    if (!monitorAll) await sleep(1_500);
    single.push(
      ...(await openLayout(page, server.url, 'Bench 1', 1, r === 0 ? args.trace?.replace(/(\.json)?$/, '.single.json') : undefined)),
    );
  }
  const names = ['token', 'socket', 'ready', 'codec', 'chunk', 'sourceopen', 'painted'];
  console.log(
    'tile start-up steps p50 / p95 (ms since its token request)',
    Object.fromEntries(
      names.map((k) => {
        const xs = lastSteps.map((s) => s[k]!).filter(Number.isFinite);
        return [k, `${pct(xs, 50)} / ${pct(xs, 95)}`];
      }),
    ),
  );
  const f = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(0)} ms · p95 ${pct(xs, 95).toFixed(0)} ms (n=${xs.length})`;
  console.log('4x4 first', first.map(Math.round), 'last', last.map(Math.round), 'single', single.map(Math.round));
  console.log(`
| measure (click on the saved layout → first frame) | value |
| --- | --- |
| single tile | ${f(single)} |
| 4×4, first tile | ${f(first)} |
| 4×4, last (16th) tile | ${f(last)} |
`);
} finally {
  await browser.close();
  await server.kill('SIGTERM');
  await reserved.drop();
}
process.exit(0);
