import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { authHeaders, makeUser, signIn } from '@vigia/testkit/test-app';
import type { TestDatabase } from '@vigia/testkit/test-database';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import type { SqlGateway } from '../../server/src/db/gateway.js';
import { alerts, auditEvents, evidenceLocks, recordingGaps, recordingSegments } from '../../server/src/db/schema.js';
import { drainSweep } from '../../server/src/jobs/sweep.js';
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
  untilProgress,
} from './helpers/node-testbed.js';

/**
 * Art. 25 (footage kept for the retention period, evidence never lost): a real 40 MiB tmpfs is the
 * recordings volume of a real media node recording a real camera at ~1.6 MB/s until the volume is
 * full. The write fails (ENOSPC → `disk` gap), the real retention sweep reads the real free space
 * (statfs) below its floor and purges the oldest unlocked footage, the evidence-locked segment
 * survives, recording resumes, the chain verifies and CIOSP gets one `recording_disk_low` alert.
 */
const VOLUME_MIB = 40;
const FLOOR = 16 * 1024 ** 2;

/** Mounting needs root (CAP_SYS_ADMIN): probed once; the test is skipped, saying why, without it. */
function probeMount(): string | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigia-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `cannot mount a tmpfs here (${String((err as Error).message).split('\n')[0]})`;
  } finally {
    rmdirSync(dir);
  }
}
const skipReason = probeMount();
if (skipReason) console.warn(`[recording-disk-full] skipped: ${skipReason}; this test needs root to mount a real small volume`);

let t: TestDatabase;
let app: App;
let sim: Simulator;
let gateway: SqlGateway | undefined;
let node: MediaNode | undefined;
let cam = '';
let volume = '';
let mounted = false;
let storage: LocalRecordingStorage;

const segments = () =>
  t.database.db.select().from(recordingSegments).where(eq(recordingSegments.cameraId, cam)).orderBy(asc(recordingSegments.seq));
const diskGaps = () =>
  t.database.db
    .select()
    .from(recordingGaps)
    .where(and(eq(recordingGaps.cameraId, cam), eq(recordingGaps.cause, 'disk')));
const sha256 = async (key: string) =>
  createHash('sha256')
    .update(await fs.readFile(storage.localPath(key)))
    .digest('hex');

