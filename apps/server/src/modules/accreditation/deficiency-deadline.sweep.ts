import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applications, deficiencyNotices } from '../../db/tables/accreditation.js';
import { partners } from '../../db/tables/partners.js';
import type { Sweep } from '../../jobs/sweep.js';
import { queueMail } from '../../mail/mailer.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import type { Clock } from '../calendar/clock.js';
import { todayInCuiaba } from '../calendar/local-date.js';

/**
 * Art. 16 §3: marks deficiency notices whose deadline ended (end of `dueOn` in Cuiabá) without an
 * answer as expired, and tells the partner. The application stays with the committee, which must
 * then reject it with reasons (a person signs the act; the sweep never decides). Bounded batches;
 * the status guard in the UPDATE makes it idempotent.
 */
export function deficiencyDeadlineSweep(db: Db, clock: Clock): Sweep {
  return {
    name: 'deficiency-deadline',
    everySeconds: 3600,
    batchSize: 100,
    async runBatch(limit) {
      const today = todayInCuiaba(clock.now());
      const due = await db
        .select({ id: deficiencyNotices.id })
        .from(deficiencyNotices)
        .where(and(eq(deficiencyNotices.status, 'open'), lt(deficiencyNotices.dueOn, today)))
        .orderBy(asc(deficiencyNotices.dueOn))
        .limit(limit);
      for (const { id } of due) {
        await db.transaction(async (tx) => {
          const [expired] = await tx
            .update(deficiencyNotices)
            .set({ status: 'expired', closedAt: new Date() })
            .where(and(eq(deficiencyNotices.id, id), eq(deficiencyNotices.status, 'open')))
            .returning();
          if (!expired) return;
          const [app] = await tx
            .select({ id: applications.id, number: applications.number, email: partners.email })
            .from(applications)
            .innerJoin(partners, eq(partners.id, applications.partnerId))
            .where(eq(applications.id, expired.applicationId));
          await recordAudit(tx, systemActor('sweep:deficiency-deadline'), {
            action: 'deficiency_notice.expired',
            targetType: 'application',
            targetId: expired.applicationId,
            data: { noticeId: id, dueOn: expired.dueOn, today },
          });
          if (app?.email) {
            await queueMail(tx, {
              to: app.email,
              subject: `Vigia Mais MT — prazo encerrado no pedido nº ${app.number}`,
              text: `Terminou em ${expired.dueOn.split('-').reverse().join('/')} o prazo para sanar as falhas indicadas no pedido nº ${app.number}, sem resposta. O pedido será indeferido e arquivado (Decreto 1.522/2022, art. 16, § 3º); um novo pedido pode ser apresentado a qualquer tempo (art. 16, § 4º).`,
            });
          }
        });
      }
      return due.length;
    },
  };
}
