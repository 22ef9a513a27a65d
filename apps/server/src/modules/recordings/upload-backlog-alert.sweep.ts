import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { alerts } from '../../db/tables/alerts.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import { raiseVolumeAlert } from './disk-low-alert.js';

const ACTOR = 'recording-upload-backlog';

/**
 * RECORDING_STORAGE=s3: closed segments still only in a node's spool after `alertAfterMs` mean
 * the object storage is unreachable or too slow (recording goes on into the spool). Raises one
 * CIOSP alert `recording_upload_backlog` per bucket (de-duplicated like `recording_disk_low`:
 * refreshed while open, a new one after "Ciente") with the backlog per node. Once no segment
 * waits longer than `alertAfterMs` (the backlog drained) the open alert is cleared: closed by the
 * system (`acknowledged_at` set, `acknowledged_by` null), its message saying so, audited
 * (`recording.upload_backlog_cleared`).
 */
export function uploadBacklogAlertSweep(db: Db, opts: { bucket: string; alertAfterMs: number; now?: () => Date }): Sweep {
  return {
    name: 'recording-upload-backlog',
    everySeconds: 60,
    batchSize: 1,
    async runBatch() {
      const now = opts.now?.() ?? new Date();
      const res = await db.execute<{ node_id: string; n: string | number; bytes: string | number | null; oldest: string | Date }>(sql`
        SELECT node_id, count(*) AS n, sum(size_bytes) AS bytes, min(closed_at) AS oldest FROM recording_segment
        WHERE object_key IS NULL AND closed_at IS NOT NULL AND deleted_at IS NULL
          AND closed_at < ${new Date(now.getTime() - opts.alertAfterMs).toISOString()}::timestamptz
        GROUP BY node_id ORDER BY node_id`);
      const rows = ((res as { rows?: unknown[] }).rows ?? (res as unknown[])) as {
        node_id: string;
        n: string | number;
        bytes: string | number | null;
        oldest: string | Date;
      }[];
      if (!rows.length) {
        await clearBacklogAlert(db, opts.bucket, now);
        return 0;
      }
      const nodes = rows.map((r) => ({
        node: r.node_id,
        segments: Number(r.n),
        bytes: Number(r.bytes ?? 0),
        oldest: new Date(r.oldest).toISOString(),
      }));
      const segments = nodes.reduce((a, n) => a + n.segments, 0);
      const mb = (nodes.reduce((a, n) => a + n.bytes, 0) / 1024 ** 2).toLocaleString('pt-BR', { maximumFractionDigits: 1 });
      await raiseVolumeAlert(db, {
        kind: 'recording_upload_backlog',
        volume: `s3:${opts.bucket}`,
        message:
          `Gravações aguardando envio ao armazenamento de objetos (${opts.bucket}): ${segments} segmento(s), ${mb} MB ` +
          `em ${nodes.length} nó(s) de mídia; a gravação continua no disco local dos nós.`,
        audit: {
          actor: ACTOR,
          action: 'recording.upload_backlog_alert',
          data: { bucket: opts.bucket, segments, nodes },
        },
      });
      return 0;
    },
  };
}

async function clearBacklogAlert(db: Db, bucket: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(alerts)
      .set({
        acknowledgedAt: now,
        message: sql`${alerts.message} || ${` Normalizado em ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC: fila de envio esvaziada.`}`,
      })
      .where(and(eq(alerts.kind, 'recording_upload_backlog'), eq(alerts.volume, `s3:${bucket}`), isNull(alerts.acknowledgedAt)))
      .returning({ id: alerts.id });
    if (row)
      await recordAudit(tx, systemActor(ACTOR), {
        action: 'recording.upload_backlog_cleared',
        targetType: 'alert',
        targetId: row.id,
        data: { bucket },
      });
  });
}
