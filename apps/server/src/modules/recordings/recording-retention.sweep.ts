import type { RecordingStorage } from '@vigia/contracts/recording-store';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordingSegments } from '../../db/tables/recordings.js';
import type { Sweep } from '../../jobs/sweep.js';
import { isLocked } from '../releases/evidence-locks.js';
import { raiseDiskLowAlert } from './disk-low-alert.js';

export interface RetentionOptions {
  /** Retention for cameras without a policy row (days; null = keep). BH profile: 7. */
  defaultRetentionDays: number | null;
  /** Below this many free bytes the oldest unlocked footage is deleted regardless of retention. */
  minFreeBytes: number;
  /** Files with no index row older than this are quarantined; quarantined files older than this are deleted. */
  orphanAgeMs: number;
  /** Name of the recording volume in the disk-low alert (its de-duplication key); default 'recordings'. */
  volume?: string;
  now?: () => Date;
}

export const QUARANTINE = '.quarantine';

/**
 * Recording retention (SPEC §3.4, Decree Art. 25; frigate's cleanup in batches):
 *  1. segments older than their policy's retention (camera row > partner row > default; null keeps);
 *  2. if free space is below the floor, the oldest segments, whatever the policy, until free space
 *     is back at the floor (re-read after each file), and a `recording_disk_low` CIOSP alert;
 *  3. orphan files (on disk, unknown to the index) → quarantine, then deleted after orphanAgeMs.
 * Evidence locks override 1 and 2: a segment overlapping an active lock is never deleted (SQL
 * filter, then `isLocked` from modules/releases checked again inside the deleting transaction).
 * Deleting = tombstone the row (deleted_at, reason) in the transaction, then remove the file after
 * commit; a crash in between leaves a file whose row is tombstoned, which step 3 removes.
 */
