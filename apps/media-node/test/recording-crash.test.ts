import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { freePort, type ServerProcess, startServer } from '@vigia/testkit/server-process';
import { makeUser, signIn, testApp } from '@vigia/testkit/test-app';
import { type ReservedDatabase, reserveDatabase } from '@vigia/testkit/test-database';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrateDatabase, openDatabase } from '../../server/src/db/client.js';
import { recordingGaps, recordingSegments } from '../../server/src/db/schema.js';
import { verifyRecordings } from '../../server/src/modules/recordings/verify-recordings.js';
import { createPartner, registerCamera, untilProgress } from './helpers/node-testbed.js';

/**
 * Issue "Recording, playback, export and camera health", Done when: kill -9 the server while it
 * records 20 cameras → on restart every closed segment plays and at most the open fragment per
 * camera is lost. The platform runs as the start command runs it (server process + media node
 * child, this run's database: embedded PGlite through the SQL gateway, or PostgreSQL), and the
 * whole process group is killed at once, like a power cut.
 */
const CAMERAS = 20;
const SEGMENT_SECONDS = 4;
const FRAGMENT_MS = 1_000;
/** The simulator's GOP (1 s). */
const GOP_MS = 1_000;

let db: ReservedDatabase;
let sim: Simulator;
let server: ServerProcess | undefined;
let cams: string[] = [];

const recordingsDir = () => path.join(db.dataDir, 'recordings');

/** Highest segment sequence number with a file on disk, per camera (file name `<mmss>-<ms>-<seq>.mp4`). */
function fileSeqs(): Map<string, number> {
  const max = new Map<string, number>();
  if (!fs.existsSync(recordingsDir())) return max;
  for (const f of fs.readdirSync(recordingsDir(), { recursive: true }) as string[]) {
    const m = /^([0-9a-f-]{36})\/.*-(\d+)\.mp4$/.exec(f.split(path.sep).join('/'));
    if (m) max.set(m[1]!, Math.max(max.get(m[1]!) ?? 0, Number(m[2])));
  }
  return max;
}

/** Frames ffprobe decodes from a file (0 when it holds no fragment); throws when ffprobe fails. */
function decodedFrames(file: string): number {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=nb_read_frames',
    '-of',
    'json',
    file,
  ]).toString();
  return Number(JSON.parse(out).streams[0]?.nb_read_frames ?? 0);
}

const serverEnv = async () => ({
  DATA_DIR: db.dataDir,
  DATABASE_URL: db.url ?? '',
  DEMO: '0',
  MEDIA_NODE: 'on',
  MEDIA_NODE_ID: 'crash-node',
  MEDIA_NODE_PORT: String(await freePort()),
  MEDIA_PUSH: 'off',
  MEDIA_HEARTBEAT_MS: '1000',
  RECORDING_DEFAULT: 'on',
  RECORDING_SEGMENT_SECONDS: String(SEGMENT_SECONDS),
  RECORDING_FRAGMENT_MS: String(FRAGMENT_MS),
});

beforeAll(async () => {
  db = await reserveDatabase();
  sim = await startSimulator({
    count: CAMERAS,
    extraPorts: CAMERAS - 1,
    size: '320x240',
    bitrateKbps: 300,
    auth: 'none',
    sharedPipeline: true,
  });
  // Cameras registered through the API (one port each: the registry wants distinct addresses),
  // then the database is closed for the server process (PGlite has one owner).
  const database = await openDatabase({ url: db.url, dataDir: db.dataDir, onPoolError: () => undefined });
  try {
    await migrateDatabase(database);
    const app = await testApp(database, db.dataDir);
    const admin = await signIn(app, (await makeUser(database, ['admin'])).email);
    const partnerId = await createPartner(database, 'Parceiro queda de energia');
    const ports = [sim.port, ...sim.extraPorts];
    for (let k = 1; k <= CAMERAS; k++) {
      const cam = await registerCamera(app, admin, {
        partnerId,
        name: `Câmera ${k}`,
        rtspPort: ports[k - 1]!,
        httpPort: 41_000 + k,
        rtspPath: `/cam${k}`,
      });
      cams.push(cam.id);
    }
    await app.close();
  } finally {
    await database.close();
  }
}, 180_000);

afterAll(async () => {
  await server?.killGroup('SIGKILL');
  await sim?.stop();
  await db?.drop();
});

