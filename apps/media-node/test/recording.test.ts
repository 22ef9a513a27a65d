import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { makeUser, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import { cameraOutages, evidenceLocks, recordingGaps, recordingSegments } from '../../server/src/db/schema.js';
import { drainSweep } from '../../server/src/jobs/sweep.js';
import { createExport } from '../../server/src/modules/exports/create-export.js';
import { loadExportSigningKey } from '../../server/src/modules/exports/export-signing.js';
import { verifyExportPackage } from '../../server/src/modules/exports/verify-export-package.js';
import { recordingRetentionSweep } from '../../server/src/modules/recordings/recording-retention.sweep.js';
import { verifyRecordings } from '../../server/src/modules/recordings/verify-recordings.js';
import type { MediaNode } from '../src/node.js';
import {
  createPartner,
  RECORDING_TEST_ENV,
  registerRecordedCamera,
  startTestApp,
  startTestNode,
  stopTestBed,
  until,
} from './helpers/node-testbed.js';

/** Continuous recording on a real GStreamer camera: index, hash chain, gaps, health, retention. */
let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode | undefined;
let cam = '';
let storage: LocalRecordingStorage;

const segments = () =>
  t.database.db.select().from(recordingSegments).where(eq(recordingSegments.cameraId, cam)).orderBy(asc(recordingSegments.seq));

beforeAll(async () => {
  ({ t, app, gateway } = await startTestApp());
  sim = await startSimulator({ count: 1, size: '640x360', bitrateKbps: 500 });
  const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
  const partnerId = await createPartner(t.database, 'Parceiro gravação');
  cam = await registerRecordedCamera(app, t.database, admin, sim, { partnerId, name: 'Câmera gravada', httpPort: 50_001 });
  storage = new LocalRecordingStorage(path.join(t.dataDir, 'recordings'));
  node = await startTestNode(t, gateway, {
    MEDIA_NODE_ID: 'rec-node',
    ...RECORDING_TEST_ENV,
    MEDIA_WATCHDOG_MS: '2000',
  });
}, 180_000);

afterAll(() => stopTestBed({ node, gateway, sim, app, t }));

describe('continuous recording', () => {
  it('records a camera without any viewer into dated fMP4 segments whose index and hash chain verify', async () => {
    await until(async () => (await segments()).filter((s) => s.closedAt).length >= 3, 20_000);
    expect(node!.upstreams.sessionsByCamera.get(cam)).toBe(1); // one upstream, no viewer
    expect(node!.viewers.size).toBe(0);
    const segs = (await segments()).filter((s) => s.closedAt);
    for (const s of segs) {
      expect(s.storageKey).toMatch(new RegExp(`^${cam}/\\d{4}/\\d{2}/\\d{2}/\\d{2}/\\d{4}-\\d{3}-${s.seq}\\.mp4$`));
      expect(s.sizeBytes).toBeGreaterThan(1000);
      expect(s.endAt!.getTime() - s.startAt.getTime()).toBeGreaterThanOrEqual(1900);
      expect(s.endAt!.getTime() - s.startAt.getTime()).toBeLessThan(4000);
      expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    // Each segment is a valid fragmented MP4 (ffprobe counts its frames: ~15 fps).
    const out = execFileSync('ffprobe', [
      '-v',
      'error',
      '-count_frames',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=nb_read_frames,codec_name',
      '-of',
      'json',
      storage.localPath(segs[1]!.storageKey),
    ]).toString();
    const stream = JSON.parse(out).streams[0];
    expect(stream.codec_name).toBe('h264');
    expect(Number(stream.nb_read_frames)).toBeGreaterThanOrEqual(25);
    const report = await verifyRecordings(t.database.db, storage, cam);
    expect(report.problems).toEqual([]);
    expect(report.checkedFiles).toBeGreaterThanOrEqual(3);
    // Health: connected, receiving ~15 fps; monitoring started; first video set.
    const h = await t.database.db.execute(
      sql`SELECT connected, receiving, fps, bitrate_kbps FROM camera_health WHERE camera_id = ${cam}::uuid`,
    );
    const row = (h as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
    expect(row.connected).toBe(true);
    expect(row.receiving).toBe(true);
    expect(Number(row.fps)).toBeGreaterThan(8);
    const fv = await t.database.db.execute(sql`SELECT first_video_at FROM camera WHERE id = ${cam}::uuid`);
    expect((fv as unknown as { rows: { first_video_at: unknown }[] }).rows[0]!.first_video_at).not.toBeNull();
  });

  it('records the interruption as a gap with its cause and an outage when the camera dies', async () => {
    const killedAt = Date.now();
    await sim.kill();
    await until(async () =>
      (await t.database.db.select().from(recordingGaps).where(eq(recordingGaps.cameraId, cam))).some(
        (g) => g.cause === 'camera_unreachable' || g.cause === 'stream_stalled',
      ),
    );
    await until(async () => (await t.database.db.select().from(cameraOutages).where(eq(cameraOutages.cameraId, cam))).length === 1, 10_000);
    // Every gap was opened by the kill (no false gap/outage while the camera was connecting).
    const [gap] = await t.database.db.select().from(recordingGaps).where(eq(recordingGaps.cameraId, cam));
    expect(gap!.endedAt).toBeNull();
    expect(Math.abs(gap!.startedAt.getTime() - killedAt)).toBeLessThan(3000);
    const [outage] = await t.database.db.select().from(cameraOutages).where(eq(cameraOutages.cameraId, cam));
    expect(outage!.endedAt).toBeNull();
    expect(outage!.cause).toMatch(/camera_unreachable|stream_stalled/);
    // The open segment was closed at the interruption; the chain still verifies.
    await until(async () => (await segments()).every((s) => s.closedAt));
    expect((await segments()).at(-1)!.closeReason).toBe('gap');
    expect((await verifyRecordings(t.database.db, storage, cam)).ok).toBe(true);
    expect(node!.upstreams.sessionsByCamera.get(cam)).toBe(1);
  });

  it('detects and names a flipped byte, a removed file and a removed index row', async () => {
    const segs = await segments();
    const victim = segs[1]!;
    const file = storage.localPath(victim.storageKey);
    const original = await fs.readFile(file);
    const flipped = Buffer.from(original);
    flipped[flipped.length - 10]! ^= 0x01;
    await fs.writeFile(file, flipped);
    let report = await verifyRecordings(t.database.db, storage, cam);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'file_altered', seq: victim.seq, storageKey: victim.storageKey })]);
    await fs.rm(file);
    report = await verifyRecordings(t.database.db, storage, cam);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'file_missing', seq: victim.seq, storageKey: victim.storageKey })]);
    await fs.writeFile(file, original);
    expect((await verifyRecordings(t.database.db, storage, cam)).ok).toBe(true);
    // Removing the row (and the file) of a segment breaks the sequence and the chain.
    await t.database.db.delete(recordingSegments).where(eq(recordingSegments.id, victim.id));
    report = await verifyRecordings(t.database.db, storage, cam);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'segment_row_missing', seq: victim.seq }));
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'chain_broken', seq: victim.seq + 1 }));
    await t.database.db.insert(recordingSegments).values(victim);
    expect((await verifyRecordings(t.database.db, storage, cam)).ok).toBe(true);
  });

  it('exports a range as plain MP4 with a signed manifest that verifies; a tampered clip fails naming the file', async () => {
    const segs = (await segments()).filter((x) => x.closedAt);
    const from = new Date(segs[0]!.startAt.getTime() + 500);
    const to = new Date(segs.at(-1)!.endAt!.getTime() - 200);
    const signingKey = await loadExportSigningKey({ dataDir: t.dataDir });
    const progress: number[] = [];
    const { dir, manifest } = await createExport(
      { db: t.database.db, storage, outDir: path.join(t.dataDir, 'exports'), signingKey },
      { cameraIds: [cam], from, to, operator: { id: 'op-1', name: 'Operadora' }, reason: 'Ofício 12/2026 — furto' },
      (f) => progress.push(f),
    );
    expect(progress.at(-1)).toBe(1);
    expect(manifest.files).toHaveLength(1);
    const mp4 = path.join(dir, manifest.files[0]!.name);
    const probe = JSON.parse(
      execFileSync('ffprobe', [
        '-v',
        'error',
        '-show_entries',
        'format=format_name,duration:stream=codec_name',
        '-of',
        'json',
        mp4,
      ]).toString(),
    );
    expect(probe.format.format_name).toContain('mp4');
    expect(probe.streams[0].codec_name).toBe('h264');
    expect(Number(probe.format.duration)).toBeGreaterThan(3);
    // faststart: moov before mdat.
    const head = (await fs.readFile(mp4)).subarray(0, 64 * 1024).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(-1);
    expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat'));
    expect(await verifyExportPackage(dir, signingKey.publicKeyPem)).toMatchObject({ ok: true, problems: [] });
    const bytes = await fs.readFile(mp4);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x80;
    await fs.writeFile(mp4, bytes);
    expect((await verifyExportPackage(dir)).problems).toEqual([{ file: manifest.files[0]!.name, problem: 'file_altered' }]);
    // A re-signed manifest with another key is refused against the published key.
    const forged = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8'));
    forged.reason = 'outro';
    await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(forged));
    expect((await verifyExportPackage(dir, signingKey.publicKeyPem)).problems).toContainEqual({
      file: 'manifest.json',
      problem: 'signature_invalid',
    });
  });

  it('retention: free-space floor deletes the oldest unlocked footage first; expiry deletes the rest; locks win; orphans are quarantined then deleted', async () => {
    await node!.stop();
    node = undefined;
    const segs = await segments();
    expect(segs.length).toBeGreaterThanOrEqual(4);
    // An evidence lock over the first segment.
    await t.database.db
      .insert(evidenceLocks)
      .values({ cameraId: cam, fromAt: segs[0]!.startAt, toAt: new Date(segs[0]!.startAt.getTime() + 500), reason: 'investigação' });
    // Floor: free space below the floor for one call → one batch deletes the oldest unlocked.
    let free = 0;
    const lowDisk = Object.assign(Object.create(storage) as LocalRecordingStorage, { freeBytes: async () => free });
    const floorSweep = recordingRetentionSweep(t.database.db, lowDisk, {
      defaultRetentionDays: null,
      minFreeBytes: 1000,
      orphanAgeMs: 60_000,
    });
    expect(await floorSweep.runBatch(1)).toBe(1);
    let after = await segments();
    expect(after[0]!.deletedAt).toBeNull(); // locked
    expect(after[1]!.deletedAt).not.toBeNull();
    expect(after[1]!.deletedReason).toBe('disk_floor');
    expect(await storage.stat(after[1]!.storageKey)).toBeUndefined();
    expect(after.slice(2).every((s) => s.deletedAt === null)).toBe(true);
    free = 10_000;
    expect(await floorSweep.runBatch(10)).toBe(0);

    // Expiry: 7 days for this camera; run "8 days later".
    const future = new Date(Date.now() + 8 * 86_400_000);
    const sweep = recordingRetentionSweep(t.database.db, storage, {
      defaultRetentionDays: null,
      minFreeBytes: 0,
      orphanAgeMs: 60_000,
      now: () => future,
    });
    const stray = `${cam}/2026/01/01/00/stray.mp4`;
    await fs.mkdir(path.dirname(storage.localPath(stray)), { recursive: true });
    await fs.writeFile(storage.localPath(stray), 'not indexed');
    await fs.utimes(storage.localPath(stray), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    await drainSweep(sweep);
    after = await segments();
    expect(after[0]!.deletedAt).toBeNull();
    expect(await storage.stat(after[0]!.storageKey)).toBeDefined();
    expect(after.slice(1).every((s) => s.deletedAt !== null)).toBe(true);
    expect(after.slice(2).every((s) => s.deletedReason === 'retention')).toBe(true);
    // The chain still verifies (tombstones), the indexed file of the locked segment is intact.
    const report = await verifyRecordings(t.database.db, storage, cam);
    expect(report.problems).toEqual([]);
    expect(report.checkedFiles).toBe(1);
    // The orphan was quarantined (not deleted yet), then deleted once old enough.
    expect(await storage.stat(stray)).toBeUndefined();
    expect(await storage.stat(`.quarantine/${stray}`)).toBeDefined();
    const later = new Date(Date.now() + 120_000);
    const purge = recordingRetentionSweep(t.database.db, storage, {
      defaultRetentionDays: null,
      minFreeBytes: 0,
      orphanAgeMs: 60_000,
      now: () => later,
    });
    await drainSweep(purge);
    expect(await storage.stat(`.quarantine/${stray}`)).toBeUndefined();
    expect(await storage.stat(after[0]!.storageKey)).toBeDefined();
  });
});
