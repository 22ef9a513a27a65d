import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit } from '../audit/audit.service.js';

interface ViewRow {
  id: string;
  camera_id: string;
  node_id: string;
  user_id: string | null;
  email: string | null;
  origin: string | null;
  started_at: string | Date;
  ended_at: string | Date | null;
  end_reason: string | null;
  audited: number;
  [k: string]: unknown;
}

/** Views whose node stopped confirming them for this long end at their last confirmation. */
export const LIVE_VIEW_LOST_AFTER_S = 60;

/**
 * "Who watched what and for how long": media nodes write `live_view` rows (start, end) and this
 * sweep turns each into audit events — `live.view_started` and `live.view_ended` (with the
 * duration) — each in the same transaction that marks the row audited, so every view is recorded
 * exactly once even after a crash. Views left open by a node that died end at their last
 * confirmation (`seen_at`). The audit event time is when the sweep ran (seconds after the fact);
 * the exact times are in the event data.
 */
export function liveViewAuditSweep(db: Db): Sweep {
  return {
    name: 'live-view-audit',
    everySeconds: 5,
    batchSize: 200,
    async runBatch(limit) {
      await db.execute(sql`
        UPDATE live_view SET ended_at = seen_at, end_reason = 'node_lost'
        WHERE ended_at IS NULL AND seen_at < now() - ${LIVE_VIEW_LOST_AFTER_S}::float8 * interval '1 second'`);
      return db.transaction(async (tx) => {
        const res = await tx.execute(sql`
          SELECT v.id::text AS id, v.camera_id::text AS camera_id, v.node_id, v.user_id::text AS user_id, u.email, v.origin,
                 v.started_at, v.ended_at, v.end_reason, v.audited
          FROM live_view v LEFT JOIN app_user u ON u.id = v.user_id
          WHERE v.audited = 0 OR (v.audited = 1 AND v.ended_at IS NOT NULL)
          ORDER BY v.started_at
          LIMIT ${limit}
          FOR UPDATE OF v SKIP LOCKED`);
        const rows = (res as unknown as { rows: ViewRow[] }).rows;
        for (const v of rows) {
          const actor = { id: v.user_id, label: v.email ?? 'anônimo (câmera aberta ao público)', origin: v.origin ?? 'media-node' };
          const started = new Date(v.started_at);
          if (v.audited === 0) {
            await recordAudit(tx, actor, {
              action: 'live.view_started',
              targetType: 'camera',
              targetId: v.camera_id,
              data: { viewId: v.id, node: v.node_id, startedAt: started.toISOString() },
            });
          }
          if (v.ended_at) {
            const ended = new Date(v.ended_at);
            await recordAudit(tx, actor, {
              action: 'live.view_ended',
              targetType: 'camera',
              targetId: v.camera_id,
              data: { viewId: v.id, node: v.node_id, startedAt: started.toISOString(), endedAt: ended.toISOString(), durationMs: Math.max(0, ended.getTime() - started.getTime()), reason: v.end_reason },
            });
          }
          await tx.execute(sql`UPDATE live_view SET audited = ${v.ended_at ? 2 : 1} WHERE id = ${v.id}::uuid`);
        }
        return rows.length;
      });
    },
  };
}
