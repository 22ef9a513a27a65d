/**
 * Playback benchmark (not a test): `npx tsx bench/bench-playback.ts [--record 40] [--segment 10] [--seeks 20]`
 *
 * The start command (API + media node child + GStreamer demo cameras, embedded database) records
 * the demo cameras for `--record` seconds (segments of `--segment` s, 1 s fragments); Chromium
 * signs in to the real back office, opens /app/operacoes/gravacoes/:id, gives a reason, then jumps
 * `--seeks` times to random instants of the recording ("Ir para"). Seek → first frame = from the
 * player's seek() to the first frame presented after it (`seeked` + requestVideoFrameCallback),
 * read from the video's data-seek-ms; it includes the media request (index lookup, file read,
 * fMP4 parse), MSE append and decode. The first seek also includes the playback token (reason,
 * audit row) and is reported apart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '@vigia/testkit/browser';
import { LoginPage } from '@vigia/testkit/login-page';
import { freePort, startServer } from '@vigia/testkit/server-process';

const { values: args } = parseArgs({
  options: {
    record: { type: 'string', default: '40' },
    segment: { type: 'string', default: '10' },
    seeks: { type: 'string', default: '20' },
  },
});
const here = path.dirname(new URL(import.meta.url).pathname);
const webDist = path.resolve(here, '../apps/web/dist');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-bench-pb-'));
const server = await startServer({
  DATA_DIR: dataDir,
  DEMO: '1',
  DEMO_CAMERAS: '1',
  DATABASE_URL: '',
  WEB_DIST: webDist,
  MEDIA_NODE: 'on',
  MEDIA_NODE_PORT: String(await freePort()),
  RECORDING_DEFAULT: 'on',
  RECORDING_SEGMENT_SECONDS: args.segment!,
  RECORDING_FRAGMENT_MS: '1000',
});
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  await new LoginPage(page, server.url).signIn('operator@demo.vigiamais.local', 'demonstracao-vigia');
  const [cam] = (await page.evaluate(async () => (await (await fetch('/api/cameras')).json()).items)) as { id: string }[];
  console.log(`recording for ${args.record} s…`);
  await new Promise((r) => setTimeout(r, Number(args.record) * 1000));
  const spans = (await page.evaluate(async (id) => {
    const r = await fetch(
      `/api/recordings/${id}/timeline?from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`,
    );
    return (await r.json()).spans;
  }, cam!.id)) as { from: string; to: string }[];
  const from = Date.parse(spans[0]!.from);
  const to = Date.parse(spans.at(-1)!.to) - 2000;
  await page.goto(`${server.url}/app/operacoes/gravacoes/${cam!.id}`);
  await page.getByLabel(/Motivo ou número do procedimento/).fill('Benchmark de reprodução');
  await page.getByRole('button', { name: 'Confirmar motivo' }).click();
  const times: number[] = [];
  for (let i = 0; i <= Number(args.seeks); i++) {
    const at = from + Math.random() * (to - from);
    await page.evaluate((ms) => {
      document.querySelector('video')!.removeAttribute('data-seek-ms');
      const v = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
      const input = document.querySelector<HTMLInputElement>('#pb-goto')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, at);
    await page.getByRole('button', { name: 'Ir para' }).click();
    await page.waitForFunction(() => document.querySelector('video')?.hasAttribute('data-seek-ms'), undefined, { timeout: 15_000 });
    times.push(Number(await page.locator('video').getAttribute('data-seek-ms')));
    await new Promise((r) => setTimeout(r, 300));
  }
  const [first, ...rest] = times;
  console.log(
    JSON.stringify({
      recordedSeconds: Math.round((to + 2000 - from) / 1000),
      segmentSeconds: Number(args.segment),
      firstSeekWithTokenMs: first,
      seeks: rest.length,
      p50: pct(rest, 50),
      p95: pct(rest, 95),
      max: Math.max(...rest),
    }),
  );
} finally {
  await browser.close();
  await server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