describe.skipIf(skipReason !== null)('Art. 25: recording volume full', () => {
  beforeAll(async () => {
    ({ t, app, gateway } = await startTestApp());
    volume = path.join(t.dataDir, 'recordings');
    await fs.mkdir(volume, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${VOLUME_MIB}m`, 'tmpfs', volume]);
    mounted = true;
    storage = new LocalRecordingStorage(volume);
    // 720p at 25 fps, 14 Mbit/s (the clip reaches ~1.6 MB/s): the volume fills in ~25 s.
    sim = await startSimulator({ count: 1, size: '1280x720', fps: 25, bitrateKbps: 14_000 });
    const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
    const partnerId = await createPartner(t.database, 'Parceiro disco cheio');
    cam = await registerRecordedCamera(app, t.database, admin, sim, { partnerId, name: 'Câmera disco cheio', httpPort: 50_003 });
    node = await startTestNode(t, gateway, { MEDIA_NODE_ID: 'disk-node', ...RECORDING_TEST_ENV, MEDIA_WATCHDOG_MS: '3000' });
  }, 180_000);

  afterAll(async () => {
    try {
      await node?.stop();
    } finally {
      // Always unmount (lazily if something still holds a file), before the data dir is removed.
      if (mounted) execFileSync('umount', ['-l', volume]);
      await stopTestBed({ gateway, sim, app, t });
    }
  });

  it('purges the oldest unlocked footage below the free-space floor, keeps the locked segment, resumes recording and alerts CIOSP', async () => {
    // Waits that follow progress (closed segments, free bytes): a busy machine is slower, not red.
    await untilProgress(
      async () => (await segments()).filter((s) => s.closedAt).length,
      (n) => n >= 2,
      30_000,
    );
    const [locked] = await segments();
    await t.database.db
      .insert(evidenceLocks)
      .values({ cameraId: cam, fromAt: locked!.startAt, toAt: new Date(locked!.startAt.getTime() + 500), reason: 'inquérito 42/2026' });
    const lockedSha = await sha256(locked!.storageKey);
    expect(lockedSha).toBe(locked!.sha256);

    // The volume fills up: the write fails and a `disk` gap opens; nothing opens while it is full.
    const fillStarted = Date.now();
    await untilProgress(
      async () => [(await diskGaps()).length, await storage.freeBytes()],
      ([gaps]) => (gaps as number) > 0,
      30_000,
    );
    const fillSeconds = (Date.now() - fillStarted) / 1000;
    const freeWhenFull = (await storage.freeBytes())!;
    expect(freeWhenFull).toBeLessThan(FLOOR);

    // The real retention sweep: real statfs of the tmpfs, below the floor → oldest unlocked first.
    const purgeAt = new Date();
    const sweep = recordingRetentionSweep(t.database.db, storage, {
      defaultRetentionDays: null,
      minFreeBytes: FLOOR,
      orphanAgeMs: 3_600_000,
      volume,
    });
    expect(await drainSweep(sweep)).toBeGreaterThan(0);
    const freeAfter = (await storage.freeBytes())!;

    // Recording resumes once there is room: new closed segments after the purge, the gap closed.
    await untilProgress(
      async () => (await segments()).filter((s) => s.closedAt && s.startAt > purgeAt).length,
      (n) => n >= 2,
      30_000,
    );
    await node!.stop();
    node = undefined;
    console.log(
      `[recording-disk-full] ${VOLUME_MIB} MiB filled in ${fillSeconds.toFixed(1)} s; free ${(freeWhenFull / 1024 ** 2).toFixed(1)} MiB when full, ${(freeAfter / 1024 ** 2).toFixed(1)} MiB after the purge`,
    );

    const all = await segments();
    const purged = all.filter((s) => s.deletedReason === 'disk_floor');
    const kept = all.filter((s) => !s.deletedAt && s.seq !== locked!.seq && s.startAt < purgeAt);
    expect(purged.length).toBeGreaterThan(0);
    expect(purged.map((s) => s.seq)).not.toContain(locked!.seq);
    // Oldest first: every purged segment is older than every unlocked one still kept.
    expect(Math.max(...purged.map((s) => s.seq))).toBeLessThan(Math.min(...kept.map((s) => s.seq), Infinity));
    for (const s of purged) expect(await storage.stat(s.storageKey)).toBeUndefined();
    // The locked segment is untouched.
    const lockedNow = all.find((s) => s.seq === locked!.seq)!;
    expect(lockedNow.deletedAt).toBeNull();
    expect(await sha256(locked!.storageKey)).toBe(lockedSha);
    // The gap of the full disk is recorded and closed by the first segment written after it.
    const [gap] = await diskGaps();
    expect(gap!.endedAt).not.toBeNull();
    expect(gap!.detail).toMatch(/ENOSPC|no space/i);
    expect(all.some((s) => s.startAt.getTime() >= gap!.endedAt!.getTime() && s.closedAt && !s.deletedAt)).toBe(true);
    // The chain verifies across the failed write (closed from its file) and the tombstones.
    const report = await verifyRecordings(t.database.db, storage, cam);
    expect(report.problems).toEqual([]);
    expect(report.open).toBe(0);

    // One open CIOSP alert for the volume, audited, shown to admins through the API.
    const raised = await t.database.db.select().from(alerts).where(eq(alerts.kind, 'recording_disk_low'));
    expect(raised).toHaveLength(1);
    expect(raised[0]!).toMatchObject({ volume, cameraId: null, acknowledgedAt: null });
    expect(raised[0]!.message).toContain('Disco de gravação com pouco espaço: gravações mais antigas sem bloqueio foram apagadas');
    expect(raised[0]!.message).toContain('mínimo: 16 MB');
    expect(await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'recording.disk_low_alert'))).toHaveLength(1);
    const admin = await signIn(app, (await makeUser(t.database, ['admin'])).email);
    const listed = (await app.inject({ method: 'GET', url: '/api/alerts?open=true', headers: authHeaders(admin) })).json() as {
      alerts: { id: string; kind: string; cameraId: string | null }[];
    };
    expect(listed.alerts).toContainEqual(expect.objectContaining({ id: raised[0]!.id, kind: 'recording_disk_low', cameraId: null }));

    // Still below a (higher) floor: the same open alert is refreshed, not duplicated.
    const again = recordingRetentionSweep(t.database.db, storage, {
      defaultRetentionDays: null,
      minFreeBytes: 1024 ** 4,
      orphanAgeMs: 3_600_000,
      volume,
    });
    expect(await again.runBatch(1)).toBe(1);
    expect(await t.database.db.select().from(alerts).where(eq(alerts.kind, 'recording_disk_low'))).toHaveLength(1);
    expect((await segments()).find((s) => s.seq === locked!.seq)!.deletedAt).toBeNull();
  }, 90_000);
});
