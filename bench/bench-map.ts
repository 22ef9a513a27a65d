/**
 * Operations map and camera list benchmark (not a test):
 * `[BENCH_DATABASE_URL=postgres://…] npx tsx bench/bench-map.ts [--cameras 20000] [--seconds 10] [--clients 10]`
 *
 * Issue 13: "the operations map and camera list API answer p95 ≤ 50 ms for an operator scoped to
 * the whole state with 20,000 cameras in the database". A scratch database (PGlite in a temp
 * DATA_DIR, or a new database on BENCH_DATABASE_URL's PostgreSQL) gets one camera registered
 * through the API and made eligible, cloned in SQL to `--cameras` rows spread over Mato Grosso;
 * then ONE API process (apps/server/src/main.ts, jobs off) serves a state-wide operator (role
 * `operator`, no area: `--users` of them, the requests take turns) signed in over HTTP (password
 * + TOTP enrolment), and autocannon drives, `--clients` connections for `--seconds` each, the
 * requests the web pages make:
 *  1. GET /api/cameras/map/view — the operations map as it opens: the whole state in a 1,100×600 px
 *     map at zoom 6 (clusters computed on the server from the scope's cached index);
 *  2. the same zoomed in on central Cuiabá at zoom 14 (single cameras and small clusters);
 *  3. GET /api/cameras/options — a camera picker's first page (100 light rows, by name);
 *  4. the same with a name search;
 *  5. GET /api/cameras — the camera registry list's first page (100 full rows).
 * Also, once: the old GET /api/cameras/map (every camera, unclustered) with one client, and the
 * time of the first map answer of an operator (the scope's index is built then: 20,000 rows read
 * and clustered). Prints p50/p95/p99/max, requests/s, response bytes, the API process tree's CPU
 * per request (stable under a shared machine's load, unlike latency) and the 1-minute load
 * average. Results go to docs/benchmarks.md by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { CameraMapItem } from '@vigia/contracts';
import { migrateDatabase, openDatabase } from '@vigia/testkit/server';
import { freePort, startServer } from '@vigia/testkit/server-process';
import { makeUser, PASSWORD, testApp } from '@vigia/testkit/test-app';
import type autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { cameras } from '../apps/server/src/db/schema.js';
import { mapItemColumns } from '../apps/server/src/modules/cameras/camera-map.service.js';
import { buildClusterIndex } from '../apps/server/src/modules/cameras/map/map-index.js';
import { pct, reserveBenchDatabase, runAutocannon, runBench, seedCameras } from './bench-common.js';

const { values: args } = parseArgs({
  options: {
    cameras: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    clients: { type: 'string', default: '10' },
    /** Distinct state-wide operators the connections take turns as. */
    users: { type: 'string', default: '10' },
    /** Skip the one unclustered GET /api/cameras/map printed for comparison. */
    'skip-full-map': { type: 'boolean', default: false },
  },
});
const N = Number(args.cameras);
const seconds = Number(args.seconds);
const clients = Number(args.clients);
const users = Number(args.users);

function summary(
  name: string,
  { result: r, latencies }: { result: autocannon.Result; latencies: number[] },
  bytes: number,
  cpuMsPerRequest: number,
) {
  const f = (n: number) => n.toFixed(1);
  console.log(
    `${name}: ${r.requests.total} requests, ${r.requests.average.toFixed(0)} req/s, latency p50 ${f(pct(latencies, 50))} ms, ` +
      `p95 ${f(pct(latencies, 95))} ms, p99 ${f(pct(latencies, 99))} ms, max ${f(Math.max(...latencies))} ms; ` +
      `${(bytes / 1024).toFixed(1)} KiB on the wire; API CPU ${cpuMsPerRequest.toFixed(2)} ms/request; ` +
      `non-2xx ${r.non2xx}, errors ${r.errors}; load average (1 min) ${os.loadavg()[0]!.toFixed(2)}`,
  );
}

/** CPU seconds (user + system) of a process and its descendants (tsx → the API's node). */
function treeCpuSeconds(root: number): number {
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100 }); // USER_HZ 100
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) todo.push(child);
  }
  return total;
}

/** The bounding box a `width`×`height` px Leaflet map (256 px tiles) shows around a centre at a zoom. */
function viewport(lon: number, lat: number, zoom: number, width = 1100, height = 600): string {
  const scale = 256 * 2 ** zoom;
  const x = ((lon + 180) / 360) * scale;
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
  const lonOf = (px: number) => (px / scale) * 360 - 180;
  const latOf = (py: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / scale))) * 180) / Math.PI;
  const r = (n: number) => n.toFixed(4);
  return `west=${r(lonOf(x - width / 2))}&south=${r(latOf(y + height / 2))}&east=${r(lonOf(x + width / 2))}&north=${r(latOf(y - height / 2))}&zoom=${zoom}`;
}

const totpSecrets = new Map<string, string>();