describe('crash while recording (power cut of the server and its media node)', () => {
  it('kill -9 while recording 20 cameras: every closed segment verifies and plays, the open one is recovered, at most its open fragment is lost', async () => {
    const env = await serverEnv();
    server = await startServer(env, { processGroup: true });
    // ≥ 2 closed segments per camera: a file of segment 3 exists (segment n is closed before n + 1 opens).
    // Waits while the slowest camera's segment count still rises (a loaded machine is slower, not red).
    const slowest = () => Math.min(...cams.map((c) => fileSeqs().get(c) ?? 0));
    await untilProgress(slowest, (n) => n >= 3, 60_000);
    // That file appeared at a keyframe (rotation); kill late in the fragment begun there, when the
    // most frames are still queued in memory (the worst case of the rule, not an early easy one).
    await new Promise((r) => setTimeout(r, 0.7 * FRAGMENT_MS));
    const killAt = Date.now();
    await server.killGroup('SIGKILL');
    server = undefined;
    const seqAtKill = fileSeqs();

    // Restart on the same DATA_DIR and database: the recorder claims every camera again,
    // recovers the segment left open and records on (a new segment file per camera).
    server = await startServer(env, { processGroup: true });
    const behind = () => cams.filter((c) => (fileSeqs().get(c) ?? 0) <= seqAtKill.get(c)!).length;
    await untilProgress(behind, (n) => n === 0, 60_000);
    await server.killGroup('SIGTERM');
    server = undefined;

    const database: Database = await openDatabase({ url: db.url, dataDir: db.dataDir, onPoolError: () => undefined });
    try {
      const storage = new LocalRecordingStorage(recordingsDir());
      for (const cam of cams) {
        const segs = await database.db
          .select()
          .from(recordingSegments)
          .where(eq(recordingSegments.cameraId, cam))
          .orderBy(asc(recordingSegments.seq));
        const atKill = segs.filter((s) => s.startAt.getTime() <= killAt);
        // The segment open at the kill (if any: the kill may fall between two segments) was recovered on restart.
        const recovered = atKill.filter((s) => s.closeReason === 'recovered');
        expect(recovered.length).toBeLessThanOrEqual(1);
        if (recovered.length) expect(recovered[0]!.seq).toBe(atKill.at(-1)!.seq);
        const closedBefore = atKill.filter((s) => s.closeReason !== 'recovered');
        expect(closedBefore.length).toBeGreaterThanOrEqual(2);
        // Not a graceful stop: every segment closed before the kill was closed by rotation.
        expect(closedBefore.every((s) => s.closeReason === 'rotate')).toBe(true);
        // Every segment closed before the kill plays (ffprobe decodes its frames).
        for (const s of closedBefore) expect(decodedFrames(storage.localPath(s.storageKey)), s.storageKey).toBeGreaterThan(0);
        // The recovered one was cut to its last complete fragment and plays too (a kill within its
        // first fragment leaves only its header, or no file when it fell between row and file).
        for (const s of recovered) {
          const file = storage.localPath(s.storageKey);
          if (!fs.existsSync(file)) expect(s.sizeBytes).toBe(0);
          else if (fs.readFileSync(file).includes('moof')) expect(decodedFrames(file), s.storageKey).toBeGreaterThan(0);
          else decodedFrames(file); // init segment only: ffprobe still opens it
        }
        // Footage lost = kill instant − end of what was recorded: at most the open fragment
        // (FRAGMENT_MS; fragments are cut on each keyframe too) + one GOP of slack for the
        // frames in flight and the write queue.
        const recordedUntil = Math.max(...atKill.map((s) => s.endAt!.getTime()));
        expect(killAt - recordedUntil, cam).toBeLessThanOrEqual(FRAGMENT_MS + GOP_MS);
        // The interruption is a gap with its cause ('restart', from the end of the recording to the
        // first new segment); the test's own SIGTERM at the end opened the other one.
        const gaps = (await database.db.select().from(recordingGaps).where(eq(recordingGaps.cameraId, cam))).filter(
          (g) => g.startedAt.getTime() <= killAt,
        );
        expect(gaps).toHaveLength(1);
        // It starts where the chain's last segment ends (segment ends come from media time, the next
        // start from arrival time, so consecutive segments may overlap by a few ms: compare
        // with the last one, not the maximum).
        expect(gaps[0]).toMatchObject({ cause: 'restart', startedAt: atKill.at(-1)!.endAt });
        expect(gaps[0]!.endedAt!.getTime()).toBe(segs.find((s) => s.startAt.getTime() > killAt)!.startAt.getTime());
        // The hash chain (before the kill, recovered segment, after the restart) verifies.
        expect((await verifyRecordings(database.db, storage, cam)).problems).toEqual([]);
      }
    } finally {
      await database.close();
    }
  }, 600_000);
});
