/**
 * Recording benchmark (not a test): `npx tsx bench/bench-record.ts [--cameras 100] [--seconds 60] [--export 4]`
 *
 * N simulated cameras (GStreamer simulator, digest auth, 1280×720, 15 fps, ~2 Mbit/s, 1 s GOP)
 * registered through the API and recorded by a media node running as its own process, exactly as
 * the start command runs it (RECORDING_DEFAULT=on: one upstream per camera, recorder + health on
 * it, fMP4 segments on disk, one database row per segment). Over T seconds after a warm-up it
 * reports, from the node's /stats: CPU (% of one core) and RSS per camera, RTP loss and gaps,
 * frames/s against the cameras' rate, bytes received from the cameras and bytes written by the
 * recorders (goal written/received ≤ 1.02), the disk write rate, and the gaps the database holds
 * for the window. Then the node stops (segments close) and `--export` cameras × T seconds are
 * exported through the same code as the export job (ffmpeg -c copy, SHA-256, Ed25519 manifest):
 * export throughput in MB/s and seconds of video per second.
 *
 * `--shared-sim`: the simulator paces and payloads the clip once for all cameras (each camera still
 * has its own RTSP session, TCP connection and digest authentication), so at hundreds of cameras
 * the 2 cores go to the system under test rather than to the load generator.
 *
 * Database: PostgreSQL when DATABASE_URL is set (a scratch database on that server, as a deployment
 * of this size would run), otherwise embedded PGlite through the SQL gateway (ADR 0004).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import { startSimulator } from '@vigia/testkit/camera-simulator';
import { makeAllStreamEligible } from '@vigia/testkit/eligible-camera';
import { freePort } from '@vigia/testkit/server-process';
import { makeUser, signIn, testApp } from '@vigia/testkit/test-app';
import { createTestDatabase } from '@vigia/testkit/test-database';
import { and, gte, sql } from 'drizzle-orm';
import { startSqlGateway } from '../apps/server/src/db/gateway.js';
import { partners } from '../apps/server/src/db/schema.js';
import { recordingGaps } from '../apps/server/src/db/tables/recordings.js';
import { createExport } from '../apps/server/src/modules/exports/create-export.js';
import { loadExportSigningKey } from '../apps/server/src/modules/exports/export-signing.js';
import { children, registerSimCameras, repo, runBench, sleep, stopBench } from './bench-common.js';

const { values: args } = parseArgs({
  options: {
    cameras: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '15' },
    export: { type: 'string', default: '4' },
    fps: { type: 'string', default: '15' },
    bitrate: { type: 'string', default: '2000' },
    size: { type: 'string', default: '1280x720' },
    /** Simulator: one pipeline for all cameras (its own CPU stays small at hundreds of cameras). */
    'shared-sim': { type: 'boolean', default: false },
  },
});
const N = Number(args.cameras);
const T = Number(args.seconds);
const FPS = Number(args.fps);
const MB = 1e6;
const MiB = 2 ** 20;

function procCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** Bytes under a directory (files only). */
function diskBytes(dir: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) n += fs.statSync(p).size;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return n;
}

interface Totals {
  ingest: {
    bytesReceived: number;
    rtpPackets: number;
    rtpLost: number;
    rtpGaps: number;
    accessUnits: number;
    reconnects: number;
    droppedNalUnits: number;
    gopCacheBytes: number;
  };
  recording: { cameras: number; segments: number; bytes: number; frames: number; writeErrors: number };
}
type Stats = Totals & { upstreams: number; rtspSessions: number; rssBytes: number; cpu: { user: number; system: number } };

