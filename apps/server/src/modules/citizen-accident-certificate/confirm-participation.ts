import { type AccidentParticipation, meetsLevel, requiredLevelOf } from '@vigia/contracts';
import { and, eq } from 'drizzle-orm';
import { accidentDeclarations, accidentEvents, accidentParties } from '../../db/tables/accident-certificate.js';
import type { CitizenContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import type { AccidentDeps } from './accident-deps.js';
import { participationsOf } from './accident-queries.js';

/**
 * Another party named by CPF confirms their participation with their own gov.br sign-in (prata or
 * ouro, as the declaration). Only while the declaration awaits the traffic police (or a
 * correction); confirming twice changes nothing. The confirmation is recorded on the party, in the
 * history and in the audit.
 */
export async function confirmParticipation(
  deps: AccidentDeps,
  who: CitizenContext,
  actor: AuditActor,
  declarationId: string,
): Promise<AccidentParticipation> {
  if (!meetsLevel(who.citizen.level, requiredLevelOf('accident_certificate'))) throw new AppError('CITIZEN_LEVEL_TOO_LOW');
  await deps.db.transaction(async (tx) => {
    const [hit] = await tx
      .select({ party: accidentParties, declaration: accidentDeclarations })
      .from(accidentParties)
      .innerJoin(accidentDeclarations, eq(accidentDeclarations.id, accidentParties.declarationId))
      .where(
        and(
          eq(accidentParties.declarationId, declarationId),
          eq(accidentParties.cpf, who.citizen.cpf),
          eq(accidentParties.declarant, false),
        ),
      )
      .for('update');
    if (!hit) throw new AppError('NOT_FOUND', 'Nenhuma declaração de acidente em que você foi indicado como parte.');
    if (hit.party.confirmedAt) return;
    if (hit.declaration.status === 'validated' || hit.declaration.status === 'rejected')
      throw new AppError('INVALID_STATE', 'A polícia de trânsito já decidiu esta declaração: a confirmação não é mais possível.');
    const now = deps.clock.now();
    await tx.update(accidentParties).set({ confirmedAt: now, confirmedBy: who.citizen.id }).where(eq(accidentParties.id, hit.party.id));
    await tx.insert(accidentEvents).values({
      declarationId,
      version: hit.declaration.version,
      kind: 'party_confirmed',
      at: now,
      note: `Participação confirmada por ${hit.party.name}.`,
    });
    await recordAudit(tx, actor, {
      action: 'accident_certificate.participation_confirmed',
      targetType: 'accident_declaration',
      targetId: declarationId,
      data: { protocol: hit.declaration.protocol, partyId: hit.party.id },
    });
  });
  const [view] = await participationsOf(deps.db, who.citizen.cpf, declarationId);
  return view!;
}
