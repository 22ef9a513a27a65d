import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Sweep } from '../../jobs/sweep.js';
import { raiseVolumeAlert } from './disk-low-alert.js';

/**
 * RECORDING_STORAGE=s3: closed segments still only in a node's spool after `alertAfterMs` mean
 * the object storage is unreachable or too slow (recording goes on into the spool). Raises one
 * CIOSP alert `recording_upload_backlog` per bucket (de-duplicated like `recording_disk_low`:
 * refreshed while open, a new one after "Ciente") with the backlog per node.
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
      if (!rows.length) return 0;
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
          actor: 'recording-upload-backlog',
          action: 'recording.upload_backlog_alert',
          data: { bucket: opts.bucket, segments, nodes },
        },
      });
      return 0;
    },
  };
}
