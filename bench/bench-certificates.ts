/**
 * Criminal-record certificate benchmark (not a test): `npx tsx bench/bench-certificates.ts [--seconds 10] [--clients 50]`
 *
 * Starts one API process (embedded PGlite, or a new database on BENCH_DATABASE_URL's PostgreSQL server,
 * dropped at the end, so runs start alike) and the local gov.br; a
 * demo "prata" citizen signs in through the real OIDC flow; then autocannon drives, with
 * `--clients` concurrent connections for `--seconds` each:
 * 1. issue — POST /api/citizen/criminal-certificates (rate-limit counter, search of the records
 *    base, then one transaction: request row, document row + pending render, audit rows); the PDF
 *    is rendered after commit on the process's render thread, not in the request;
 * 2. the render backlog left by step 1 is waited for (the list's `pdfReady`), and the time it took
 *    printed, so step 3 is measured alone;
 * 3. verification — GET /api/public/criminal-certificates/:code over the codes issued in step 1
 *    (one statement: the columns shown and the "who looked me up" row; the per-address counter is
 *    kept in memory and written to the shared row in coalesced upserts).
 * The per-citizen and per-address limits are raised for the run (CRIMINAL_CERTIFICATE_PER_DAY,
 * CERTIFICATE_CHECKS_PER_MINUTE); everything else is as shipped. Targets: p95 ≤ 300 ms (issue),
 * ≤ 50 ms (verification). Results go to docs/benchmarks.md by hand.
 */
import { parseArgs } from 'node:util';
import { govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { signInWithGovbrHttp } from '@vigia/testkit/govbr-sign-in';
import { freePort, startServer } from '@vigia/testkit/server-process';
import type autocannon from 'autocannon';
import { pct, reserveBenchDatabase, runAutocannon, runBench } from './bench-common.js';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, clients: { type: 'string', default: '50' } } });
const seconds = Number(args.seconds);
const clients = Number(args.clients);
const CLIENT = { clientId: 'vigia-bench', clientSecret: 'segredo-do-cliente-bench-govbr' };

function summary(name: string, { result: r, latencies }: { result: autocannon.Result; latencies: number[] }) {
  const f = (n: number) => n.toFixed(1);
  console.log(
    `${name}: ${r.requests.total} requests, ${r.requests.average.toFixed(0)} req/s, latency p50 ${f(pct(latencies, 50))} ms, p95 ${f(pct(latencies, 95))} ms, p99 ${f(pct(latencies, 99))} ms, max ${f(Math.max(...latencies))} ms; non-2xx ${r.non2xx}, errors ${r.errors}`,
  );
}

runBench(async () => {
  // A new database per run: the citizen's list (polled below) and the audit chain start empty.
  const reserved = await reserveBenchDatabase();
  const dataDir = reserved.dataDir;
  const providerPort = await freePort();
  let serverUrl = '';
  const server = await startServer((port) => {
    serverUrl = `http://127.0.0.1:${port}`;
    return {
      DATA_DIR: dataDir,
      DATABASE_URL: reserved.url ?? '',
      JOBS: 'off',
      LOG_LEVEL: 'error',
      PUBLIC_URL: serverUrl,
      GOVBR_ISSUER: `http://127.0.0.1:${providerPort}`,
      GOVBR_CLIENT_ID: CLIENT.clientId,
      GOVBR_CLIENT_SECRET: CLIENT.clientSecret,
      CRIMINAL_CERTIFICATE_PER_DAY: '10000000',
      CERTIFICATE_CHECKS_PER_MINUTE: '10000000',
    };
  });
  const redirectUri = `${serverUrl}/api/citizen/auth/callback`;
  const provider = await startGovbrProvider({ port: providerPort, clients: [{ ...CLIENT, redirectUris: [redirectUri] }] });
  try {
    const prata = govbrDemoAccounts.find((a) => a.level === 'prata')!;
    const session = await signInWithGovbrHttp(server.url, redirectUri, prata.cpf, prata.password);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
    // CPU seconds of the API process (all its threads: requests, PGlite when embedded, render
    // thread), from its Prometheus metrics: per request, this is the cost profile that a loaded
    // machine changes least (latency there is mostly waiting for a core).
    const cpuSeconds = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return Number(/^vigia_process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
    };
    // Warm-up: PDF renderer, fonts, prepared statements.
    for (let i = 0; i < 5; i++)
      await fetch(`${server.url}/api/citizen/criminal-certificates`, { method: 'POST', headers, body: '{"purpose":"aquecimento"}' });

    const cpuBeforeIssue = await cpuSeconds();
    const issue = await runAutocannon({
      url: `${server.url}/api/citizen/criminal-certificates`,
      method: 'POST',
      headers,
      body: JSON.stringify({ purpose: 'emprego' }),
      connections: clients,
      duration: seconds,
    });
    const cpuAfterIssue = await cpuSeconds();
    summary(`issue (${clients} clients, ${seconds} s)`, issue);
    const issued = issue.result.requests.total;

    type Listed = { certificates: { code: string | null; status: string; pdfReady: boolean }[] };
    const listed = async () => (await (await fetch(`${server.url}/api/citizen/criminal-certificates`, { headers })).json()) as Listed;
    const drainStarted = Date.now();
    let list = await listed();
    while (list.certificates.some((c) => c.status === 'issued' && !c.pdfReady)) {
      if (Date.now() - drainStarted > 600_000) throw new Error('the render backlog did not drain in 10 minutes');
      await new Promise((r) => setTimeout(r, 500));
      list = await listed();
    }
    console.log(
      `render backlog: ${list.certificates.length} PDFs ready ${((Date.now() - drainStarted) / 1000).toFixed(1)} s after the issue run`,
    );
    const cpuAfterDrain = await cpuSeconds();
    const perIssue = (s: number) => `${((s * 1000) / issued).toFixed(2)} ms`;
    console.log(
      `API process CPU per issue: ${perIssue(cpuAfterIssue - cpuBeforeIssue)} during the run, ${perIssue(cpuAfterDrain - cpuBeforeIssue)} with its PDFs rendered`,
    );
    const codes = list.certificates.map((c) => c.code).filter((c): c is string => c !== null);
    let next = 0;
    const cpuBeforeVerify = await cpuSeconds();
    const verify = await runAutocannon({
      url: server.url,
      connections: clients,
      duration: seconds,
      requests: [
        { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/public/criminal-certificates/${codes[next++ % codes.length]}` }) },
      ],
    });
    const cpuVerify = (await cpuSeconds()) - cpuBeforeVerify;
    summary(`verification (${clients} clients, ${seconds} s, ${codes.length} codes)`, verify);
    console.log(`API process CPU per verification: ${((cpuVerify * 1000) / verify.result.requests.total).toFixed(2)} ms`);
  } finally {
    await provider.close();
    await server.kill('SIGTERM');
    await reserved.drop();
  }
});
