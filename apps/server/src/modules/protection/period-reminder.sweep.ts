import { and, eq, inArray, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/tables/accounts.js';
import {
  protectionAssignments,
  protectionFunctionGrants,
  protectionMissions,
  protectionPeriodReminders,
} from '../../db/tables/protection.js';
import type { Sweep } from '../../jobs/sweep.js';
import { queueMail } from '../../mail/mailer.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import { type Clock, todayOn } from '../calendar/clock.js';
import { addDays, daysBetween } from '../calendar/local-date.js';

const actor = systemActor('sweep:protection-period-reminders');

/**
 * Art. 11 §1 (a fixed period, extended or reduced by an act): `reminderDays` before the period of a
 * mission in planning or in progress ends, the CORE coordination and the mission's team (convoked
 * officers and CORE intelligence) get a mail — once per mission and period end, so an extension or
 * reduction (a new end) brings a new reminder. The mail names the mission by code name and number
 * only (never the protectee) and links to its page; the sending is audited.
 */
export function protectionPeriodReminderSweep(db: Db, clock: Clock, opts: { reminderDays: number; publicUrl: string }): Sweep {
  return {
    name: 'protection-period-reminders',
    everySeconds: 3600,
    batchSize: 50,
    async runBatch(limit) {
      const today = todayOn(clock);
      const due = await db
        .select({ id: protectionMissions.id })
        .from(protectionMissions)
        .where(
          and(
            inArray(protectionMissions.status, ['planning', 'in_progress']),
            lte(protectionMissions.periodEnd, addDays(today, opts.reminderDays)),
            notExists(
              db
                .select({ one: sql`1` })
                .from(protectionPeriodReminders)
                .where(
                  and(
                    eq(protectionPeriodReminders.missionId, protectionMissions.id),
                    eq(protectionPeriodReminders.periodEnd, protectionMissions.periodEnd),
                  ),
                ),
            ),
          ),
        )
        .limit(limit);
      for (const { id } of due) {
        await db.transaction(async (tx) => {
          const [m] = await tx.select().from(protectionMissions).where(eq(protectionMissions.id, id)).for('update');
          if (!m || !['planning', 'in_progress'].includes(m.status)) return;
          const coordination = tx
            .select({ id: protectionFunctionGrants.userId })
            .from(protectionFunctionGrants)
            .where(eq(protectionFunctionGrants.function, 'core_coordination'));
          const team = tx
            .select({ id: protectionAssignments.userId })
            .from(protectionAssignments)
            .where(and(eq(protectionAssignments.missionId, id), inArray(protectionAssignments.kind, ['officer', 'core_intelligence'])));
          const recipients = await tx
            .selectDistinct({ email: users.email })
            .from(users)
            .where(and(eq(users.status, 'active'), sql`(${users.id} IN ${coordination} OR ${users.id} IN ${team})`));
          const [claimed] = await tx
            .insert(protectionPeriodReminders)
            .values({ missionId: id, periodEnd: m.periodEnd, recipients: recipients.length, sentAt: clock.now() })
            .onConflictDoNothing()
            .returning();
          if (!claimed) return;
          const days = daysBetween(today, m.periodEnd);
          const when =
            days > 0 ? `termina em ${days} dia(s), em ${m.periodEnd}` : days === 0 ? 'termina hoje' : `terminou em ${m.periodEnd}`;
          for (const r of recipients)
            await queueMail(tx, {
              to: r.email,
              subject: `Missão de proteção ${m.codeName} (nº ${m.number}): o período de segurança ${when}`,
              text: [
                `O período de segurança da missão ${m.codeName} (nº ${m.number}) ${when}.`,
                'Prorrogue ou reduza o período por ato fundamentado, ou conclua a missão (Resolução 121/2025/CSPJC-MT, art. 11, § 1º).',
                `Acesse: ${opts.publicUrl.replace(/\/$/, '')}/app/protecao/missoes/${id}`,
                '',
                'Comunicação sigilosa: não encaminhe esta mensagem.',
              ].join('\n'),
            });
          await recordAudit(tx, actor, {
            action: 'protection.period.reminder_sent',
            targetType: 'protection_mission',
            targetId: id,
            data: { number: m.number, periodEnd: m.periodEnd, recipients: recipients.length },
          });
        });
      }
      return due.length;
    },
  };
}
