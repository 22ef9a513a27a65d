/**
 * Warrant and vehicle lookup benchmark (not a test): `npx tsx bench/bench-lookups.ts [--seconds 20] [--rate 200] [--clients 20]`
 *
 * Starts one API process (embedded PGlite, or BENCH_DATABASE_URL's PostgreSQL) with the demo data;
 * the demo civil-police account fills the stores through the API (`--warrants` pending warrants,
 * `--vehicles` vehicles; theft flags come from police reports, so only the demo seed's one
 * flagged vehicle exists — the flag lookup runs on every query either way). Then autocannon drives each anonymous lookup at
 * a fixed overall rate (`--rate` requests/s over `--clients` connections) for `--seconds`:
 * 1. POST /api/public/warrants/lookup — CPF + birth date, half of them of registered people;
 * 2. POST /api/public/vehicles/status — a plate, half of them in the store.
 *
 * The proof of work: the server requires a fresh ALTCHA solution per query. The challenges are
 * fetched and solved here BEFORE the timed run (ALTCHA_MAX_NUMBER is lowered to 200 so solving
 * thousands of them takes seconds; that changes only the client's work — the server's check is
 * one HMAC and one SHA-256 whatever the number). The timed path therefore includes everything the
 * server does per query: CSRF check, the per-address limit (in memory, written coalesced), body
 * validation, the ALTCHA verification and its spend (one INSERT into altcha_spent), the lookup
 * and its log (warrants: one SELECT + one transaction with the "who looked me up" INSERT;
 * vehicles: one statement that reads and logs). The per-address limit is raised for the run
 * (LOOKUPS_PER_MINUTE); all requests come from one address. Target: p95 ≤ 50 ms at 200 req/s.
 * Results go to docs/benchmarks.md by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HttpClient, startServer } from '@vigia/testkit/server-process';
import { solveChallenge } from 'altcha-lib/v1';
import autocannon from 'autocannon';
import { runBench } from './bench-common.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '200' },
    clients: { type: 'string', default: '20' },
    warrants: { type: 'string', default: '1000' },
    vehicles: { type: 'string', default: '2000' },
  },
});
const seconds = Number(args.seconds);
const rate = Number(args.rate);
const clients = Number(args.clients);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

function run(opts: autocannon.Options): Promise<{ result: autocannon.Result; latencies: number[]; statuses: Map<number, number> }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve({ result, latencies, statuses })));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
}

function summary(name: string, { result: r, latencies, statuses }: Awaited<ReturnType<typeof run>>) {
  const f = (n: number) => n.toFixed(1);
  console.log(
    `${name}: ${r.requests.total} requests, ${r.requests.average.toFixed(0)} req/s, latency p50 ${f(pct(latencies, 50))} ms, p95 ${f(pct(latencies, 95))} ms, p99 ${f(pct(latencies, 99))} ms, max ${f(Math.max(...latencies))} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}, errors ${r.errors}`,
  );
}

/** A CPF with valid check digits from a 9-digit base. */
function cpfOf(n: number): string {
  const base = String(100_000_000 + n).slice(-9);
  const digit = (s: string) => {
    const sum = [...s].reduce((acc, d, i) => acc + Number(d) * (s.length + 1 - i), 0);
    const r = (sum * 10) % 11;
    return String(r === 10 ? 0 : r);
  };
  const d1 = digit(base);
  return base + d1 + digit(base + d1);
}
/** An old-format plate BNC0000…; `n` < 10,000 per prefix. */
const plateOf = (n: number, prefix = 'BNC') => `${prefix}${String(n % 10_000).padStart(4, '0')}`;

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

async function solvedAltchas(base: string, n: number): Promise<string[]> {
  const out: string[] = [];
  await pool(
    Array.from({ length: n }, (_, i) => i),
    8,
    async () => {
      const c = await (await fetch(`${base}/api/public/altcha/challenge`)).json();
      const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
      if (!s) throw new Error('altcha challenge not solved');
      out.push(
        Buffer.from(
          JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: s.number, salt: c.salt, signature: c.signature }),
        ).toString('base64'),
      );
    },
  );
  return out;
}

