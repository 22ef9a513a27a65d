import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '@vigia/contracts/recording-s3';
import { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { freshBuckets, type Rgw, startRgw } from '@vigia/testkit/ceph-rgw';
import { freePort } from '@vigia/testkit/server-process';
import { startTcpProxy, type TcpProxy } from '@vigia/testkit/tcp-proxy';
import { makeUser, signIn, testApp } from '@vigia/testkit/test-app';
import { postgresAnswers, postgresServerUrl } from '@vigia/testkit/test-database';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrateDatabase, openDatabase } from '../../server/src/db/client.js';
import { uploadBacklogAlertSweep } from '../../server/src/modules/recordings/upload-backlog-alert.sweep.js';
import { verifyRecordings } from '../../server/src/modules/recordings/verify-recordings.js';
import { createPartner, registerCamera, untilProgress } from './helpers/node-testbed.js';

/**
 * Issue 13 "Done when": three media-node PROCESSES on one PostgreSQL server, 30 simulated cameras
 * each, recording (RECORDING_STORAGE=s3) into their spools and uploading to a real Ceph RGW
 * (scripts/ceph-rgw.sh); faults, each asserted on the segment index (rows carry the writer
 * `(node, epoch, generation)`), its hash chain and the objects:
 *  (4) the RGW unreachable for 60 s → no recording lost, an alert raised (and cleared after), the
 *      backlog drained (its rate reported), every object's SHA-256 equal to the index's;
 *  (5) the database unreachable for two lease periods → 0 reassignments, recording goes on;
 *  (1) kill -9 of a node → every camera recording on a live node, gap ≤ 15 s p95 / ≤ 30 s max;
 *  (2) kill -STOP for two lease periods, then -CONT → its writes are refused, it stops what it lost;
 *  (3) graceful drain (SIGTERM) → make-before-break, 0 s gap.
 * Several processes need one server, so this test always runs on PostgreSQL (TEST_POSTGRES_URL,
 * else DATABASE_URL, else the local server); it is skipped, saying so, when none answers. The
 * database outage is a TCP proxy between the nodes and PostgreSQL that the test cuts: restarting
 * the shared server would break the other test files running on it.
 */
const ADMIN_URL = postgresServerUrl();
const CAMERAS = 90;
const HEARTBEAT_MS = 1_000;
const LEASE_MS = 4_000;
const SEGMENT_SECONDS = 2;
const FRAGMENT_MS = 500;
/** Program requirements on the recorded gap of a failover (issue 13). */
const GAP_P95_MS = 15_000;
const GAP_MAX_MS = 30_000;
const S3_OUTAGE_MS = Number(process.env.MULTINODE_S3_OUTAGE_SECONDS ?? 60) * 1000;

const hasPostgres = await postgresAnswers(ADMIN_URL);
if (!hasPostgres) console.warn(`multi-node-failover: skipped — no PostgreSQL server at ${ADMIN_URL} (set TEST_POSTGRES_URL)`);

