import { CopyObjectCommand, DeleteObjectCommand, HeadObjectCommand, PutObjectRetentionCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '@vigia/contracts/recording-s3';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { evidenceObjects } from '../../db/tables/recordings.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';

export interface EvidenceObjectLockOptions {
  /** Retention set ahead on each copy, extended while its evidence lock stays active. */
  lockMs: number;
  now?: () => Date;
}

/** Segments overlapping an active evidence lock (modules/releases). */
const underActiveLock = sql`EXISTS (SELECT 1 FROM evidence_lock l WHERE l.camera_id = s.camera_id AND l.released_at IS NULL AND l.from_at < s.end_at AND l.to_at > s.start_at)`;

/**
 * Evidence locks as S3 Object Lock (RECORDING_STORAGE=s3, ADR 0008):
 *  1. every uploaded segment under an active lock is copied into the evidence bucket (created with
 *     ObjectLockEnabledForBucket) and its version given retention (`RECORDING_S3_LOCK_MODE`) until
 *     now + `lockMs` — set with PutObjectRetention after the copy, since RGW ignores lock headers
 *     of multipart writes; audited `recording.evidence_object_locked`;
 *  2. while the lock stays active, a copy whose retention ends within half the window is extended
 *     (retention can only be lengthened, in either mode);
 *  3. a copy whose retention has passed and whose segment is under no active lock is deleted.
 * Before its retain-until date S3 itself refuses to delete the version — for the platform and for
 * an administrator with the bucket's keys alike (COMPLIANCE even with the governance bypass).
 */
export function evidenceObjectLockSweep(db: Db, client: S3Client, s3: S3Settings, opts: EvidenceObjectLockOptions): Sweep {
  const now = () => opts.now?.() ?? new Date();

  async function retain(key: string, versionId: string | undefined, until: Date): Promise<void> {
    await client.send(
      new PutObjectRetentionCommand({
        Bucket: s3.evidenceBucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
        Retention: { Mode: s3.lockMode, RetainUntilDate: until },
      }),
    );
  }

  async function copy(limit: number): Promise<number> {
    const res = await db.execute<{ id: string; camera_id: string; object_key: string }>(sql`
      SELECT s.id, s.camera_id, s.object_key FROM recording_segment s
      WHERE s.object_key IS NOT NULL AND s.deleted_at IS NULL AND ${underActiveLock}
        AND NOT EXISTS (SELECT 1 FROM evidence_object e WHERE e.segment_id = s.id AND e.bucket = ${s3.evidenceBucket})
      ORDER BY s.start_at LIMIT ${limit}`);
    const rows = rowsOf<{ id: string; camera_id: string; object_key: string }>(res);
    for (const r of rows) {
      const until = new Date(now().getTime() + opts.lockMs);
      const copied = await client.send(
        new CopyObjectCommand({
          Bucket: s3.evidenceBucket,
          Key: r.object_key,
          CopySource: `${s3.bucket}/${r.object_key}`,
          ObjectLockMode: s3.lockMode,
          ObjectLockRetainUntilDate: until,
        }),
      );
      const head = await client.send(new HeadObjectCommand({ Bucket: s3.evidenceBucket, Key: r.object_key }));
      const versionId = copied.VersionId ?? head.VersionId;
      await retain(r.object_key, versionId, until);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(evidenceObjects)
          .values({
            segmentId: r.id,
            bucket: s3.evidenceBucket,
            objectKey: r.object_key,
            versionId: versionId ?? null,
            etag: (head.ETag ?? '').replaceAll('"', '') || null,
            lockMode: s3.lockMode,
            retainUntil: until,
          })
          .onConflictDoNothing()
          .returning({ id: evidenceObjects.id });
        if (row)
          await recordAudit(tx, systemActor('evidence-object-lock'), {
            action: 'recording.evidence_object_locked',
            targetType: 'camera',
            targetId: r.camera_id,
            data: {
              segmentId: r.id,
              bucket: s3.evidenceBucket,
              key: r.object_key,
              versionId,
              mode: s3.lockMode,
              retainUntil: until.toISOString(),
            },
          });
      });
    }
    return rows.length;
  }

  async function extend(limit: number): Promise<number> {
    const horizon = new Date(now().getTime() + opts.lockMs / 2);
    const res = await db.execute<{ id: string; object_key: string; version_id: string | null }>(sql`
      SELECT e.id, e.object_key, e.version_id FROM evidence_object e JOIN recording_segment s ON s.id = e.segment_id
      WHERE e.bucket = ${s3.evidenceBucket} AND e.retain_until < ${horizon.toISOString()}::timestamptz AND ${underActiveLock}
      ORDER BY e.retain_until LIMIT ${limit}`);
    const rows = rowsOf<{ id: string; object_key: string; version_id: string | null }>(res);
    for (const r of rows) {
      const until = new Date(now().getTime() + opts.lockMs);
      await retain(r.object_key, r.version_id ?? undefined, until);
      await db.update(evidenceObjects).set({ retainUntil: until }).where(eq(evidenceObjects.id, r.id));
    }
    return rows.length;
  }

  async function expire(limit: number): Promise<number> {
    const res = await db.execute<{ id: string; object_key: string; version_id: string | null }>(sql`
      SELECT e.id, e.object_key, e.version_id FROM evidence_object e JOIN recording_segment s ON s.id = e.segment_id
      WHERE e.bucket = ${s3.evidenceBucket} AND e.retain_until < ${now().toISOString()}::timestamptz AND NOT ${underActiveLock}
      ORDER BY e.retain_until LIMIT ${limit}`);
    const rows = rowsOf<{ id: string; object_key: string; version_id: string | null }>(res);
    for (const r of rows) {
      await client.send(
        new DeleteObjectCommand({ Bucket: s3.evidenceBucket, Key: r.object_key, ...(r.version_id ? { VersionId: r.version_id } : {}) }),
      );
      await db.delete(evidenceObjects).where(and(eq(evidenceObjects.id, r.id), eq(evidenceObjects.bucket, s3.evidenceBucket)));
    }
    return rows.length;
  }

  return {
    name: 'evidence-object-lock',
    everySeconds: 60,
    batchSize: 100,
    async runBatch(limit) {
      const a = await copy(limit);
      const b = a < limit ? await extend(limit - a) : 0;
      const c = a + b < limit ? await expire(limit - a - b) : 0;
      return a + b + c;
    },
  };
}

function rowsOf<T>(res: unknown): T[] {
  return ((res as { rows?: unknown[] }).rows ?? (res as unknown[])) as T[];
}
