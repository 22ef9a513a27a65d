import { ombudsmanUnitLabels, ombudsmanUnitRoles } from '@vigia/contracts';
import { and, eq, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Db } from '../../db/client.js';
import { ombudsmanManifestations } from '../../db/tables/ombudsman.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import { addDays, fmtDate, toCuiabaDate } from '../calendar/local-date.js';
import { mailAll, staffEmails } from '../obligations/recipients.js';
import { REMINDER_DAYS_BEFORE } from './ombudsman-deps.js';

const actor = systemActor('sweep:ombudsman-reminders');
const m = ombudsmanManifestations;

/**
 * E-mail reminders before the ombudsman's clocks end (REMINDER_DAYS_BEFORE days ahead, or at once
 * when already closer): to the ombudsman staff for the answer's deadline, to the unit's holders for
 * the unit's. One reminder per due date (`reminded_for`): an extension sets a new date and earns a
 * new reminder; a re-run after a crash finds nothing left to send.
 */
export function ombudsmanRemindersSweep(db: Db, clock: Clock): Sweep {
  return {
    name: 'ombudsman-reminders',
    everySeconds: 3600,
    batchSize: 100,
    async runBatch(limit) {
      const horizon = addDays(toCuiabaDate(clock.now()), REMINDER_DAYS_BEFORE);
      let handled = 0;
      const answers = await db
        .select()
        .from(m)
        .where(and(ne(m.status, 'answered'), lte(m.dueOn, horizon), or(isNull(m.remindedFor), ne(m.remindedFor, m.dueOn))))
        .limit(limit);
      for (const r of answers) {
        await db.transaction(async (tx) => {
          const [won] = await tx
            .update(m)
            .set({ remindedFor: r.dueOn })
            .where(and(eq(m.id, r.id), sql`${m.remindedFor} IS DISTINCT FROM ${m.dueOn}`))
            .returning({ id: m.id });
          if (!won) return;
          await mailAll(
            tx,
            await staffEmails(tx, ['ombudsman_staff']),
            `prazo da manifestação ${r.protocol} termina em ${fmtDate(r.dueOn)}`,
            `A resposta da manifestação ${r.protocol} vence em ${fmtDate(r.dueOn)} (Lei nº 13.460/2017, art. 16${r.extendedAt ? ', prazo já prorrogado' : ''}).`,
          );
          await recordAudit(tx, actor, {
            action: 'ombudsman.reminder_sent',
            targetType: 'ombudsman_manifestation',
            targetId: r.id,
            data: { protocol: r.protocol, clock: 'answer', dueOn: r.dueOn },
          });
        });
        handled++;
      }
      const units = await db
        .select()
        .from(m)
        .where(and(eq(m.status, 'with_unit'), lte(m.unitDueOn, horizon), or(isNull(m.unitRemindedFor), ne(m.unitRemindedFor, m.unitDueOn))))
        .limit(Math.max(0, limit - handled));
      for (const r of units) {
        if (!r.unit || !r.unitDueOn) continue;
        const unit = r.unit;
        const due = r.unitDueOn;
        await db.transaction(async (tx) => {
          const [won] = await tx
            .update(m)
            .set({ unitRemindedFor: due })
            .where(and(eq(m.id, r.id), sql`${m.unitRemindedFor} IS DISTINCT FROM ${m.unitDueOn}`))
            .returning({ id: m.id });
          if (!won) return;
          await mailAll(
            tx,
            await staffEmails(tx, [ombudsmanUnitRoles[unit]]),
            `Ouvidoria: responder à manifestação ${r.protocol} até ${fmtDate(due)}`,
            `${ombudsmanUnitLabels[unit]}: a resposta à Ouvidoria sobre a manifestação ${r.protocol} vence em ${fmtDate(due)}.`,
          );
          await recordAudit(tx, actor, {
            action: 'ombudsman.reminder_sent',
            targetType: 'ombudsman_manifestation',
            targetId: r.id,
            data: { protocol: r.protocol, clock: 'unit', unit, dueOn: due },
          });
        });
        handled++;
      }
      return handled;
    },
  };
}
