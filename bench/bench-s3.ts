/**
 * Recordings in S3 benchmark (not a test): `npx tsx bench/bench-s3.ts [--cameras 20] [--seconds 60] [--objects 24] [--outage 60]`
 *
 * Against a real Ceph RGW on loopback (scripts/ceph-rgw.sh; S3_TEST_* when the caller started one,
 * else its own throwaway cluster):
 *  1. Recording through the spool: N simulated cameras recorded by a media node running as its own
 *     process with RECORDING_STORAGE=s3 for T seconds after a warm-up. Reports bytes received from
 *     the cameras, the node's block-device bytes (/proc/<pid>/io read_bytes + write_bytes), the
 *     spool's logical I/O (recorder writes + uploader reads), bytes uploaded, and the backlog left
 *     (goal: device bytes / received ≤ 2.5×).
 *  1b. With `--outage N` (bench/s3-outage.ts): the node reaches the RGW through a TCP proxy, cut
 *     for N s after phase 1 while the cameras record, then restored: backlog, time to the first
 *     upload and to the backlog gone, drain rate against the ingest (goal ≥ 2×), alert raised and
 *     cleared, every uploaded object's SHA-256/size against the index.
 *  2. Upload throughput: `--objects` files of one 30 s segment at 2 Mbit/s (7.5 MB) sent with the
 *     uploader's code (`uploadFile`: 7.5 MB < 8 MiB → one PutObject with Content-MD5, SHA-256 on the way) at concurrency 4.
 *  3. Playback first byte: `--gets` Range GETs of 512 KiB at random offsets of those objects, time
 *     to the first body byte; and the ranged reader's open (HEAD) + first read. Goal p95 ≤ 100 ms.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client, S3RecordingStorage, uploadFile } from '@vigia/contracts/recording-s3';
import { startSimulator } from '@vigia/testkit/camera-simulator';
import { freshBuckets, startRgw } from '@vigia/testkit/ceph-rgw';
import { makeAllStreamEligible } from '@vigia/testkit/eligible-camera';
import { freePort } from '@vigia/testkit/server-process';
import { startTcpProxy } from '@vigia/testkit/tcp-proxy';
import { makeUser, signIn, testApp } from '@vigia/testkit/test-app';
import { createTestDatabase } from '@vigia/testkit/test-database';
import { sql } from 'drizzle-orm';
import { startSqlGateway } from '../apps/server/src/db/gateway.js';
import { partners } from '../apps/server/src/db/schema.js';
import { children, pct, registerSimCameras, repo, runBench, sleep, stopBench } from './bench-common.js';
import { type OutageFigures, outagePhase } from './s3-outage.js';

const { values: args } = parseArgs({
  options: {
    cameras: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '15' },
    size: { type: 'string', default: '640x360' },
    bitrate: { type: 'string', default: '1000' },
    segment: { type: 'string', default: '10' },
    objects: { type: 'string', default: '24' },
    gets: { type: 'string', default: '300' },
    outage: { type: 'string', default: '0' },
  },
});
const N = Number(args.cameras);
const T = Number(args.seconds);
const MB = 1e6;

function procIo(pid: number): { read: number; write: number } {
  const io = Object.fromEntries(
    fs
      .readFileSync(`/proc/${pid}/io`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(': ') as [string, string]),
  );
  return { read: Number(io.read_bytes), write: Number(io.write_bytes) };
}

const ms = (x: number) => Number(x.toFixed(1));

async function main() {
  const rgw = await startRgw();
  const { settings: s3, client } = await freshBuckets(rgw);
  const OUTAGE = Number(args.outage);
  const rgwUrl = new URL(s3.endpoint);
  const proxy = OUTAGE > 0 ? await startTcpProxy({ host: rgwUrl.hostname, port: Number(rgwUrl.port) }) : undefined;
  const t = await createTestDatabase();
  const key = randomBytes(32).toString('base64');
  const app = await testApp(t.database, t.dataDir, { STREAM_TOKEN_KEY: key });
  const gateway = t.database.kind === 'pglite' ? await startSqlGateway(t.database) : undefined;
  console.log(
    `bench-s3: RGW ${rgw.endpoint}; ${N} cameras ${args.size} ${args.bitrate} kbit/s, ${T} s; database ${t.database.kind}; ${os.cpus().length} CPUs`,
  );

  // ---- 1. recording through the spool ---------------------------------------------------------
  const sim = await startSimulator({
    count: N,
    extraPorts: Math.max(0, N - 1),
    size: args.size!,
    bitrateKbps: Number(args.bitrate),
    sharedPipeline: true,
    startTimeoutMs: 300_000,
  });
  children.push(sim.process);
  const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  const [partner] = await t.database.db
    .insert(partners)
    .values({ kind: 'municipality', name: 'Bench S3', document: randomBytes(7).toString('hex'), municipalityIbge: '5103403' })
    .returning();
  await registerSimCameras(app, admin, partner!.id, sim, N);
  // Issue 12: only cameras tied to an authorised camera point under an active term stream (and record).
  await makeAllStreamEligible(t.database);
  const nodePort = await freePort();
  const node: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'apps/media-node/src/main.ts')], {
    cwd: repo,
    env: {
      ...process.env,
      MEDIA_NODE_ID: 'bench-s3',
      MEDIA_NODE_PORT: String(nodePort),
      DATA_DIR: t.dataDir,
      STREAM_TOKEN_KEY: key,
      LOG_LEVEL: 'warn',
      RECORDING_DEFAULT: 'on',
      RECORDING_MAX_CAMERAS: String(N),
      RECORDING_SEGMENT_SECONDS: args.segment!,
      MEDIA_PUSH: 'off',
      RECORDING_STORAGE: 's3',
      RECORDING_S3_ENDPOINT: proxy?.url ?? s3.endpoint,
      RECORDING_S3_REGION: s3.region,
      RECORDING_S3_BUCKET: s3.bucket,
      RECORDING_S3_EVIDENCE_BUCKET: s3.evidenceBucket,
      RECORDING_S3_ACCESS_KEY_ID: s3.accessKeyId,
      RECORDING_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      RECORDING_SPOOL_GRACE_SECONDS: '5',
      ...(gateway
        ? { DATABASE_URL: '', MEDIA_DB_GATEWAY_URL: gateway.url, MEDIA_DB_GATEWAY_TOKEN: gateway.token }
        : { DATABASE_URL: t.url }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(node);
  await new Promise<void>((resolve) => node.stdout!.on('data', (d) => String(d).includes('MEDIA_NODE_READY') && resolve()));
  type Stats = {
    ingest: { bytesReceived: number };
    recording: { cameras: number; bytes: number };
    upload: { uploaded: number; uploadedBytes: number; errors: number };
  };
  const stats = async () => (await (await fetch(`http://127.0.0.1:${nodePort}/stats`)).json()) as Stats;
  const t0 = Date.now();
  while ((await stats()).recording.cameras < N && Date.now() - t0 < 300_000) await sleep(1000);
  const recording = (await stats()).recording.cameras;
  if (recording < N) throw new Error(`only ${recording} of ${N} cameras recording after 300 s: nothing to measure`);
  await sleep(Number(args.warmup) * 1000);
  const s1 = await stats();
  const io1 = procIo(node.pid!);
  const w1 = Date.now();
  await sleep(T * 1000);
  const s2 = await stats();
  const io2 = procIo(node.pid!);
  const wall = (Date.now() - w1) / 1000;
  const backlog = await t.database.db.execute(
    sql`SELECT count(*)::int AS n FROM recording_segment WHERE object_key IS NULL AND closed_at IS NOT NULL AND deleted_at IS NULL`,
  );
  let outage: OutageFigures | undefined;
  if (proxy) {
    outage = await outagePhase({ db: t.database.db, proxy, client, bucket: s3.bucket, seconds: OUTAGE });
    console.log('outage', JSON.stringify(outage));
  }
  node.kill('SIGTERM');
  await new Promise((res) => node.once('exit', res));
  await proxy?.close();
  const received = s2.ingest.bytesReceived - s1.ingest.bytesReceived;
  const recorded = s2.recording.bytes - s1.recording.bytes;
  const uploaded = s2.upload.uploadedBytes - s1.upload.uploadedBytes;
  const device = io2.read - io1.read + (io2.write - io1.write);
  const spool = {
    cameras: N,
    seconds: Number(wall.toFixed(1)),
    receivedMB: Number((received / MB).toFixed(1)),
    recordedMB: Number((recorded / MB).toFixed(1)),
    uploadedMB: Number((uploaded / MB).toFixed(1)),
    uploadedObjects: s2.upload.uploaded - s1.upload.uploaded,
    uploadErrors: s2.upload.errors - s1.upload.errors,
    deviceReadMB: Number(((io2.read - io1.read) / MB).toFixed(1)),
    deviceWriteMB: Number(((io2.write - io1.write) / MB).toFixed(1)),
    deviceOverReceived: Number((device / received).toFixed(3)),
    spoolLogicalOverReceived: Number(((recorded + uploaded) / received).toFixed(3)),
    backlogSegmentsAtEnd: ((backlog as unknown as { rows: { n: number }[] }).rows ?? (backlog as unknown as { n: number }[]))[0]!,
  };
  console.log('spool', JSON.stringify(spool));

  // ---- 2. upload throughput -------------------------------------------------------------------
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-s3-'));
  const segBytes = 7_500_000;
  const files = Array.from({ length: Number(args.objects) }, (_, i) => {
    const f = path.join(dir, `${i}.mp4`);
    fs.writeFileSync(f, randomBytes(segBytes));
    return f;
  });
  const keys = files.map((_, i) => `rec/bench/2026-01-01/cam/${i}-bench.mp4`);
  const u0 = Date.now();
  const queue = files.map((f, i) => ({ f, k: keys[i]! }));
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await uploadFile(client, s3.bucket, job.k, job.f);
    }),
  );
  const upSecs = (Date.now() - u0) / 1000;
  const upload = {
    objects: files.length,
    objectMB: segBytes / MB,
    seconds: Number(upSecs.toFixed(2)),
    MBps: Number(((files.length * segBytes) / MB / upSecs).toFixed(1)),
    objectsPerSecond: Number((files.length / upSecs).toFixed(2)),
  };
  console.log('upload', JSON.stringify(upload));
  fs.rmSync(dir, { recursive: true, force: true });

  // ---- 3. playback Range GET first byte ---------------------------------------------------------
  const reader = createS3Client({ ...s3 });
  const first: number[] = [];
  const openRead: number[] = [];
  const storage = new S3RecordingStorage(reader, s3.bucket);
  for (let i = 0; i < Number(args.gets); i++) {
    const k = keys[i % keys.length]!;
    const start = Math.floor(Math.random() * (segBytes - 524_288));
    const g0 = performance.now();
    const r = await reader.send(new GetObjectCommand({ Bucket: s3.bucket, Key: k, Range: `bytes=${start}-${start + 524_287}` }));
    const body = r.Body as NodeJS.ReadableStream;
    await new Promise<void>((resolve, reject) => {
      body.once('data', () => {
        first.push(performance.now() - g0);
        resolve();
      });
      body.once('error', reject);
    });
    for await (const _ of body as AsyncIterable<Buffer>);
    const o0 = performance.now();
    const rr = await storage.openRanged(k);
    await rr.read(0, 65_536);
    openRead.push(performance.now() - o0);
  }
  const playback = {
    gets: first.length,
    firstByteMs: { p50: ms(pct(first, 50)), p95: ms(pct(first, 95)), max: ms(Math.max(...first)) },
    headPlusFirst64KiBMs: { p50: ms(pct(openRead, 50)), p95: ms(pct(openRead, 95)), max: ms(Math.max(...openRead)) },
  };
  console.log('playback', JSON.stringify(playback));
  console.log(`
| cameras | received | recorded | uploaded (objects) | device bytes / received | spool logical I/O / received | backlog at end | upload MB/s (objects/s) | Range GET first byte p50 / p95 / max | HEAD + first 64 KiB p95 |
|---|---|---|---|---|---|---|---|---|---|
| ${N} | ${spool.receivedMB} MB | ${spool.recordedMB} MB | ${spool.uploadedMB} MB (${spool.uploadedObjects}) | ${spool.deviceOverReceived} | ${spool.spoolLogicalOverReceived} | ${JSON.stringify(spool.backlogSegmentsAtEnd)} | ${upload.MBps} (${upload.objectsPerSecond}) | ${playback.firstByteMs.p50} / ${playback.firstByteMs.p95} / ${playback.firstByteMs.max} ms | ${playback.headPlusFirst64KiBMs.p95} ms |
`);
  if (outage)
    console.log(`| outage | backlog | ingest | first upload after restore | backlog gone after | drain rate | drain / ingest | alert raised / cleared | objects checked (SHA-256 mismatches) | load average |
|---|---|---|---|---|---|---|---|---|---|
| ${outage.outageSeconds} s | ${outage.backlogSegments} segments (${outage.backlogMB} MB) | ${outage.ingestSegmentsPerSecond} segments/s | ${outage.firstUploadAfterRestoreSeconds} s | ${outage.drainSeconds} s | ${outage.drainSegmentsPerSecond} segments/s (${outage.drainMBps} MB/s) | **${outage.drainOverIngest}×** (goal ≥ 2) | ${outage.alertRaised} / ${outage.alertCleared} | ${outage.objectsChecked} (${outage.hashMismatches}) | ${outage.loadAverage} |
`);
  await stopBench({ sim, gateway, app, t });
  await rgw.stop();
}

runBench(main);
