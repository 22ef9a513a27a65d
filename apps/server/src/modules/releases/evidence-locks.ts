import type { EvidenceLock } from '@vigia/contracts';
import { and, asc, eq, gt, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { evidenceLocks } from '../../db/tables/releases.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';

/**
 * Evidence locks (SPEC §3.4, §3.6): footage under a release request (or an investigation) must not
 * be deleted. A lock is active while `released_at` is null.
 *
 * CONTRACT FOR THE RECORDER: the retention sweep that deletes recorded segments MUST, for each
 * camera, skip every segment that overlaps an active lock — ask `isLocked(db, cameraId, from, to)`
 * per segment, or fetch `lockedRanges(db, cameraId)` once per camera and test in memory. Ranges are
 * half-open [from, to).
 */
export async function isLocked(db: Queryable, cameraId: string, from: Date, to: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: evidenceLocks.id })
    .from(evidenceLocks)
    .where(
      and(
        eq(evidenceLocks.cameraId, cameraId),
        isNull(evidenceLocks.releasedAt),
        lt(evidenceLocks.fromAt, to),
        gt(evidenceLocks.toAt, from),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The active locked ranges of a camera, oldest first. */
export async function lockedRanges(db: Queryable, cameraId: string): Promise<{ from: Date; to: Date; lockId: string }[]> {
  const rows = await db
    .select({ lockId: evidenceLocks.id, from: evidenceLocks.fromAt, to: evidenceLocks.toAt })
    .from(evidenceLocks)
    .where(and(eq(evidenceLocks.cameraId, cameraId), isNull(evidenceLocks.releasedAt)))
    .orderBy(asc(evidenceLocks.fromAt));
  return rows;
}

export async function createLocks(
  tx: Tx,
  actor: AuditActor,
  input: { cameraIds: string[]; from: Date; to: Date; reason: string; releaseRequestId: string | null },
): Promise<string[]> {
  const ids: string[] = [];
  for (const cameraId of input.cameraIds) {
    const [row] = await tx
      .insert(evidenceLocks)
      .values({
        cameraId,
        fromAt: input.from,
        toAt: input.to,
        reason: input.reason,
        releaseRequestId: input.releaseRequestId,
        createdBy: actor.id,
      })
      .returning({ id: evidenceLocks.id });
    ids.push(row!.id);
    await recordAudit(tx, actor, {
      action: 'evidence_lock.created',
      targetType: 'camera',
      targetId: cameraId,
      reason: input.reason,
      data: { lockId: row!.id, releaseRequestId: input.releaseRequestId, from: input.from.toISOString(), to: input.to.toISOString() },
    });
  }
  return ids;
}

/** Releases the active locks of a request (optionally only those of some cameras). */
export async function releaseLocks(tx: Tx, actor: AuditActor, requestId: string, reason: string, cameraIds?: string[]): Promise<number> {
  if (cameraIds && !cameraIds.length) return 0;
  return releaseWhere(
    tx,
    actor,
    reason,
    and(eq(evidenceLocks.releaseRequestId, requestId), cameraIds ? inArray(evidenceLocks.cameraId, cameraIds) : undefined)!,
  );
}

/** Moves the end of active locks (given by id) to `to` — e.g. a protection period extended after the start. */
export async function extendLockIds(tx: Tx, actor: AuditActor, lockIds: string[], to: Date, reason: string): Promise<number> {
  if (!lockIds.length) return 0;
  const rows = await tx
    .update(evidenceLocks)
    .set({ toAt: to })
    .where(and(inArray(evidenceLocks.id, lockIds), isNull(evidenceLocks.releasedAt), lt(evidenceLocks.toAt, to)))
    .returning();
  for (const r of rows)
    await recordAudit(tx, actor, {
      action: 'evidence_lock.extended',
      targetType: 'camera',
      targetId: r.cameraId,
      reason,
      data: { lockId: r.id, to: to.toISOString() },
    });
  return rows.length;
}

/** Releases active locks by their ids (locks another domain created, e.g. a protection mission's route). */
export async function releaseLockIds(tx: Tx, actor: AuditActor, lockIds: string[], reason: string): Promise<number> {
  return lockIds.length ? releaseWhere(tx, actor, reason, inArray(evidenceLocks.id, lockIds)) : 0;
}

async function releaseWhere(tx: Tx, actor: AuditActor, reason: string, which: SQL): Promise<number> {
  const rows = await tx
    .update(evidenceLocks)
    .set({ releasedAt: new Date(), releasedBy: actor.id, releasedReason: reason })
    .where(and(which, isNull(evidenceLocks.releasedAt)))
    .returning();
  for (const r of rows) {
    await recordAudit(tx, actor, {
      action: 'evidence_lock.released',
      targetType: 'camera',
      targetId: r.cameraId,
      reason,
      data: { lockId: r.id, releaseRequestId: r.releaseRequestId },
    });
  }
  return rows.length;
}

export async function locksOfRequest(db: Queryable, requestId: string): Promise<EvidenceLock[]> {
  const rows = await db
    .select()
    .from(evidenceLocks)
    .where(eq(evidenceLocks.releaseRequestId, requestId))
    .orderBy(asc(evidenceLocks.createdAt));
  return rows.map((r) => ({
    id: r.id,
    cameraId: r.cameraId,
    from: r.fromAt.toISOString(),
    to: r.toAt.toISOString(),
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    releasedAt: r.releasedAt?.toISOString() ?? null,
  }));
}
