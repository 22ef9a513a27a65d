import type { OmbudsmanManifestation, UnitManifestation } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { ombudsmanManifestations } from '../../db/tables/ombudsman.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { fmtDate } from '../calendar/local-date.js';
import { mailAll } from '../obligations/recipients.js';
import { answerDueOn, loadManifestation, type OmbudsmanDeps, unitDueOn } from './ombudsman-deps.js';
import { ombudsmanView, unitManifestation, unitView } from './ombudsman-queries.js';
import { requesterEmail } from './requester-email.js';

/**
 * Lei 13.460/2017 art. 16: the ombudsman may extend the answer's deadline once, by 30 days, with a
 * justification; the citizen sees the new date and the reason. A second extension is refused.
 */
export async function extendAnswerDeadline(
  deps: OmbudsmanDeps,
  who: Acting,
  id: string,
  justification: string,
): Promise<OmbudsmanManifestation> {
  await deps.db.transaction(async (tx) => {
    const r = await loadManifestation(tx, id, true);
    if (r.status === 'answered') throw new AppError('MANIFESTATION_ANSWERED');
    if (r.extendedAt) throw new AppError('OMBUDSMAN_ALREADY_EXTENDED');
    const dueOn = answerDueOn(r.receivedOn, true);
    await tx
      .update(ombudsmanManifestations)
      .set({ dueOn, extensionReason: justification, extendedAt: deps.clock.now() })
      .where(eq(ombudsmanManifestations.id, id));
    await recordAudit(tx, who.actor, {
      action: 'ombudsman.deadline_extended',
      targetType: 'ombudsman_manifestation',
      targetId: id,
      reason: justification,
      data: { protocol: r.protocol, from: r.dueOn, to: dueOn },
    });
    const email = await requesterEmail(tx, r);
    if (email)
      await mailAll(
        tx,
        [email],
        `prazo da manifestação ${r.protocol} prorrogado`,
        `O prazo de resposta da sua manifestação foi prorrogado para ${fmtDate(dueOn)} (Lei nº 13.460/2017, art. 16). Justificativa: ${justification}`,
      );
  });
  return ombudsmanView(deps, who, id);
}

/** The unit extends its own 20-day clock once, by 20 days, with a justification the ombudsman reads. */
export async function extendUnitDeadline(deps: OmbudsmanDeps, who: Acting, id: string, justification: string): Promise<UnitManifestation> {
  await deps.db.transaction(async (tx) => {
    const r = await unitManifestation(tx, who, id, true);
    if (r.status !== 'with_unit' || !r.routedOn) throw new AppError('INVALID_STATE', 'A unidade já respondeu a esta manifestação.');
    if (r.unitExtensionReason) throw new AppError('OMBUDSMAN_ALREADY_EXTENDED');
    const due = unitDueOn(r.routedOn, true);
    await tx
      .update(ombudsmanManifestations)
      .set({ unitDueOn: due, unitExtensionReason: justification })
      .where(eq(ombudsmanManifestations.id, id));
    await recordAudit(tx, who.actor, {
      action: 'ombudsman.unit_deadline_extended',
      targetType: 'ombudsman_manifestation',
      targetId: id,
      reason: justification,
      data: { protocol: r.protocol, unit: r.unit, from: r.unitDueOn, to: due },
    });
  });
  return unitView(deps, who, id);
}