async function main() {
  const key = randomBytes(32).toString('base64');
  const t = await createTestDatabase();
  const app = await testApp(t.database, t.dataDir, { STREAM_TOKEN_KEY: key });
  const gateway = t.database.kind === 'pglite' ? await startSqlGateway(t.database) : undefined;
  console.log(
    `bench-record: ${N} cameras ${args.size} ${FPS} fps ${args.bitrate} kbit/s, ${T} s; database ${t.database.kind}; ${os.cpus().length} CPUs; simulator ${args['shared-sim'] ? 'one shared pipeline' : 'one pipeline per session'}; data ${t.dataDir}`,
  );

  const sim = await startSimulator({
    count: N,
    extraPorts: Math.max(0, N - 1),
    size: args.size!,
    fps: FPS,
    bitrateKbps: Number(args.bitrate),
    startTimeoutMs: 300_000,
    sharedPipeline: args['shared-sim'],
  });
  children.push(sim.process);
  const adminUser = await makeUser(t.database, ['admin']);
  const admin = await signIn(app, adminUser.email);
  const [partner] = await t.database.db
    .insert(partners)
    .values({ kind: 'municipality', name: 'Bench', document: randomBytes(7).toString('hex'), municipalityIbge: '5103403' })
    .returning();
  const cams = await registerSimCameras(app, admin, partner!.id, sim, N);
  // Issue 12: only cameras tied to an authorised camera point under an active term stream (and record).
  await makeAllStreamEligible(t.database);

  const nodePort = await freePort();
  const node: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'apps/media-node/src/main.ts')], {
    cwd: repo,
    env: {
      ...process.env,
      MEDIA_NODE_ID: 'bench-record',
      MEDIA_NODE_PORT: String(nodePort),
      DATA_DIR: t.dataDir,
      STREAM_TOKEN_KEY: key,
      LOG_LEVEL: 'warn',
      RECORDING_DEFAULT: 'on',
      RECORDING_MAX_CAMERAS: String(N),
      MEDIA_PUSH: 'off',
      ...(gateway
        ? { DATABASE_URL: '', MEDIA_DB_GATEWAY_URL: gateway.url, MEDIA_DB_GATEWAY_TOKEN: gateway.token }
        : { DATABASE_URL: t.url }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(node);
  await new Promise<void>((resolve) => node.stdout!.on('data', (d) => String(d).includes('MEDIA_NODE_READY') && resolve()));
  const stats = async () => (await (await fetch(`http://127.0.0.1:${nodePort}/stats`)).json()) as Stats;
  const s0 = await stats();

  const t0 = Date.now();
  while ((await stats()).recording.cameras < N && Date.now() - t0 < 300_000) await sleep(1000);
  const s = await stats();
  console.log(
    `${s.recording.cameras}/${N} cameras recording after ${((Date.now() - t0) / 1000).toFixed(1)} s; warming up ${args.warmup} s`,
  );
  await sleep(Number(args.warmup) * 1000);

  const recDir = path.join(t.dataDir, 'recordings');
  const s1 = await stats();
  const sim1 = procCpuSeconds(sim.process.pid!);
  const disk1 = diskBytes(recDir);
  const w1 = Date.now();
  let rssPeak = 0;
  const sampler = setInterval(() => void stats().then((x) => (rssPeak = Math.max(rssPeak, x.rssBytes))), 2000);
  await sleep(T * 1000);
  clearInterval(sampler);
  const s2 = await stats();
  const wall = (Date.now() - w1) / 1000;
  const sim2 = procCpuSeconds(sim.process.pid!);
  const disk2 = diskBytes(recDir);
  const gaps = await t.database.db
    .select({ cause: recordingGaps.cause, n: sql<number>`count(*)::int` })
    .from(recordingGaps)
    .where(and(gte(recordingGaps.startedAt, new Date(w1))))
    .groupBy(recordingGaps.cause);

  const d = <K extends keyof Totals['ingest']>(k: K) => s2.ingest[k] - s1.ingest[k];
  const r = <K extends keyof Totals['recording']>(k: K) => s2.recording[k] - s1.recording[k];
  const cpuPct = ((s2.cpu.user + s2.cpu.system - s1.cpu.user - s1.cpu.system) / 1e6 / wall) * 100;
  const result = {
    cameras: N,
    recording: s2.recording.cameras,
    rtspSessions: s2.rtspSessions,
    seconds: Number(wall.toFixed(1)),
    nodeCpuPctOfOneCore: Number(cpuPct.toFixed(1)),
    nodeCpuPctPerCamera: Number((cpuPct / N).toFixed(3)),
    nodeRssIdleMiB: Number((s0.rssBytes / MiB).toFixed(1)),
    nodeRssMiB: Number((s2.rssBytes / MiB).toFixed(1)),
    nodeRssPeakMiB: Number((rssPeak / MiB).toFixed(1)),
    rssPerCameraMiB: Number(((s2.rssBytes - s0.rssBytes) / MiB / N).toFixed(3)),
    rssPerCameraMB: Number(((s2.rssBytes - s0.rssBytes) / MB / N).toFixed(3)),
    gopCacheMiB: Number((s2.ingest.gopCacheBytes / MiB).toFixed(1)),
    receivedMbitPerSecond: Number(((d('bytesReceived') * 8) / 1e6 / wall).toFixed(1)),
    rtpPackets: d('rtpPackets'),
    rtpLost: d('rtpLost'),
    rtpGaps: d('rtpGaps'),
    reconnects: d('reconnects'),
    framesPerSecond: Number((d('accessUnits') / wall).toFixed(1)),
    expectedFramesPerSecond: N * FPS,
    recordedFramesPerSecond: Number((r('frames') / wall).toFixed(1)),
    writtenByRecordersMB: Number((r('bytes') / MB).toFixed(1)),
    diskGrowthMB: Number(((disk2 - disk1) / MB).toFixed(1)),
    diskWriteMBps: Number(((disk2 - disk1) / MB / wall).toFixed(1)),
    writtenOverReceived: Number((r('bytes') / d('bytesReceived')).toFixed(4)),
    diskGrowthOverReceived: Number(((disk2 - disk1) / d('bytesReceived')).toFixed(4)),
    segmentsClosed: r('segments'),
    writeErrors: r('writeErrors'),
    gapsInWindow: Object.fromEntries(gaps.map((g) => [g.cause, g.n])),
    simulatorCpuPctOfOneCore: Number((((sim2 - sim1) / wall) * 100).toFixed(1)),
  };
  console.log(JSON.stringify(result, null, 2));

  node.kill('SIGTERM');
  await new Promise((res) => node.once('exit', res));

  // ---- export throughput ----------------------------------------------------------------------
  const K = Math.min(Number(args.export), N);
  let exportResult: Record<string, number> | undefined;
  if (K > 0) {
    const signingKey = await loadExportSigningKey({ dataDir: t.dataDir });
    const outDir = path.join(t.dataDir, 'exports');
    const e0 = Date.now();
    const { dir, manifest } = await createExport(
      { db: t.database.db, storage: new LocalRecordingStorage(recDir), outDir, signingKey },
      {
        cameraIds: cams.slice(0, K),
        from: new Date(w1),
        to: new Date(w1 + T * 1000),
        operator: { id: adminUser.id, name: 'bench' },
        reason: 'Benchmark de exportação',
      },
    );
    const secs = (Date.now() - e0) / 1000;
    const bytes = fs.readdirSync(dir).reduce((a, f) => a + fs.statSync(path.join(dir, f)).size, 0);
    exportResult = {
      cameras: K,
      videoSecondsPerCamera: T,
      files: manifest.files.length,
      packageMB: Number((bytes / MB).toFixed(1)),
      seconds: Number(secs.toFixed(2)),
      throughputMBps: Number((bytes / MB / secs).toFixed(1)),
      videoSecondsPerSecond: Number(((K * T) / secs).toFixed(1)),
    };
    console.log('export', JSON.stringify(exportResult));
  }
  console.log(`
| cameras | node CPU (% of one core) | per camera | node RSS idle → loaded | RSS per camera | received | RTP lost / gaps | frames/s (got / expected) | written / received | disk write | gaps in window | simulator CPU |
|---|---|---|---|---|---|---|---|---|---|---|---|
| ${N} | ${result.nodeCpuPctOfOneCore} % | ${result.nodeCpuPctPerCamera} % | ${result.nodeRssIdleMiB} → ${result.nodeRssMiB} MiB | ${result.rssPerCameraMiB} MiB (${result.rssPerCameraMB} MB) | ${result.receivedMbitPerSecond} Mbit/s | ${result.rtpLost} / ${result.rtpGaps} | ${result.framesPerSecond} / ${result.expectedFramesPerSecond} | ${result.writtenOverReceived} | ${result.diskWriteMBps} MB/s | ${JSON.stringify(result.gapsInWindow)} | ${result.simulatorCpuPctOfOneCore} % |
`);
  await stopBench({ sim, gateway, app, t });
}

runBench(main);
