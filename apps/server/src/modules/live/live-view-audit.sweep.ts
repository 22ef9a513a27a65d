import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Sweep } from '../../jobs/sweep.js';
import { type AuditedSessionRow, sessionAuditSweep } from '../audit/session-audit.sweep.js';

interface ViewRow extends AuditedSessionRow {
  node_id: string;
  user_id: string | null;
  email: string | null;
  origin: string | null;
  end_reason: string | null;
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
  return sessionAuditSweep<ViewRow>(db, {
    name: 'live-view-audit',
    everySeconds: 5,
    table: 'live_view',
    endLost: sql`
      UPDATE live_view SET ended_at = seen_at, end_reason = 'node_lost'
      WHERE ended_at IS NULL AND seen_at < now() - ${LIVE_VIEW_LOST_AFTER_S}::float8 * interval '1 second'`,
    due: (limit) => sql`
      SELECT v.id::text AS id, v.camera_id::text AS camera_id, v.node_id, v.user_id::text AS user_id, u.email, v.origin,
             v.started_at, v.ended_at, v.end_reason, v.audited
      FROM live_view v LEFT JOIN app_user u ON u.id = v.user_id
      WHERE v.audited = 0 OR (v.audited = 1 AND v.ended_at IS NOT NULL)
      ORDER BY v.started_at
      LIMIT ${limit}
      FOR UPDATE OF v SKIP LOCKED`,
    actor: (v) => ({ id: v.user_id, label: v.email ?? 'anônimo (câmera aberta ao público)', origin: v.origin ?? 'media-node' }),
    started: (v, started) => ({ action: 'live.view_started', data: { viewId: v.id, node: v.node_id, startedAt: started.toISOString() } }),
    ended: (v, started, ended, durationMs) => ({
      action: 'live.view_ended',
      data: {
        viewId: v.id,
        node: v.node_id,
        startedAt: started.toISOString(),
        endedAt: ended.toISOString(),
        durationMs,
        reason: v.end_reason,
      },
    }),
  });
}