/** A TCP proxy between the nodes and PostgreSQL: `cut()` refuses and drops every connection, `restore()` lets them in again. */
class DbProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async restore(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

interface NodeProc {
  id: string;
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

interface SegRow {
  camera_id: string;
  seq: number;
  node_id: string;
  node_epoch: number;
  generation: number;
  start_ms: number;
  end_ms: number | null;
  size_bytes: number | null;
  open: boolean;
}

let dbName: string;
let dbUrl: string;
let pool: pg.Pool;
let database: Database | undefined;
let sim: Simulator | undefined;
let proxy: DbProxy;
let workDir: string;
let rgw: Rgw | undefined;
let s3Proxy: TcpProxy | undefined;
let s3: S3Settings;
let s3Client: S3Client;
let cams: string[] = [];
const nodes = new Map<string, NodeProc>();
const keys = { stream: randomBytes(32).toString('base64'), camera: randomBytes(32).toString('base64') };

const q = async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows as T[];

async function startNode(id: string): Promise<NodeProc> {
  const proxied = new URL(dbUrl);
  proxied.port = String(proxy.port);
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/media-node/src/main.ts')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: proxied.toString(),
      MEDIA_NODE_ID: id,
      MEDIA_NODE_PORT: '0',
      DATA_DIR: path.join(workDir, id),
      MEDIA_PUSH: 'off',
      STREAM_TOKEN_KEY: keys.stream,
      CAMERA_SECRETS_KEY: keys.camera,
      RECORDING_DEFAULT: 'on',
      RECORDING_SEGMENT_SECONDS: String(SEGMENT_SECONDS),
      RECORDING_FRAGMENT_MS: String(FRAGMENT_MS),
      MEDIA_HEARTBEAT_MS: String(HEARTBEAT_MS),
      MEDIA_LEASE_SECONDS: String(LEASE_MS / 1000),
      MEDIA_START_RATE: '40',
      MEDIA_DRAIN_SECONDS: '30',
      MEDIA_RECONNECT_MAX_MS: '2000',
      RECORDING_STORAGE: 's3',
      RECORDING_S3_ENDPOINT: s3Proxy!.url,
      RECORDING_S3_REGION: s3.region,
      RECORDING_S3_BUCKET: s3.bucket,
      RECORDING_S3_EVIDENCE_BUCKET: s3.evidenceBucket,
      RECORDING_S3_ACCESS_KEY_ID: s3.accessKeyId,
      RECORDING_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      RECORDING_SPOOL_GRACE_SECONDS: '1',
      RECORDING_UPLOAD_INTERVAL_MS: '500',
      LOG_LEVEL: process.env.MULTINODE_LOG_LEVEL ?? 'error',
    },
  });
  let err = '';
  child.stderr!.setEncoding('utf8');
  const log = fs.createWriteStream(path.join(workDir, `${id}.log`), { flags: 'a' });
  child.stderr!.on('data', (d: string) => {
    err = (err + d).slice(-4000);
    log.write(d);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      if (process.env.MULTINODE_KEEP) log.write(d);
      out += d;
      const m = /MEDIA_NODE_READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`node ${id} exited (${code})\n${err}`)));
  });
  const n = { id, url, child, exited };
  nodes.set(id, n);
  return n;
}

async function stats(
  n: NodeProc,
): Promise<{ upstreams: number; clientsStopped: number; recording: { cameras: number; fencedWrites: number } }> {
  return (await fetch(`${n.url}/stats`)).json() as never;
}

async function assignments(): Promise<Map<string, { node: string; epoch: number; generation: number }>> {
  const rows = await q<{ camera_id: string; node_id: string; epoch: string; generation: string }>(
    'SELECT camera_id::text, node_id, epoch, generation FROM camera_assignment',
  );
  return new Map(rows.map((r) => [r.camera_id, { node: r.node_id, epoch: Number(r.epoch), generation: Number(r.generation) }]));
}

async function segments(): Promise<Map<string, SegRow[]>> {
  const rows = await q<SegRow>(
    `SELECT camera_id::text, seq::int, node_id, node_epoch::int, assignment_generation::int AS generation,
       (extract(epoch from start_at) * 1000)::float8 AS start_ms, (extract(epoch from end_at) * 1000)::float8 AS end_ms,
       size_bytes::int, closed_at IS NULL AS open
     FROM recording_segment ORDER BY camera_id, seq`,
  );
  const by = new Map<string, SegRow[]>();
  for (const r of rows) by.set(r.camera_id, [...(by.get(r.camera_id) ?? []), r]);
  return by;
}

/**
 * Longest stretch without footage of a camera among segments starting in (from, to]: each
 * segment with content (closed with bytes, or still open) is compared with the latest end
 * recorded before it. Overlapping segments (make-before-break) → 0.
 */
function maxGap(rows: SegRow[], from: number): number {
  let end: number | undefined;
  let gap = 0;
  for (const r of [...rows].sort((a, b) => a.start_ms - b.start_ms)) {
    const content = r.open || (r.size_bytes ?? 0) > 0;
    if (!content) continue;
    if (end !== undefined && r.start_ms > from) gap = Math.max(gap, r.start_ms - end);
    end = Math.max(end ?? 0, r.open ? r.start_ms : r.end_ms!);
  }
  return gap;
}

function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? 0;
}

/** Every camera in `ids` has a segment with content begun after `since` by a node in `by`. */
async function recordingOn(ids: string[], since: number, by: (node: string) => boolean): Promise<number> {
  const segs = await segments();
  return ids.filter((c) => (segs.get(c) ?? []).some((r) => r.start_ms > since && by(r.node_id))).length;
}

