import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { alerts } from '../../db/tables/alerts.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';

export interface DiskLowFigures {
  /** Storage root of the recording volume (the de-duplication key). */
  volume: string;
  freeBytes: number;
  minFreeBytes: number;
  purgedSegments: number;
  purgedBytes: number;
}

const mb = (n: number) => `${(n / 1024 ** 2).toLocaleString('pt-BR', { maximumFractionDigits: 1 })} MB`;

export const diskLowMessage = (f: DiskLowFigures) =>
  `Disco de gravação com pouco espaço: gravações mais antigas sem bloqueio foram apagadas ` +
  `(livre: ${mb(f.freeBytes)}; mínimo: ${mb(f.minFreeBytes)}; apagados: ${f.purgedSegments} segmento(s), ${mb(f.purgedBytes)}).`;

/**
 * CIOSP alert `recording_disk_low` for a recording volume whose free space fell below the floor
 * (Art. 25: footage went before its retention). At most one open alert per volume (partial
 * unique index): a new one is raised and audited (`recording.disk_low_alert`); while it is
 * unacknowledged, later purges only refresh its message with their figures. Once acknowledged,
 * the next purge raises a new alert.
 */
export async function raiseDiskLowAlert(db: Db, f: DiskLowFigures): Promise<void> {
  await raiseVolumeAlert(db, {
    kind: 'recording_disk_low',
    volume: f.volume,
    message: diskLowMessage(f),
    audit: { actor: 'recording-retention', action: 'recording.disk_low_alert', data: { ...f } },
  });
}

/**
 * A recording-infrastructure alert (no camera): raised and audited when none of its kind is open
 * for the volume, else the open one's message is refreshed (not audited again).
 */
export async function raiseVolumeAlert(
  db: Db,
  a: {
    kind: 'recording_disk_low' | 'recording_upload_backlog';
    volume: string;
    message: string;
    audit: { actor: string; action: string; data: Record<string, unknown> };
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(alerts)
      .values({ kind: a.kind, volume: a.volume, message: a.message })
      .onConflictDoNothing()
      .returning({ id: alerts.id });
    if (row) {
      await recordAudit(tx, systemActor(a.audit.actor), {
        action: a.audit.action,
        targetType: 'alert',
        targetId: row.id,
        data: a.audit.data,
      });
      return;
    }
    await tx
      .update(alerts)
      .set({ message: a.message })
      .where(and(eq(alerts.kind, a.kind), eq(alerts.volume, a.volume), isNull(alerts.acknowledgedAt)));
  });
}
