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
  const message = diskLowMessage(f);
  await db.transaction(async (tx) => {
    const [a] = await tx
      .insert(alerts)
      .values({ kind: 'recording_disk_low', volume: f.volume, message })
      .onConflictDoNothing()
      .returning({ id: alerts.id });
    if (a) {
      await recordAudit(tx, systemActor('recording-retention'), {
        action: 'recording.disk_low_alert',
        targetType: 'alert',
        targetId: a.id,
        data: { ...f },
      });
      return;
    }
    await tx
      .update(alerts)
      .set({ message })
      .where(and(eq(alerts.kind, 'recording_disk_low'), eq(alerts.volume, f.volume), isNull(alerts.acknowledgedAt)));
  });
}
