import { type OmbudsmanManifestation, type OmbudsmanUnit, ombudsmanUnitLabels, ombudsmanUnitRoles } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { ombudsmanManifestations } from '../../db/tables/ombudsman.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { fmtDate } from '../calendar/local-date.js';
import { mailAll, staffEmails } from '../obligations/recipients.js';
import { loadManifestation, type OmbudsmanDeps, today, unitDueOn } from './ombudsman-deps.js';
import { ombudsmanView } from './ombudsman-queries.js';

/**
 * The ombudsman routes a manifestation to the responsible unit (again, to another unit, if the
 * first was not the right one): the unit's 20-day clock starts on the day of routing. The unit's
 * holders are told by e-mail with the protocol only.
 */
export async function routeManifestation(
  deps: OmbudsmanDeps,
  who: Acting,
  id: string,
  input: { unit: OmbudsmanUnit; note: string },
): Promise<OmbudsmanManifestation> {
  await deps.db.transaction(async (tx) => {
    const r = await loadManifestation(tx, id, true);
    if (r.status === 'answered') throw new AppError('MANIFESTATION_ANSWERED');
    const routedOn = today(deps.clock);
    const due = unitDueOn(routedOn, false);
    await tx
      .update(ombudsmanManifestations)
      .set({
        status: 'with_unit',
        unit: input.unit,
        routingNote: input.note,
        routedOn,
        unitDueOn: due,
        unitExtensionReason: null,
        unitRemindedFor: null,
        unitAnswer: null,
        unitAnsweredAt: null,
      })
      .where(eq(ombudsmanManifestations.id, id));
    await recordAudit(tx, who.actor, {
      action: 'ombudsman.routed',
      targetType: 'ombudsman_manifestation',
      targetId: id,
      reason: input.note,
      data: { protocol: r.protocol, unit: input.unit, unitDueOn: due },
    });
    await mailAll(
      tx,
      await staffEmails(tx, [ombudsmanUnitRoles[input.unit]]),
      `manifestação ${r.protocol} encaminhada pela Ouvidoria`,
      `A Ouvidoria encaminhou a manifestação ${r.protocol} a ${ombudsmanUnitLabels[input.unit]}. Responda à Ouvidoria até ${fmtDate(due)} (20 dias).`,
    );
  });
  return ombudsmanView(deps, who, id);
}
