import type { AuditEvent, AuditVerifyResult } from '@vigia/contracts';
import { and, asc, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { auditEvents } from '../../db/tables/audit.js';
import type { AuditActor } from '../../http/context.js';
import { auditRowHash, GENESIS_HASH } from './audit-hash.js';

/** Who did it and from where; built once per request (or per job / CLI run). */
export type { AuditActor } from '../../http/context.js';

export interface AuditEntry {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

export const systemActor = (origin = 'system'): AuditActor => ({ id: null, label: 'sistema', origin });

const CHAIN_LOCK = 7261002;

/**
 * Appends one row to the audit chain inside the caller's transaction, so the row exists exactly
 * when the change it records does. A transaction-scoped advisory lock serialises writers, so two
 * concurrent transactions can never chain onto the same previous row.
 */
export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  const [recorded] = await recordAudits(tx, actor, [entry]);
  return recorded!;
}

/**
 * Appends several rows, in order, in three round trips whatever their number (chain lock, last
 * hash, one multi-row insert): for a use case that records more than one entry in a transaction,
 * e.g. an act issued with the request it answers. Best called last in the transaction, so the
 * chain lock is held only until commit.
 */
export async function recordAudits(tx: Tx, actor: AuditActor, entries: AuditEntry[]): Promise<{ seq: number; hash: string }[]> {
  if (entries.length === 0) return [];
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = entries.map((entry) => {
    const row = {
      at,
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      reason: entry.reason ?? null,
      origin: actor.origin,
      data: entry.data ?? null,
      prevHash,
    };
    prevHash = auditRowHash(row);
    return { ...row, hash: prevHash };
  });
  // One insert: the rows take their sequence numbers in VALUES order, i.e. in chain order.
  const inserted = await tx.insert(auditEvents).values(rows).returning({ seq: auditEvents.seq, hash: auditEvents.hash });
  const seqOf = new Map(inserted.map((r) => [r.hash, r.seq]));
  return rows.map((r) => ({ seq: seqOf.get(r.hash)!, hash: r.hash }));
}

/**
 * Walks the whole chain in bounded pages and names the first broken row. Sequence numbers may
 * skip (a rolled-back transaction consumes one), so continuity is judged by the hash links only.
 * Limitation: removing rows from the very end is only detectable against an external anchor
 * (a published latest hash) — see docs/architecture.md.
 */
export async function verifyAuditChain(db: Queryable, pageSize = 1000): Promise<AuditVerifyResult> {
  let prev = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.seq, afterSeq)).orderBy(asc(auditEvents.seq)).limit(pageSize);
    for (const row of page) {
      if (row.prevHash !== prev) return { ok: false, checked, firstBroken: { seq: row.seq, problem: 'prev_hash_mismatch' } };
      if (auditRowHash(row) !== row.hash) return { ok: false, checked, firstBroken: { seq: row.seq, problem: 'hash_mismatch' } };
      prev = row.hash;
      afterSeq = row.seq;
      checked++;
    }
    if (page.length < pageSize) return { ok: true, checked, firstBroken: null };
  }
}

export async function listAuditEvents(
  db: Queryable,
  q: { limit: number; beforeSeq?: number | undefined; action?: string | undefined; actorId?: string | undefined },
): Promise<AuditEvent[]> {
  const where: SQL[] = [];
  if (q.beforeSeq !== undefined) where.push(lt(auditEvents.seq, q.beforeSeq));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit);
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    reason: r.reason,
    origin: r.origin,
    hash: r.hash,
  }));
}