/** Writers per camera follow the assignment: generations never go back along the sequence, one writer per generation. */
function assertFencedHistory(segs: Map<string, SegRow[]>): void {
  for (const [camera, rows] of segs) {
    const writer = new Map<number, string>();
    let last = 0;
    for (const r of rows) {
      expect(r.generation, `camera ${camera} seq ${r.seq}: a stale writer's row after a newer owner's`).toBeGreaterThanOrEqual(last);
      last = r.generation;
      const w = `${r.node_id}/${r.node_epoch}`;
      expect(writer.get(r.generation) ?? w, `camera ${camera} generation ${r.generation} written by two nodes`).toBe(w);
      writer.set(r.generation, w);
    }
  }
}

interface UploadRow {
  id: string;
  camera_id: string;
  seq: number;
  node_id: string;
  object_key: string | null;
  sha256: string;
  size_bytes: number;
}

/** Closed segments of `ids` closed before `before` (ms), with their object key (null: still only in a spool). */
async function closedSegments(before: number): Promise<UploadRow[]> {
  return q<UploadRow>(
    `SELECT id::text, camera_id::text, seq::int, node_id, object_key, sha256, size_bytes::int FROM recording_segment
     WHERE closed_at IS NOT NULL AND closed_at < to_timestamp($1 / 1000.0) AND size_bytes > 0 ORDER BY camera_id, seq`,
    [before],
  );
}

