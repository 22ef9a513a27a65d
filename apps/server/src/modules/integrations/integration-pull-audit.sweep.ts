import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Sweep } from '../../jobs/sweep.js';
import { type AuditedSessionRow, sessionAuditSweep } from '../audit/session-audit.sweep.js';

interface PullRow extends AuditedSessionRow {
  integration_id: string;
  node_id: string;
  origin: string | null;
  username: string | null;
  name: string | null;
}

/** Pull sessions their node stopped confirming for this long end at their last confirmation. */
export const PULL_LOST_AFTER_S = 120;

/**
 * "Which external system pulled which camera, when and for how long" (Art. 22 §3): media nodes
 * write one `vms_integration_pull` row per pull session (integration × camera, from the first
 * playlist request until requests stop), and this sweep turns each into `integration.pull_started`
 * and `integration.pull_ended` audit events — in the transaction that marks the row audited, so
 * each is recorded exactly once (sessionAuditSweep, as for live views). Segments are not audited
 * one by one.
 */
export function integrationPullAuditSweep(db: Db): Sweep {
  const base = (p: PullRow, started: Date) => ({
    integrationId: p.integration_id,
    pullId: p.id,
    node: p.node_id,
    startedAt: started.toISOString(),
  });
  return sessionAuditSweep<PullRow>(db, {
    name: 'integration-pull-audit',
    everySeconds: 10,
    table: 'vms_integration_pull',
    endLost: sql`
      UPDATE vms_integration_pull SET ended_at = seen_at
      WHERE ended_at IS NULL AND seen_at < now() - ${PULL_LOST_AFTER_S}::float8 * interval '1 second'`,
    due: (limit) => sql`
      SELECT p.id::text AS id, p.integration_id::text AS integration_id, p.camera_id::text AS camera_id, p.node_id, p.origin,
             p.started_at, p.ended_at, p.audited, i.username, i.name
      FROM vms_integration_pull p LEFT JOIN vms_integration i ON i.id = p.integration_id
      WHERE p.audited = 0 OR (p.audited = 1 AND p.ended_at IS NOT NULL)
      ORDER BY p.started_at
      LIMIT ${limit}
      FOR UPDATE OF p SKIP LOCKED`,
    actor: (p) => ({ id: null, label: `integração ${p.name ?? ''} (${p.username ?? p.integration_id})`, origin: p.origin ?? 'media-node' }),
    started: (p, started) => ({ action: 'integration.pull_started', data: base(p, started) }),
    ended: (p, started, ended, durationMs) => ({
      action: 'integration.pull_ended',
      data: { ...base(p, started), endedAt: ended.toISOString(), durationMs },
    }),
  });
}
