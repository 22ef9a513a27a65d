import type { OmbudsmanManifestation } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { ombudsmanManifestations, ombudsmanMessages } from '../../db/tables/ombudsman.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { mailAll } from '../obligations/recipients.js';
import { loadManifestation, type OmbudsmanDeps, today } from './ombudsman-deps.js';
import { ombudsmanView } from './ombudsman-queries.js';
import { requesterEmail } from './requester-email.js';

/**
 * The ombudsman's conclusive answer to the citizen (Lei 13.460 art. 12): closes the clock. The
 * citizen reads it by protocol + code or on "Meus serviços" and is told by e-mail when signed in.
 */
export async function answerManifestation(deps: OmbudsmanDeps, who: Acting, id: string, text: string): Promise<OmbudsmanManifestation> {
  await deps.db.transaction(async (tx) => {
    const r = await loadManifestation(tx, id, true);
    if (r.status === 'answered') throw new AppError('MANIFESTATION_ANSWERED');
    const now = deps.clock.now();
    const on = today(deps.clock);
    await tx
      .update(ombudsmanManifestations)
      .set({ status: 'answered', answer: text, answeredAt: now, answeredOn: on })
      .where(eq(ombudsmanManifestations.id, id));
    await recordAudit(tx, who.actor, {
      action: 'ombudsman.answered',
      targetType: 'ombudsman_manifestation',
      targetId: id,
      data: { protocol: r.protocol, dueOn: r.dueOn, answeredOn: on, withinDeadline: on <= r.dueOn },
    });
    const email = await requesterEmail(tx, r);
    if (email)
      await mailAll(
        tx,
        [email],
        `resposta da manifestação ${r.protocol}`,
        `A Ouvidoria respondeu à sua manifestação ${r.protocol}. Leia a resposta e, se quiser, avalie o atendimento em ${deps.config.publicUrl}/ouvidoria/acompanhar.`,
      );
  });
  return ombudsmanView(deps, who, id);
}

/** A message from the ombudsman to the citizen (e.g. asking for details), shown on the follow-up. */
export async function messageCitizen(deps: OmbudsmanDeps, who: Acting, id: string, text: string): Promise<OmbudsmanManifestation> {
  await deps.db.transaction(async (tx) => {
    const r = await loadManifestation(tx, id, true);
    await tx
      .insert(ombudsmanMessages)
      .values({ manifestationId: id, author: 'ombudsman', authorUserId: who.auth.user.id, text, createdAt: deps.clock.now() });
    await recordAudit(tx, who.actor, {
      action: 'ombudsman.message_sent',
      targetType: 'ombudsman_manifestation',
      targetId: id,
      data: { protocol: r.protocol },
    });
    const email = await requesterEmail(tx, r);
    if (email)
      await mailAll(
        tx,
        [email],
        `nova mensagem da Ouvidoria (${r.protocol})`,
        `A Ouvidoria escreveu na sua manifestação ${r.protocol}. Leia e responda em ${deps.config.publicUrl}/ouvidoria/acompanhar.`,
      );
  });
  return ombudsmanView(deps, who, id);
}