/** SHA-256 and size of an object, read back from the bucket. */
async function objectSha(key: string): Promise<{ sha256: string; size: number }> {
  const r = await s3Client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
  const bytes = Buffer.from(await r.Body!.transformToByteArray());
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

async function chainsVerify(): Promise<void> {
  const storage = new LocalRecordingStorage(path.join(workDir, 'unused'));
  for (const c of cams) {
    const report = await verifyRecordings(database!.db, storage, c, { checkFiles: false });
    expect(report.problems, `camera ${c}`).toEqual([]);
  }
}

beforeAll(async () => {
  if (!hasPostgres) return;
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-multinode-'));
  dbName = `vigia_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  dbUrl = u.toString();
  if (process.env.MULTINODE_KEEP) console.info(`multi-node-failover: database ${dbName}, logs in ${workDir}`);
  pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  proxy = new DbProxy(await freePort(), { host: u.hostname, port: Number(u.port || 5432) });
  await proxy.restore();
  rgw = await startRgw();
  const rgwUrl = new URL(rgw.endpoint);
  s3Proxy = await startTcpProxy({ host: rgwUrl.hostname, port: Number(rgwUrl.port) });
  ({ settings: s3, client: s3Client } = await freshBuckets(rgw, 'COMPLIANCE', s3Proxy.url));
  sim = await startSimulator({
    count: CAMERAS,
    extraPorts: CAMERAS - 1,
    size: '320x240',
    fps: 10,
    bitrateKbps: 150,
    auth: 'none',
    sharedPipeline: true,
  });
  database = await openDatabase({ url: dbUrl, dataDir: workDir, onPoolError: () => undefined });
  await migrateDatabase(database);
  const app = await testApp(database, path.join(workDir, 'api'));
  try {
    const admin = await signIn(app, (await makeUser(database, ['admin'])).email);
    const partnerId = await createPartner(database, 'Parceiro da frota');
    const ports = [sim.port, ...sim.extraPorts];
    for (let k = 1; k <= CAMERAS; k++) {
      const cam = await registerCamera(app, admin, {
        partnerId,
        name: `Câmera ${k}`,
        rtspPort: ports[k - 1]!,
        httpPort: 42_000 + k,
        rtspPath: `/cam${k}`,
      });
      cams.push(cam.id);
    }
  } finally {
    await app.close();
  }
}, 240_000);

afterAll(async () => {
  for (const n of nodes.values()) {
    n.child.kill('SIGCONT');
    n.child.kill('SIGKILL');
    await n.exited;
  }
  await sim?.stop();
  await proxy?.cut();
  await s3Proxy?.close();
  await rgw?.stop();
  await pool?.end();
  await database?.close();
  if (dbName && !process.env.MULTINODE_KEEP) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  if (workDir && !process.env.MULTINODE_KEEP) fs.rmSync(workDir, { recursive: true, force: true });
}, 120_000);

describe.skipIf(!hasPostgres)('three media nodes on one PostgreSQL: failover, fencing, drain, database outage (issue 13)', () => {
  it('shares 90 cameras fairly between 3 node processes, one lease row per node', async () => {
    await Promise.all(['n1', 'n2', 'n3'].map((id) => startNode(id)));
    const started = Date.now();
    const balanced = async () => {
      const a = await assignments();
      const per = new Map<string, number>();
      for (const v of a.values()) per.set(v.node, (per.get(v.node) ?? 0) + 1);
      return [a.size, ...['n1', 'n2', 'n3'].map((n) => per.get(n) ?? 0)];
    };
    await untilProgress(balanced, ([total, ...per]) => total === CAMERAS && per.every((n) => n === CAMERAS / 3), 30_000);
    await untilProgress(
      () => recordingOn(cams, started, () => true),
      (n) => n === CAMERAS,
      30_000,
    );
    const leases = await q<{ n: number }>('SELECT count(*)::int AS n FROM media_node WHERE lease_expires_at > now()');
    expect(leases[0]!.n).toBe(3);
  });

  it(
    '(4) RGW unreachable for 60 s while the 3 nodes record: no recording lost, an alert raised, the backlog drained, every object matches the index',
    async () => {
      const before = await assignments();
      const cutAt = Date.now();
      await s3Proxy!.cut();
      // Recording goes on into the spools: segments keep closing without objects for the whole outage.
      await untilProgress(
        async () => (await closedSegments(Date.now())).filter((r) => r.object_key === null).length,
        (n) => n > 0 && Date.now() - cutAt >= S3_OUTAGE_MS,
        S3_OUTAGE_MS + 60_000,
      );
      const pending = (await closedSegments(Date.now())).filter((r) => r.object_key === null);
      // Every camera's footage of the outage is waiting in a spool, on each of the three nodes.
      expect(new Set(pending.map((r) => r.camera_id)).size).toBe(CAMERAS);
      expect(new Set(pending.map((r) => r.node_id))).toEqual(new Set(['n1', 'n2', 'n3']));
      // The API's sweep sees the backlog and raises one CIOSP alert for the bucket, naming the nodes (audited).
      await uploadBacklogAlertSweep(database!.db, { bucket: s3.bucket, alertAfterMs: Math.min(10_000, S3_OUTAGE_MS / 2) }).runBatch(1);
      const raised = await q<{ volume: string; message: string }>(
        "SELECT volume, message FROM alert WHERE kind = 'recording_upload_backlog'",
      );
      expect(raised).toHaveLength(1);
      expect(raised[0]!.volume).toBe(`s3:${s3.bucket}`);
      expect(raised[0]!.message).toContain('3 nó(s) de mídia');

      // The backlog: every segment closed (with bytes) before S3 is reachable again and not uploaded.
      const backlogIds = (await closedSegments(Date.now())).filter((r) => r.object_key === null).map((r) => r.id);
      const restoredAt = Date.now();
      await s3Proxy!.restore();
      // The backlog drains: every segment closed before the RGW came back gets its object.
      await untilProgress(
        async () => (await closedSegments(restoredAt)).filter((r) => r.object_key === null).length,
        (n) => n === 0,
        60_000,
      );
      // Drain rate, defined as the issue means it: backlog objects uploaded per second from the
      // moment S3 is reachable again until the last of them is uploaded (the index's uploaded_at,
      // not this test's polling), against the ingest measured during the outage (segments closed
      // per second). Reported, not asserted: a timed figure on a shared runner is no verdict
      // (bench/bench-s3.ts --outage measures it; docs/benchmarks.md).
      const [drain] = await q<{ first_ms: number; last_ms: number; n: number; ingest: number }>(
        `SELECT (extract(epoch from min(uploaded_at)) * 1000)::float8 AS first_ms, (extract(epoch from max(uploaded_at)) * 1000)::float8 AS last_ms,
           count(*)::int AS n,
           (SELECT count(*)::int FROM recording_segment WHERE closed_at >= to_timestamp($2 / 1000.0) AND closed_at < to_timestamp($3 / 1000.0)) AS ingest
         FROM recording_segment WHERE id = ANY($1::uuid[])`,
        [backlogIds, cutAt, restoredAt],
      );
      expect(drain!.n).toBe(backlogIds.length);
      const drainS = (drain!.last_ms - restoredAt) / 1000;
      const ingestPerS = drain!.ingest / ((restoredAt - cutAt) / 1000);
      console.info(
        `RGW outage ${((restoredAt - cutAt) / 1000).toFixed(0)} s: backlog ${backlogIds.length} segments; first upload ` +
          `${((drain!.first_ms - restoredAt) / 1000).toFixed(1)} s after S3 was reachable again, backlog gone after ${drainS.toFixed(1)} s → ` +
          `drain ${(backlogIds.length / drainS).toFixed(1)} segments/s against ${ingestPerS.toFixed(1)} segments/s of ingest ` +
          `(${(backlogIds.length / drainS / ingestPerS).toFixed(2)}×; issue goal ≥ 2×); load average ${os.loadavg()[0]!.toFixed(1)}`,
      );
      // With nothing closed before the restore left waiting, the sweep clears the alert (audited).
      await uploadBacklogAlertSweep(database!.db, { bucket: s3.bucket, alertAfterMs: 0, now: () => new Date(restoredAt) }).runBatch(1);
      const cleared = await q<{ open: boolean }>(
        "SELECT acknowledged_at IS NULL AS open FROM alert WHERE kind = 'recording_upload_backlog'",
      );
      expect(cleared).toEqual([{ open: false }]);
      // No camera moved: an object-storage outage is not a node failure.
      expect(await assignments()).toEqual(before);
      const segs = await segments();
      for (const c of cams) {
        // Nothing lost: no hole in the footage across the outage, sequence numbers without holes.
        expect(maxGap(segs.get(c) ?? [], cutAt - 1_000), `camera ${c}`).toBeLessThanOrEqual(FRAGMENT_MS * 2);
        (segs.get(c) ?? []).forEach((r, i) => expect(r.seq, `camera ${c}`).toBe(i + 1));
      }
      const gaps = await q<{ n: number }>(
        'SELECT count(*)::int AS n FROM recording_gap WHERE ended_at IS NULL OR ended_at > to_timestamp($1 / 1000.0)',
        [cutAt],
      );
      expect(gaps[0]!.n).toBe(0);
      // Every uploaded object hashes to the SHA-256 (and size) in the index, read back from the bucket.
      const uploaded = (await closedSegments(restoredAt)).filter((r) => r.object_key !== null);
      expect(uploaded.length).toBeGreaterThanOrEqual(backlogIds.length);
      const queue = [...uploaded];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let r = queue.shift(); r; r = queue.shift())
            expect(await objectSha(r.object_key!), `segment ${r.id}`).toEqual({ sha256: r.sha256, size: r.size_bytes });
        }),
      );
      await chainsVerify();
    },
    S3_OUTAGE_MS + 300_000,
  );

  it('(5) database unreachable for two lease periods: no camera moves, recording goes on', async () => {
    const before = await assignments();
    const cutAt = Date.now();
    await proxy.cut();
    // Every node's lease runs out while the database is out of reach (nobody can renew).
    await untilProgress(
      async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM media_node WHERE lease_expires_at > now()'))[0]!.n,
      (n) => n === 0 && Date.now() - cutAt >= 2 * LEASE_MS,
      30_000,
    );
    await proxy.restore();
    const back = Date.now();
    // Every node renewed, then two lease periods more and some heartbeats: when claims could start.
    await untilProgress(
      async () =>
        (await q<{ n: number }>('SELECT count(*)::int AS n FROM media_node WHERE heartbeat_at > to_timestamp($1 / 1000.0)', [back]))[0]!.n,
      (n) => n === 3,
      30_000,
    );
    const renewed = Date.now();
    await untilProgress(
      () => recordingOn(cams, renewed + 2 * LEASE_MS + 4 * HEARTBEAT_MS, () => true),
      (n) => n === CAMERAS,
      30_000,
    );
    const after = await assignments();
    expect(after).toEqual(before); // 0 reassignments: same node, epoch and generation for all 90
    const segs = await segments();
    // Recorded locally through the outage: the rows written once the database came back leave no hole.
    const gaps = cams.map((c) => maxGap(segs.get(c) ?? [], cutAt - 1_000));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(FRAGMENT_MS * 2);
    assertFencedHistory(segs);
  });

  it('(1) kill -9 of a node: every camera records again on a live node, gap ≤ 15 s p95 and ≤ 30 s max', async () => {
    const held = [...(await assignments()).entries()].filter(([, a]) => a.node === 'n3').map(([c]) => c);
    expect(held.length).toBe(CAMERAS / 3);
    const n3 = nodes.get('n3')!;
    const killAt = Date.now();
    n3.child.kill('SIGKILL');
    await n3.exited;
    nodes.delete('n3');
    await untilProgress(
      () => recordingOn(held, killAt, (n) => n !== 'n3'),
      (n) => n === held.length,
      60_000,
    );
    const segs = await segments();
    const gaps = held.map((c) => maxGap(segs.get(c) ?? [], killAt - SEGMENT_SECONDS * 1000));
    const sorted = [...gaps].sort((a, b) => a - b);
    console.info(`kill -9 failover gaps (ms): p50 ${sorted[Math.floor(sorted.length / 2)]} p95 ${p95(gaps)} max ${sorted.at(-1)}`);
    expect(p95(gaps)).toBeLessThanOrEqual(GAP_P95_MS);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(GAP_MAX_MS);
    assertFencedHistory(segs);
  });

  it('(2) kill -STOP for two lease periods, then -CONT: its writes are refused (stale owner), it stops the cameras it lost', async () => {
    const n2 = nodes.get('n2')!;
    const before = await assignments();
    const held = [...before.entries()].filter(([, a]) => a.node === 'n2').map(([c]) => c);
    expect(held.length).toBeGreaterThan(0);
    const stoppedBefore = (await stats(n2)).clientsStopped;
    const stopAt = Date.now();
    n2.child.kill('SIGSTOP');
    await untilProgress(
      () => recordingOn(held, stopAt, (n) => n === 'n1'),
      (n) => n === held.length && Date.now() - stopAt >= 2 * LEASE_MS,
      60_000,
    );
    const taken = await assignments();
    for (const c of held) expect(taken.get(c)!.node).toBe('n1');
    n2.child.kill('SIGCONT');
    // It learns it lost them (a refused write, or its next heartbeat) and stops each one.
    await untilProgress(
      async () => {
        const s = await stats(n2);
        return { fenced: s.recording.fencedWrites, stopped: s.clientsStopped - stoppedBefore };
      },
      (s) => s.fenced > 0 && s.stopped >= held.length,
      30_000,
    );
    const segs = await segments();
    for (const c of held) {
      // Nothing written by the stale owner under its old generation after it was paused.
      const stale = (segs.get(c) ?? []).filter(
        (r) => r.node_id === 'n2' && r.generation === before.get(c)!.generation && r.start_ms > stopAt,
      );
      expect(stale, `camera ${c}`).toEqual([]);
    }
    const gaps = held.map((c) => maxGap(segs.get(c) ?? [], stopAt - SEGMENT_SECONDS * 1000));
    expect(p95(gaps)).toBeLessThanOrEqual(GAP_P95_MS);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(GAP_MAX_MS);
    assertFencedHistory(segs);
  });

  it('(3) graceful drain (SIGTERM): the new owner records before the old one stops — 0 s gap; every chain verifies', async () => {
    // n2 is back and takes its fair share again (offered by n1 make-before-break).
    await untilProgress(
      async () => [...(await assignments()).values()].filter((a) => a.node === 'n2').length,
      (n) => n === CAMERAS / 2,
      60_000,
    );
    const n1 = nodes.get('n1')!;
    const held = [...(await assignments()).entries()].filter(([, a]) => a.node === 'n1').map(([c]) => c);
    expect(held.length).toBe(CAMERAS / 2);
    const termAt = Date.now();
    n1.child.kill('SIGTERM');
    await n1.exited;
    nodes.delete('n1');
    const after = await assignments();
    for (const c of held) expect(after.get(c)?.node).toBe('n2');
    await untilProgress(
      () => recordingOn(held, termAt, (n) => n === 'n2'),
      (n) => n === held.length,
      30_000,
    );
    const segs = await segments();
    for (const c of held) {
      // Make-before-break: the new owner's first segment starts before the old owner's last one ends.
      const rows = segs.get(c) ?? [];
      const oldEnd = Math.max(...rows.filter((r) => r.node_id === 'n1' && !r.open).map((r) => r.end_ms!));
      const newStart = Math.min(
        ...rows.filter((r) => r.node_id === 'n2' && r.generation === after.get(c)!.generation).map((r) => r.start_ms),
      );
      expect(Math.max(0, newStart - oldEnd), `camera ${c}: gap at the hand-over (ms)`).toBe(0);
    }
    assertFencedHistory(segs);
    await chainsVerify();
  });
});
