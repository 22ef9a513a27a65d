import { and, asc, eq, isNotNull, isNull, lt, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { alerts } from '../../db/tables/alerts.js';
import { cameras } from '../../db/tables/cameras.js';
import { partners } from '../../db/tables/partners.js';
import { cameraHealth } from '../../db/tables/recordings.js';
import { cameraMonitoring, cameraOutages } from '../../db/tables/sanctions.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import { mailAll, partnerEmailOf } from '../obligations/recipients.js';

const fmt = (d: Date) => d.toLocaleString('pt-BR', { timeZone: 'America/Cuiaba' });
const causeLabel: Record<string, string> = {
  camera_unreachable: 'câmera inacessível',
  auth_failed: 'falha de autenticação na câmera',
  stream_stalled: 'vídeo parado',
  node_lost: 'nó de mídia sem comunicação',
};

/**
 * Health alerts (issue 5). Each run, in bounded batches and idempotently:
 * 1. node death: a monitored camera whose `camera_health` row is older than `staleMs` (its media
 *    node stopped reporting) and has no open outage gets one (`cause = node_lost`, from the last
 *    report); the media node closes it when frames return, like any other outage;
 * 2. an open outage older than `alertAfterMs` without a `camera_down` alert → alert for CIOSP +
 *    e-mail to the partner (outbox);
 * 3. an ended outage that had a `camera_down` alert and no `camera_recovered` → both again.
 * The unique (outage, kind) index makes a re-run (or two workers) harmless.
 */
export function healthAlertSweep(db: Db, cfg: { alertAfterMs: number; staleMs: number }, clock: () => Date = () => new Date()): Sweep {
  const actor = systemActor('health-alert-sweep');
  return {
    name: 'health-alerts',
    everySeconds: 60,
    batchSize: 100,
    async runBatch(limit) {
      const now = clock();
      let handled = 0;
      const openOutage = (cameraId: typeof cameraHealth.cameraId) =>
        db
          .select({ one: sql`1` })
          .from(cameraOutages)
          .where(and(eq(cameraOutages.cameraId, cameraId), isNull(cameraOutages.endedAt)));
      const stale = await db
        .select({ cameraId: cameraHealth.cameraId, updatedAt: cameraHealth.updatedAt, nodeId: cameraHealth.nodeId })
        .from(cameraHealth)
        .innerJoin(cameraMonitoring, eq(cameraMonitoring.cameraId, cameraHealth.cameraId))
        .where(and(lt(cameraHealth.updatedAt, new Date(now.getTime() - cfg.staleMs)), notExists(openOutage(cameraHealth.cameraId))))
        .limit(limit);
      for (const s of stale) {
        await db.transaction(async (tx) => {
          const [open] = await tx
            .select({ id: cameraOutages.id })
            .from(cameraOutages)
            .where(and(eq(cameraOutages.cameraId, s.cameraId), isNull(cameraOutages.endedAt)))
            .for('update');
          if (open) return;
          const [o] = await tx
            .insert(cameraOutages)
            .values({ cameraId: s.cameraId, startedAt: s.updatedAt, source: 'health_sweep', cause: 'node_lost' })
            .returning({ id: cameraOutages.id });
          if (o)
            await recordAudit(tx, actor, {
              action: 'health.outage_opened',
              targetType: 'camera',
              targetId: s.cameraId,
              data: { outageId: o.id, cause: 'node_lost', nodeId: s.nodeId, lastReport: s.updatedAt.toISOString() },
            });
        });
        handled++;
      }

      const base = db
        .select({ o: cameraOutages, cameraName: cameras.name, partnerId: cameras.partnerId })
        .from(cameraOutages)
        .innerJoin(cameras, eq(cameras.id, cameraOutages.cameraId));
      const alertOf = (kind: 'camera_down' | 'camera_recovered') =>
        db
          .select({ one: sql`1` })
          .from(alerts)
          .where(and(eq(alerts.outageId, cameraOutages.id), eq(alerts.kind, kind)));
      const down = await base
        .where(
          and(
            isNull(cameraOutages.endedAt),
            lte(cameraOutages.startedAt, new Date(now.getTime() - cfg.alertAfterMs)),
            notExists(alertOf('camera_down')),
          ),
        )
        .orderBy(asc(cameraOutages.startedAt))
        .limit(limit);
      const back = await db
        .select({ o: cameraOutages, cameraName: cameras.name, partnerId: cameras.partnerId })
        .from(cameraOutages)
        .innerJoin(cameras, eq(cameras.id, cameraOutages.cameraId))
        .where(and(isNotNull(cameraOutages.endedAt), sql`EXISTS ${alertOf('camera_down')}`, notExists(alertOf('camera_recovered'))))
        .orderBy(asc(cameraOutages.endedAt))
        .limit(limit);
      for (const [kind, rows] of [
        ['camera_down', down],
        ['camera_recovered', back],
      ] as const) {
        for (const { o, cameraName, partnerId } of rows) {
          const cause = o.cause ? (causeLabel[o.cause] ?? o.cause) : 'sem vídeo';
          const minutes = Math.round(((o.endedAt ?? now).getTime() - o.startedAt.getTime()) / 60000);
          const message =
            kind === 'camera_down'
              ? `Câmera "${cameraName}" sem vídeo desde ${fmt(o.startedAt)} (${minutes} min; ${cause}).`
              : `Câmera "${cameraName}" voltou a transmitir em ${fmt(o.endedAt!)} após ${minutes} min sem vídeo.`;
          await db.transaction(async (tx) => {
            const [a] = await tx
              .insert(alerts)
              .values({ kind, cameraId: o.cameraId, partnerId, outageId: o.id, message })
              .onConflictDoNothing()
              .returning();
            if (!a) return;
            await recordAudit(tx, actor, {
              action: kind === 'camera_down' ? 'health.alert_raised' : 'health.alert_recovered',
              targetType: 'camera',
              targetId: o.cameraId,
              data: { alertId: a.id, outageId: o.id, minutes },
            });
            const [p] = partnerId ? await tx.select().from(partners).where(eq(partners.id, partnerId)) : [];
            const to = p ? partnerEmailOf(p) : null;
            if (to) {
              await mailAll(
                tx,
                [to],
                kind === 'camera_down' ? `câmera "${cameraName}" fora do ar` : `câmera "${cameraName}" de volta`,
                kind === 'camera_down'
                  ? `${message}\n\nO funcionamento e a transmissão devem ser ininterruptos (Decreto nº 1.522/2022, art. 21 e art. 25, § 3º). Verifique energia, conexão e equipamento. O CIOSP foi avisado.`
                  : `${message}\n\nObrigado. O período sem vídeo consta do indicador de disponibilidade do mês.`,
              );
            }
          });
          handled++;
        }
      }
      return handled;
    },
  };
}
