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
 * + TOTP enrolment), and autocannon drives, `--clients` connections for `--seconds` each:
 *  1. GET /api/cameras/map (every camera the operator may see: marker + cone fields);
 *  2. GET /api/cameras (the camera list page).
 * Every request queries and serializes (no answer cache: see docs/benchmarks.md for what was tried).
 * Prints p50/p95/p99/max, requests/s, response bytes and the 1-minute load average (the machine
 * is shared). Results go to docs/benchmarks.md by hand.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '@vigia/testkit/server';
import { freePort, startServer } from '@vigia/testkit/server-process';
import { makeUser, PASSWORD, testApp } from '@vigia/testkit/test-app';
import { reserveDatabase } from '@vigia/testkit/test-database';
import type autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { pct, runAutocannon, runBench, seedCameras } from './bench-common.js';

const { values: args } = parseArgs({
  options: {
    cameras: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    clients: { type: 'string', default: '10' },
    /** Distinct state-wide operators the connections take turns as. */
    users: { type: 'string', default: '10' },
  },
});
const N = Number(args.cameras);
const seconds = Number(args.seconds);
const clients = Number(args.clients);
const users = Number(args.users);

function summary(name: string, { result: r, latencies }: { result: autocannon.Result; latencies: number[] }, bytes: number) {
  const f = (n: number) => n.toFixed(1);
  console.log(
    `${name}: ${r.requests.total} requests, ${r.requests.average.toFixed(0)} req/s, latency p50 ${f(pct(latencies, 50))} ms, ` +
      `p95 ${f(pct(latencies, 95))} ms, p99 ${f(pct(latencies, 99))} ms, max ${f(Math.max(...latencies))} ms; ` +
      `${(bytes / 1024).toFixed(0)} KiB on the wire; non-2xx ${r.non2xx}, errors ${r.errors}; load average (1 min) ${os.loadavg()[0]!.toFixed(2)}`,
  );
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
  if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else delete process.env.DATABASE_URL;
  const reserved = await reserveDatabase();
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
        for (const url of ['/api/cameras/map', '/api/cameras']) {
          const first = await fetch(server.url + url, { headers: sessions[0]! });
          const body = await first.text();
          if (!first.ok) throw new Error(`${url}: ${first.status} ${body.slice(0, 300)}`);
          const count = (JSON.parse(body) as { items: unknown[] }).items.length;
          for (const headers of sessions) await (await fetch(server.url + url, { headers })).text(); // warm-up
          let turn = 0;
          const r = await runAutocannon({
            url: server.url,
            connections: clients,
            duration: seconds,
            timeout: 120, // seconds: an uncached map answer takes seconds under load
            requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: url, headers: sessions[turn++ % sessions.length]! }) }],
          });
          const wire = Number(first.headers.get('content-length') ?? Buffer.byteLength(body));
          summary(`GET ${url} (${count} items, ${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB of JSON)`, r, wire);
        }
      } finally {
        await server.kill('SIGTERM');
      }
    }
  } finally {
    await reserved.drop();
  }
});
