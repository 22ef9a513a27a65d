import { and, asc, eq, gt, gte, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { partners } from '../../db/tables/partners.js';
import { cameraOutages, complianceCases } from '../../db/tables/sanctions.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import type { Clock } from '../calendar/clock.js';
import { mailAll, partnerEmailOf, staffEmails } from '../obligations/recipients.js';

const H = 3_600_000;
/** Partner is told of an outage longer than 24 h, or a third outage within 7 days. */
export const PARTNER_LONG_MS = 24 * H;
export const PARTNER_REPEATED = { count: 3, withinMs: 7 * 24 * H };
/** The committee gets a case when an outage passes 72 h, or a sixth outage within 30 days. */
export const COMMITTEE_LONG_MS = 72 * H;
export const COMMITTEE_REPEATED = { count: 6, withinMs: 30 * 24 * H };

const actor = systemActor('sweep:uptime-obligation');

/**
 * Art. 21 and 25 §3 ("deverá funcionar ininterruptamente", "24 horas por dia"): long or repeated
 * outages notify the partner first, then open a case for the committee. Reads `camera_outage`,
 * which the health engine fills (this issue only defines its shape). Idempotent through the
 * `*_notified_at` guards; keyset cursor over the last 30 days.
 */
export function uptimeObligationSweep(db: Db, clock: Clock): Sweep {
  let after = '00000000-0000-0000-0000-000000000000';
  return {
    name: 'uptime-obligation',
    everySeconds: 1800,
    batchSize: 100,
    async runBatch(limit) {
      const now = clock.now();
      const rows = await db
        .select({ o: cameraOutages, partnerId: cameras.partnerId, cameraName: cameras.name })
        .from(cameraOutages)
        .innerJoin(cameras, eq(cameras.id, cameraOutages.cameraId))
        .where(
          and(
            gt(cameraOutages.id, after),
            gte(cameraOutages.startedAt, new Date(now.getTime() - COMMITTEE_REPEATED.withinMs)),
            or(isNull(cameraOutages.partnerNotifiedAt), isNull(cameraOutages.committeeNotifiedAt)),
          ),
        )
        .orderBy(asc(cameraOutages.id))
        .limit(limit);
      for (const { o, partnerId, cameraName } of rows) {
        const length = (o.endedAt ?? now).getTime() - o.startedAt.getTime();
        const [{ week, month }] = (await db
          .select({
            week: sql<number>`count(*) FILTER (WHERE ${cameraOutages.startedAt} >= ${new Date(o.startedAt.getTime() - PARTNER_REPEATED.withinMs)})::int`,
            month: sql<number>`count(*)::int`,
          })
          .from(cameraOutages)
          .where(
            and(
              eq(cameraOutages.cameraId, o.cameraId),
              gte(cameraOutages.startedAt, new Date(o.startedAt.getTime() - COMMITTEE_REPEATED.withinMs)),
              sql`${cameraOutages.startedAt} <= ${o.startedAt}`,
            ),
          )) as [{ week: number; month: number }];
        const toPartner = !o.partnerNotifiedAt && (length > PARTNER_LONG_MS || week >= PARTNER_REPEATED.count);
        const toCommittee = !o.committeeNotifiedAt && (length > COMMITTEE_LONG_MS || month >= COMMITTEE_REPEATED.count);
        if (!toPartner && !toCommittee) continue;
        await db.transaction(async (tx) => {
          const [p] = await tx.select().from(partners).where(eq(partners.id, partnerId));
          const why = length > PARTNER_LONG_MS ? `fora do ar há ${Math.floor(length / H)} h` : `${week} interrupções em 7 dias`;
          if (toPartner) {
            const [m] = await tx
              .update(cameraOutages)
              .set({ partnerNotifiedAt: now })
              .where(and(eq(cameraOutages.id, o.id), isNull(cameraOutages.partnerNotifiedAt)))
              .returning();
            if (m) {
              await recordAudit(tx, actor, {
                action: 'uptime.partner_notified',
                targetType: 'camera',
                targetId: o.cameraId,
                data: { outageId: o.id, why },
              });
              const to = p ? partnerEmailOf(p) : null;
              if (to)
                await mailAll(
                  tx,
                  [to],
                  `câmera "${cameraName}" — ${why}`,
                  `A câmera "${cameraName}" está ${why}. O funcionamento e a transmissão devem ser ininterruptos, 24 horas por dia (Decreto 1.522/2022, art. 21 e art. 25, § 3º). Verifique energia, conexão e equipamento.`,
                );
            }
          }
          if (toCommittee) {
            const [m] = await tx
              .update(cameraOutages)
              .set({ committeeNotifiedAt: now })
              .where(and(eq(cameraOutages.id, o.id), isNull(cameraOutages.committeeNotifiedAt)))
              .returning();
            if (m) {
              const description = `Câmera "${cameraName}" de ${p?.name ?? 'parceiro'}: ${length > COMMITTEE_LONG_MS ? `fora do ar há ${Math.floor(length / H)} h` : `${month} interrupções em 30 dias`} (art. 25, § 3º).`;
              const [c] = await tx
                .insert(complianceCases)
                .values({ partnerId, kind: 'uptime_breach', subjectType: 'camera', subjectId: o.cameraId, description })
                .returning();
              await recordAudit(tx, actor, {
                action: 'uptime.committee_case',
                targetType: 'compliance_case',
                targetId: c!.id,
                data: { outageId: o.id },
              });
              await mailAll(tx, await staffEmails(tx, ['committee_member']), `câmera fora do ar — ${p?.name ?? ''}`, description);
            }
          }
        });
      }
      after = rows.length < limit ? '00000000-0000-0000-0000-000000000000' : rows[rows.length - 1]!.o.id;
      return rows.length;
    },
  };
}
