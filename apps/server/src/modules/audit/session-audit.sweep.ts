import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Sweep } from '../../jobs/sweep.js';
import { type AuditActor, recordAudit } from './audit.service.js';

/** A session row written by a media node: `audited` is 0 (nothing audited), 1 (start audited) or 2 (both). */
export interface AuditedSessionRow {
  id: string;
  camera_id: string;
  started_at: string | Date;
  ended_at: string | Date | null;
  audited: number;
  [k: string]: unknown;
}

/**
 * The sweep that turns media-node session rows (live views, VMS pulls) into a "started" and an
 * "ended" audit event on their camera, each in the transaction that advances the row's `audited`
 * state, so each event is recorded exactly once even after a crash. Sessions their node stopped
 * confirming are ended first (`endLost`). The audit event time is when the sweep ran; the exact
 * times are in the event data.
 */
export function sessionAuditSweep<R extends AuditedSessionRow>(
  db: Db,
  spec: {
    name: string;
    everySeconds: number;
    /** The rows' table (its `audited` column is advanced by id). */
    table: string;
    /** Ends the sessions left open by a node that stopped confirming them. */
    endLost: SQL;
    /** Up to `limit` rows with audited = 0, or audited = 1 and ended; oldest first, locked (SKIP LOCKED). */
    due: (limit: number) => SQL;
    actor: (row: R) => AuditActor;
    started: (row: R, startedAt: Date) => { action: string; data: Record<string, unknown> };
    ended: (row: R, startedAt: Date, endedAt: Date, durationMs: number) => { action: string; data: Record<string, unknown> };
  },
): Sweep {
  return {
    name: spec.name,
    everySeconds: spec.everySeconds,
    batchSize: 200,
    async runBatch(limit) {
      await db.execute(spec.endLost);
      return db.transaction(async (tx) => {
        const res = await tx.execute(spec.due(limit));
        const rows = (res as unknown as { rows: R[] }).rows;
        for (const row of rows) {
          const actor = spec.actor(row);
          const started = new Date(row.started_at);
          if (row.audited === 0) {
            await recordAudit(tx, actor, { targetType: 'camera', targetId: row.camera_id, ...spec.started(row, started) });
          }
          if (row.ended_at) {
            const ended = new Date(row.ended_at);
            const durationMs = Math.max(0, ended.getTime() - started.getTime());
            await recordAudit(tx, actor, { targetType: 'camera', targetId: row.camera_id, ...spec.ended(row, started, ended, durationMs) });
          }
          await tx.execute(sql`UPDATE ${sql.identifier(spec.table)} SET audited = ${row.ended_at ? 2 : 1} WHERE id = ${row.id}::uuid`);
        }
        return rows.length;
      });
    },
  };
}
