import { Readable } from 'node:stream';
import { AUDIT_EXPORT_MAX_ROWS, type AuditEvent, type AuditSearchQuery } from '@vigia/contracts';
import { and, desc, eq, gte, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { auditEvents } from '../../db/tables/audit.js';
import { cameras } from '../../db/tables/cameras.js';
import { AppError } from '../../http/errors.js';
import { addDays } from '../calendar/local-date.js';

type Filter = Omit<AuditSearchQuery, 'limit' | 'beforeSeq'>;
type Row = typeof auditEvents.$inferSelect;

/** Start of a Cuiabá calendar day (UTC−4 all year since 2019). */
const cuiabaDayStart = (date: string) => new Date(`${date}T00:00:00-04:00`);

/**
 * The audit screen's filters (SPEC §3.5) as one SQL condition:
 * - user: what the user did (actor) or what was done to the user's account (target);
 * - camera: events targeting the camera, or naming it in `data.cameraId` / `data.cameraIds`;
 * - partner: events targeting the partner or one of its cameras, or naming it in `data.partnerId`;
 * - action: exact, or a prefix ending in `*` (e.g. `live.*`);
 * - period: Cuiabá calendar days, inclusive.
 */
export function auditFilter(f: Filter): SQL | undefined {
  const where: SQL[] = [];
  if (f.userId)
    where.push(or(eq(auditEvents.actorId, f.userId), and(eq(auditEvents.targetType, 'user'), eq(auditEvents.targetId, f.userId)))!);
  if (f.cameraId) {
    where.push(
      or(
        and(eq(auditEvents.targetType, 'camera'), eq(auditEvents.targetId, f.cameraId)),
        sql`${auditEvents.data}->>'cameraId' = ${f.cameraId}`,
        sql`COALESCE(${auditEvents.data}->'cameraIds', '[]'::jsonb) @> jsonb_build_array(${f.cameraId}::text)`,
      )!,
    );
  }
  if (f.partnerId) {
    where.push(
      or(
        and(eq(auditEvents.targetType, 'partner'), eq(auditEvents.targetId, f.partnerId)),
        sql`${auditEvents.data}->>'partnerId' = ${f.partnerId}`,
        and(
          eq(auditEvents.targetType, 'camera'),
          sql`${auditEvents.targetId} IN (SELECT ${cameras.id}::text FROM ${cameras} WHERE ${cameras.partnerId} = ${f.partnerId})`,
        ),
      )!,
    );
  }
  if (f.action) {
    const a = f.action.trim();
    if (a.endsWith('*')) where.push(like(auditEvents.action, `${a.slice(0, -1).replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
    else where.push(eq(auditEvents.action, a));
  }
  if (f.from) where.push(gte(auditEvents.at, cuiabaDayStart(f.from)));
  if (f.to) where.push(lt(auditEvents.at, cuiabaDayStart(addDays(f.to, 1))));
  return where.length ? and(...where) : undefined;
}

const toEvent = (r: Row): AuditEvent => ({
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
});

export async function searchAuditEvents(
  db: Queryable,
  q: AuditSearchQuery,
): Promise<{ events: AuditEvent[]; nextBeforeSeq: number | null }> {
  const filter = auditFilter(q);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(filter, q.beforeSeq !== undefined ? lt(auditEvents.seq, q.beforeSeq) : undefined))
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { events: page.map(toEvent), nextBeforeSeq: rows.length > q.limit ? page[page.length - 1]!.seq : null };
}

export async function countAuditEvents(db: Queryable, f: Filter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(auditFilter(f));
  return Number(row?.n ?? 0);
}

export const CSV_HEADER = ['seq', 'data_hora_utc', 'autor_id', 'autor', 'acao', 'alvo_tipo', 'alvo_id', 'motivo', 'origem', 'hash'];

/** One CSV field: quoted, quotes doubled, and a leading =+-@ neutralised (spreadsheet formula injection). */
export function csvField(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The filtered events as CSV, newest first, read in pages of 1000 while the response streams —
 * bounded: a filter matching more than AUDIT_EXPORT_MAX_ROWS rows is refused before any byte.
 */
export async function auditCsvStream(db: Queryable, f: Filter): Promise<{ rows: number; stream: Readable }> {
  const rows = await countAuditEvents(db, f);
  if (rows > AUDIT_EXPORT_MAX_ROWS)
    throw new AppError(
      'AUDIT_EXPORT_TOO_LARGE',
      `A exportação teria ${rows} linhas (limite ${AUDIT_EXPORT_MAX_ROWS}). Restrinja os filtros.`,
    );
  const filter = auditFilter(f);
  async function* lines() {
    yield `\uFEFF${CSV_HEADER.join(';')}\r\n`;
    let before: number | undefined;
    let sent = 0;
    for (;;) {
      const page = await db
        .select()
        .from(auditEvents)
        .where(and(filter, before !== undefined ? lt(auditEvents.seq, before) : undefined))
        .orderBy(desc(auditEvents.seq))
        .limit(1000);
      for (const r of page) {
        if (sent >= AUDIT_EXPORT_MAX_ROWS) return;
        sent++;
        yield `${[r.seq, r.at.toISOString(), r.actorId, r.actorLabel, r.action, r.targetType, r.targetId, r.reason, r.origin, r.hash].map(csvField).join(';')}\r\n`;
      }
      if (page.length < 1000) return;
      before = page[page.length - 1]!.seq;
    }
  }
  return { rows, stream: Readable.from(lines()) };
}
