import type { UnitManifestation } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { ombudsmanManifestations } from '../../db/tables/ombudsman.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { mailAll, staffEmails } from '../obligations/recipients.js';
import type { OmbudsmanDeps } from './ombudsman-deps.js';
import { unitManifestation, unitView } from './ombudsman-queries.js';

/** The unit answers the ombudsman (not the citizen): the ombudsman then writes the conclusive answer. */
export async function unitAnswer(deps: OmbudsmanDeps, who: Acting, id: string, text: string): Promise<UnitManifestation> {
  await deps.db.transaction(async (tx) => {
    const r = await unitManifestation(tx, who, id, true);
    if (r.status !== 'with_unit') throw new AppError('INVALID_STATE', 'A unidade já respondeu a esta manifestação.');
    await tx
      .update(ombudsmanManifestations)
      .set({ status: 'unit_answered', unitAnswer: text, unitAnsweredAt: deps.clock.now() })
      .where(eq(ombudsmanManifestations.id, id));
    await recordAudit(tx, who.actor, {
      action: 'ombudsman.unit_answered',
      targetType: 'ombudsman_manifestation',
      targetId: id,
      data: { protocol: r.protocol, unit: r.unit, unitDueOn: r.unitDueOn },
    });
    await mailAll(
      tx,
      await staffEmails(tx, ['ombudsman_staff']),
      `unidade respondeu à manifestação ${r.protocol}`,
      'A unidade responsável respondeu. Elabore a resposta conclusiva ao manifestante.',
    );
  });
  return unitView(deps, who, id);
}