runBench(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-bench-lookups-'));
  const server = await startServer(() => ({
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
    DEMO: '1',
    JOBS: 'off',
    LOG_LEVEL: 'error',
    LOOKUPS_PER_MINUTE: '10000000',
    ALTCHA_MAX_NUMBER: '200',
  }));
  try {
    const staff = new HttpClient(server.url);
    await staff.request('GET', '/api/auth/session');
    const login = await staff.request('POST', '/api/auth/login', {
      email: 'civil-police@demo.vigiamais.local',
      password: 'demonstracao-vigia',
    });
    if (login.status !== 200) throw new Error(`civil-police sign-in failed: ${JSON.stringify(login.json)}`);
    const t0 = Date.now();
    const nW = Number(args.warrants);
    await pool(
      Array.from({ length: nW }, (_, i) => i),
      4,
      async (i) => {
        const r = await staff.request('POST', '/api/warrants', {
          number: `${String(i).padStart(7, '0')}-00.2026.8.11.0041.01.0001-01`,
          court: 'Vara Criminal de teste de carga',
          issuedOn: '2026-01-20',
          validUntil: '2046-01-20',
          personName: `Pessoa Carga Numero ${String.fromCharCode(65 + (i % 26))}${i}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!),
          motherName: 'Mae Carga Teste',
          birthDate: '1990-01-01',
          cpf: cpfOf(i),
        });
        if (r.status !== 200) throw new Error(`warrant ${i}: ${JSON.stringify(r.json)}`);
      },
    );
    const nV = Number(args.vehicles);
    await pool(
      Array.from({ length: nV }, (_, i) => i),
      4,
      async (i) => {
        const r = await staff.request('POST', '/api/vehicle-records', {
          plate: plateOf(i, i < 10_000 ? 'BNC' : 'BND'),
          chassis: null,
          make: 'Marca',
          model: 'Modelo de carga',
          colour: 'Prata',
          year: 2015,
          municipalityIbge: '5103403',
        });
        if (r.status !== 200) throw new Error(`vehicle ${i}: ${JSON.stringify(r.json)}`);
      },
    );
    console.log(`stores filled: ${nW} warrants, ${nV} vehicles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const visitor = new HttpClient(server.url);
    await visitor.request('GET', '/api/auth/session');
    const cookie = `vm_csrf=${visitor.csrf}`;
    const headers = { cookie, 'x-csrf-token': visitor.csrf, 'content-type': 'application/json' };
    const perRun = Math.ceil(rate * seconds * 1.1) + 50;
    const s0 = Date.now();
    const pow = await solvedAltchas(server.url, 2 * perRun + 40);
    console.log(
      `${pow.length} ALTCHA challenges fetched and solved (outside the timed runs) in ${((Date.now() - s0) / 1000).toFixed(1)} s`,
    );
    let next = 0;
    const take = () => {
      const p = pow[next++];
      if (!p) throw new Error('out of pre-solved challenges');
      return p;
    };
    // Warm-up outside the timed runs.
    for (let i = 0; i < 20; i++) {
      await fetch(`${server.url}/api/public/warrants/lookup`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ cpf: cpfOf(i), birthDate: '1990-01-01', altcha: take() }),
      });
      await fetch(`${server.url}/api/public/vehicles/status`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ plate: plateOf(i), altcha: take() }),
      });
    }

    let w = 0;
    const warrants = await run({
      url: server.url,
      connections: clients,
      overallRate: rate,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/public/warrants/lookup',
          headers,
          setupRequest: (req) => {
            const i = w++;
            // Half registered (pending warrant), half unknown CPFs.
            const cpf = i % 2 === 0 ? cpfOf(i % nW) : cpfOf(500_000 + i);
            return { ...req, body: JSON.stringify({ cpf, birthDate: '1990-01-01', altcha: take() }) };
          },
        },
      ],
    });
    summary(`warrant lookup (${rate} req/s over ${clients} connections, ${seconds} s, ${nW} warrants)`, warrants);

    let v = 0;
    const vehicles = await run({
      url: server.url,
      connections: clients,
      overallRate: rate,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/public/vehicles/status',
          headers,
          setupRequest: (req) => {
            const i = v++;
            const plate = i % 2 === 0 ? plateOf(i % nV) : plateOf(i, 'ZZX');
            return { ...req, body: JSON.stringify({ plate, altcha: take() }) };
          },
        },
      ],
    });
    summary(`vehicle status (${rate} req/s over ${clients} connections, ${seconds} s, ${nV} vehicles)`, vehicles);
    console.log(
      `load average (1, 5, 15 min) at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}; ${os.cpus().length} CPUs`,
    );
  } finally {
    await server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