export function recordingRetentionSweep(
  db: Db,
  storage: RecordingStorage,
  opts: RetentionOptions,
): Sweep & { lastRun: { expired: number; floor: number; quarantined: number; purged: number } } {
  const now = () => opts.now?.() ?? new Date();
  const lastRun = { expired: 0, floor: 0, quarantined: 0, purged: 0 };
  const notLocked = sql`NOT EXISTS (SELECT 1 FROM evidence_lock l WHERE l.camera_id = s.camera_id AND l.released_at IS NULL AND l.from_at < s.end_at AND l.to_at > s.start_at)`;

  /**
   * Tombstones each row (its own transaction, lock re-checked), then removes the files of those
   * tombstoned in one `removeMany` (object storage: DeleteObjects batches of ≤ 1000 keys).
   */
  async function remove(rows: SegmentRow[], reason: string): Promise<number> {
    const gone: string[] = [];
    for (const r of rows) {
      const done = await db.transaction(async (tx) => {
        if (await isLocked(tx, r.cameraId, r.startAt, r.endAt)) return false;
        const upd = await tx
          .update(recordingSegments)
          .set({ deletedAt: now(), deletedReason: reason })
          .where(and(eq(recordingSegments.id, r.id), isNull(recordingSegments.deletedAt)))
          .returning({ id: recordingSegments.id });
        return upd.length > 0;
      });
      if (done) gone.push(r.storageKey);
    }
    await storage.removeMany(gone);
    return gone.length;
  }

  async function expired(limit: number): Promise<number> {
    const res = await db.execute<{ id: string; camera_id: string; start_at: string; end_at: string; storage_key: string }>(sql`
      SELECT s.id, s.camera_id, s.start_at, s.end_at, coalesce(s.object_key, s.storage_key) AS storage_key FROM recording_segment s
      JOIN camera c ON c.id = s.camera_id
      LEFT JOIN recording_policy pc ON pc.camera_id = s.camera_id
      LEFT JOIN recording_policy pp ON pp.partner_id = c.partner_id AND pp.camera_id IS NULL
      WHERE s.deleted_at IS NULL AND s.closed_at IS NOT NULL
        AND coalesce(pc.retention_days, pp.retention_days, ${opts.defaultRetentionDays}::int) IS NOT NULL
        AND s.end_at < ${now().toISOString()}::timestamptz - make_interval(days => coalesce(pc.retention_days, pp.retention_days, ${opts.defaultRetentionDays}::int))
        AND ${notLocked}
      ORDER BY s.start_at LIMIT ${limit}`);
    return remove(rowsOf(res), 'retention');
  }

  async function floor(limit: number): Promise<number> {
    let free = await storage.freeBytes();
    if (free === undefined || free >= opts.minFreeBytes) return 0;
    const res = await db.execute<{
      id: string;
      camera_id: string;
      start_at: string;
      end_at: string;
      storage_key: string;
      size_bytes: string | number | null;
    }>(sql`
      SELECT s.id, s.camera_id, s.start_at, s.end_at, coalesce(s.object_key, s.storage_key) AS storage_key, s.size_bytes FROM recording_segment s
      WHERE s.deleted_at IS NULL AND s.closed_at IS NOT NULL AND s.object_key IS NULL AND ${notLocked}
      ORDER BY s.start_at LIMIT ${limit}`);
    let n = 0;
    let bytes = 0;
    for (const r of rowsOf(res)) {
      if (!(await remove([r], 'disk_floor'))) continue;
      n++;
      bytes += r.sizeBytes;
      free = (await storage.freeBytes()) ?? free;
      if (free >= opts.minFreeBytes) break;
    }
    // Raised even when nothing could go (all locked or open): the volume is still below its floor.
    await raiseDiskLowAlert(db, {
      volume: opts.volume ?? 'recordings',
      freeBytes: free,
      minFreeBytes: opts.minFreeBytes,
      purgedSegments: n,
      purgedBytes: bytes,
    });
    return n;
  }

  async function orphans(limit: number): Promise<number> {
    const cutoff = now().getTime() - opts.orphanAgeMs;
    let n = 0;
    // Quarantined long enough → delete.
    for (const k of await storage.list(QUARANTINE, limit)) {
      const st = await storage.stat(k);
      if (st && st.mtimeMs < cutoff) {
        await storage.remove(k);
        lastRun.purged++;
        n++;
      }
    }
    const files = (await storage.list('', limit * 4)).filter((k) => !k.startsWith(`${QUARANTINE}/`));
    if (!files.length) return n;
    const known = await db
      .select({ key: recordingSegments.storageKey, deletedAt: recordingSegments.deletedAt })
      .from(recordingSegments)
      .where(inArray(recordingSegments.storageKey, files));
    const byKey = new Map(known.map((k) => [k.key, k]));
    for (const k of files) {
      const row = byKey.get(k);
      if (row && !row.deletedAt) continue; // indexed footage: never touched here
      if (row?.deletedAt) {
        await storage.remove(k); // tombstoned by step 1/2, crash before the file went
        n++;
        continue;
      }
      const st = await storage.stat(k);
      if (!st || st.mtimeMs >= cutoff) continue; // young: may be a segment being opened right now
      // move() stamps the file with the time of quarantine: it is deleted orphanAgeMs later.
      await storage.move(k, `${QUARANTINE}/${k}`);
      lastRun.quarantined++;
      n++;
    }
    return n;
  }

  return {
    name: 'recording-retention',
    everySeconds: 60,
    batchSize: 200,
    lastRun,
    async runBatch(limit) {
      const a = await expired(limit);
      lastRun.expired += a;
      const b = a < limit ? await floor(limit - a) : 0;
      lastRun.floor += b;
      // Orphan scan once per run (bounded listing), not per batch.
      if (a + b < limit) await orphans(limit);
      return a + b;
    },
  };
}

interface SegmentRow {
  id: string;
  cameraId: string;
  startAt: Date;
  endAt: Date;
  storageKey: string;
  sizeBytes: number;
}

function rowsOf(res: unknown): SegmentRow[] {
  const rows = ((res as { rows?: unknown[] }).rows ?? (res as unknown[])) as {
    id: string;
    camera_id: string;
    start_at: string | Date;
    end_at: string | Date;
    storage_key: string;
    size_bytes?: string | number | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    cameraId: r.camera_id,
    startAt: new Date(r.start_at),
    endAt: new Date(r.end_at),
    storageKey: r.storage_key,
    sizeBytes: Number(r.size_bytes ?? 0),
  }));
}
