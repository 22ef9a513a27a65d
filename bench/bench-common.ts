/** What the benchmarks (bench-live, bench-record, bench-s3, bench-map…) share: child processes, repo path, start and stop. */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Simulator } from '@vigia/testkit/camera-simulator';
import { makeStreamEligible } from '@vigia/testkit/eligible-camera';
import { authHeaders, makeUser, signIn } from '@vigia/testkit/test-app';
import { type ReservedDatabase, reserveDatabase, type TestDatabase } from '@vigia/testkit/test-database';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import type { App } from '../apps/server/src/app.js';
import type { SqlGateway } from '../apps/server/src/db/gateway.js';
import { partners } from '../apps/server/src/db/schema.js';

export const here = path.dirname(new URL(import.meta.url).pathname);
export const repo = path.resolve(here, '..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Child processes the benchmark started: killed when it exits, whatever happened. */
export const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Stops the camera simulator, the SQL gateway, the API and drops the scratch database. */
export async function stopBench(p: { sim: Simulator; gateway: SqlGateway | undefined; app: App; t: TestDatabase }): Promise<void> {
  await p.sim.stop();
  await p.gateway?.close();
  await p.app.close();
  await p.t.drop();
}

/** Runs the benchmark and exits (0, or 1 with the error printed). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

/** Registers `n` cameras of `partnerId` on the simulator's paths /cam1…/camN (one RTSP port each); returns their ids. */
export async function registerSimCameras(
  app: App,
  admin: Parameters<typeof authHeaders>[0],
  partnerId: string,
  sim: Simulator,
  n: number,
): Promise<string[]> {
  const ports = [sim.port, ...sim.extraPorts];
  const ids: string[] = [];
  for (let k = 1; k <= n; k++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: authHeaders(admin),
      payload: {
        partnerId,
        kind: 'partner_own',
        name: `Sim ${k}`,
        host: '127.0.0.1',
        rtspPort: ports[k - 1]!,
        httpPort: 40_000 + k,
        rtspPath: `/cam${k}`,
        latitude: -15.6,
        longitude: -56.1,
        municipalityIbge: '5103403',
        heading: 0,
        fieldOfView: 90,
        mounting: 'pole',
        credentials: { username: sim.user, password: sim.password },
      },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    ids.push(res.json().id as string);
  }
  return ids;
}

/** `p`-th percentile of `xs` (nearest rank); NaN when empty. */
export const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

/** Runs autocannon and keeps every response time (autocannon's histogram has no p95). */
export function runAutocannon(opts: autocannon.Options): Promise<{ result: autocannon.Result; latencies: number[] }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve({ result, latencies })));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/**
 * `n` camera rows of one municipality partner: one registered through the API by an admin and made
 * eligible to stream (issue 12), cloned `n − 1` times in SQL (PostgreSQL or PGlite). `expr` overrides
 * the clone's expression of a column (`g` is 1…n − 1), e.g. a latitude spread.
 */
export async function seedCameras(
  app: App,
  database: TestDatabase['database'],
  n: number,
  expr: Record<string, string> = {},
): Promise<void> {
  const admin = await signIn(app, (await makeUser(database, ['admin'])).email);
  const [partner] = await database.db
    .insert(partners)
    .values({ kind: 'municipality', name: 'Parceiro', document: '1', municipalityIbge: '5103403' })
    .returning();
  const res = await app.inject({
    method: 'POST',
    url: '/api/cameras',
    headers: authHeaders(admin),
    payload: {
      kind: 'partner_own',
      partnerId: partner!.id,
      name: 'Câmera 0',
      host: '127.0.0.1',
      rtspPort: 1,
      httpPort: 40_001,
      rtspPath: '/cam1',
      latitude: -15.6,
      longitude: -56.1,
      municipalityIbge: '5103403',
      heading: 0,
      fieldOfView: 90,
      mounting: 'pole',
      openToPublic: false,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  await makeStreamEligible(database, res.json().id);
  const rows = (await database.db.execute(
    sql.raw(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'camera' AND table_schema = 'public' ORDER BY ordinal_position`,
    ),
  )) as unknown as { rows: { column_name: string }[] };
  const cols = rows.rows.map((c) => c.column_name);
  const clone: Record<string, string> = {
    id: 'gen_random_uuid()',
    rtsp_port: '1 + g',
    http_port: '40001 + g',
    name: `'Câmera ' || g`,
    ...expr,
  };
  await database.db.execute(
    sql.raw(
      `INSERT INTO camera (${cols.join(', ')}) SELECT ${cols.map((c) => clone[c] ?? c).join(', ')} FROM camera, generate_series(1, ${n - 1}) g`,
    ),
  );
}

/**
 * A new, empty database for one benchmark run: on BENCH_DATABASE_URL's PostgreSQL server (created
 * and dropped by `drop()`), else embedded PGlite in a temporary directory — so runs start alike.
 */
export function reserveBenchDatabase(): Promise<ReservedDatabase> {
  if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else delete process.env.DATABASE_URL;
  return reserveDatabase();
}