/** Password sign-in over HTTP with TOTP enrolment (back-office staff need MFA); returns the request headers of the session. */
async function signInHttp(base: string, email: string): Promise<Record<string, string>> {
  const jar = new Map<string, string>();
  let csrf = '';
  const call = async (method: string, url: string, body?: unknown) => {
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = csrf;
    const res = await fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const json = (await res.json().catch(() => null)) as Record<string, any> | null;
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    if (typeof json?.csrfToken === 'string') csrf = json.csrfToken;
    return json!;
  };
  await call('GET', '/api/auth/session');
  const login = await call('POST', '/api/auth/login', { email, password: PASSWORD });
  if (login.me.stage === 'mfa_enrol') {
    const { secret } = await call('POST', '/api/auth/mfa/enrol');
    totpSecrets.set(email, secret);
    await call('POST', '/api/auth/mfa/enrol/confirm', { code: await generate({ secret }) });
  } else if (login.me.stage === 'mfa_verify') {
    await call('POST', '/api/auth/mfa/verify', { code: await generate({ secret: totpSecrets.get(email)! }) });
  }
  return { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': csrf };
}

runBench(async () => {
  const reserved = await reserveBenchDatabase();
  const operatorEmails: string[] = [];
  {
    const database = await openDatabase({ url: reserved.url, dataDir: reserved.dataDir, onPoolError: () => undefined });
    await migrateDatabase(database);
    const t = { ...reserved, database };
    // One camera through the API, made eligible (issue 12), cloned N − 1 times in SQL over Mato Grosso.
    const app = await testApp(t.database, t.dataDir);
    await seedCameras(app, t.database, N, {
      // Mato Grosso's bounding box, roughly.
      latitude: '-17.9 + random() * 10',
      longitude: '-61.5 + random() * 11',
      heading: '(g * 37) % 360',
    });
    await t.database.db.execute(sql.raw('ANALYZE'));
    // What a scope's index build holds the event loop for (synchronous), on these rows, in this process.
    const items = (await t.database.db.select(mapItemColumns).from(cameras)) as CameraMapItem[];
    const builds: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      buildClusterIndex(items);
      builds.push(performance.now() - t0);
    }
    console.log(
      `cluster index of ${items.length} cameras (synchronous, event loop held): ${builds.map((b) => b.toFixed(0)).join(', ')} ms; ` +
        `load average (1 min) ${os.loadavg()[0]!.toFixed(2)}`,
    );
    for (let i = 0; i < users; i++) operatorEmails.push((await makeUser(t.database, ['operator'])).email);
    await app.close();
    await t.database.close();
  }
  const kind = reserved.url ? 'PostgreSQL' : 'PGlite';
  try {
    {
      const server = await startServer({
        DATA_DIR: reserved.dataDir,
        DATABASE_URL: reserved.url ?? '',
        JOBS: 'off',
        LOG_LEVEL: 'error',
        PUBLIC_URL: `http://127.0.0.1:${await freePort()}`,
      });
      try {
        const sessions: Record<string, string>[] = [];
        // Browsers always offer gzip.
        for (const email of operatorEmails) sessions.push({ ...(await signInHttp(server.url, email)), 'accept-encoding': 'gzip' });
        console.log(
          `${N} cameras, ${kind}, one API process, ${clients} client(s) × ${seconds} s, ${users} operators scoped to the whole state`,
        );
        // The first map answer of each operator builds that scope's index (then served from the cache).
        const state = `/api/cameras/map/view?${viewport(-56, -12.9, 6)}`;
        for (const [i, headers] of sessions.entries()) {
          const t0 = performance.now();
          const res = await fetch(server.url + state, { headers });
          await res.text();
          if (i < 3)
            console.log(`first map answer of operator ${i + 1} (builds its scope's index): ${(performance.now() - t0).toFixed(0)} ms`);
        }
        const routes: [string, string][] = [
          ['operations map, whole state (zoom 6)', state],
          ['operations map, central Cuiabá (zoom 14)', `/api/cameras/map/view?${viewport(-56.0967, -15.601, 14)}`],
          ['camera picker, first page', '/api/cameras/options'],
          ['camera picker, search', `/api/cameras/options?q=${encodeURIComponent('Câmera 123')}`],
          ['camera list, first page', '/api/cameras'],
        ];
        for (const [label, url] of routes) {
          const first = await fetch(server.url + url, { headers: sessions[0]! });
          const body = await first.text();
          if (!first.ok) throw new Error(`${url}: ${first.status} ${body.slice(0, 300)}`);
          const json = JSON.parse(body) as { items?: unknown[]; clusters?: unknown[]; cameras?: unknown[]; total?: number };
          const shape = json.items
            ? `${json.items.length} items`
            : `${json.clusters!.length} clusters + ${json.cameras!.length} cameras of ${json.total}`;
          for (const headers of sessions) await (await fetch(server.url + url, { headers })).text(); // warm-up
          let turn = 0;
          const cpu0 = treeCpuSeconds(server.child.pid!);
          const r = await runAutocannon({
            url: server.url,
            connections: clients,
            duration: seconds,
            timeout: 120,
            requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: url, headers: sessions[turn++ % sessions.length]! }) }],
          });
          const cpuMs = ((treeCpuSeconds(server.child.pid!) - cpu0) * 1000) / Math.max(1, r.result.requests.total);
          const wire = Number(first.headers.get('content-length') ?? Buffer.byteLength(body));
          summary(
            `${label} GET ${url.split('?')[0]} (${shape}, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KiB of JSON)`,
            r,
            wire,
            cpuMs,
          );
        }
        if (!args['skip-full-map']) {
          const t0 = performance.now();
          const cpu0 = treeCpuSeconds(server.child.pid!);
          const res = await fetch(`${server.url}/api/cameras/map`, { headers: sessions[0]! });
          const body = await res.text();
          console.log(
            `for comparison, the unclustered GET /api/cameras/map once: ${(performance.now() - t0).toFixed(0)} ms, ` +
              `${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB of JSON, API CPU ${((treeCpuSeconds(server.child.pid!) - cpu0) * 1000).toFixed(0)} ms`,
          );
        }
      } finally {
        await server.kill('SIGTERM');
      }
    }
  } finally {
    await reserved.drop();
  }
});
