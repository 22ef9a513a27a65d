import { type IdentityCardStage, identityCardStageLabels } from '@vigia/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { identityCardRequests } from '../../db/tables/identity-card.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { AuditActor } from '../audit/audit.service.js';
import { toCuiabaDate } from '../calendar/local-date.js';
import { cancelPendingFees } from '../citizen-fees/cancel-fees.js';
import { chargeFee } from '../citizen-fees/charge-fee.js';
import type { FeeRow } from '../citizen-fees/fee-deps.js';
import { IDENTITY_CARD_FEE, type IdentityCardDeps, type IdentityCardRow } from './identity-card-deps.js';
import { nextStage, validityUntil } from './identity-card-rules.js';
import { changeStage } from './stage-change.js';

async function lockRequest(tx: Tx, id: string): Promise<IdentityCardRow> {
  const [row] = await tx.select().from(identityCardRequests).where(eq(identityCardRequests.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'Pedido de carteira de identidade não encontrado.');
  return row;
}

/**
 * Politec staff move a request one stage on (biometrics → production → shipped → available →
 * delivered); the citizen is mailed at each. At production the validity is fixed by age
 * (Decreto 10.977/2022); at delivery the card enters the identification base.
 */
export async function advanceIdentityCard(deps: IdentityCardDeps, who: Acting, id: string, to: IdentityCardStage, rgNumber?: string) {
  return deps.db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);
    if (nextStage(row.stage) !== to)
      throw new AppError(
        'INVALID_STATE',
        `O pedido está em "${identityCardStageLabels[row.stage]}": o próximo passo não é "${identityCardStageLabels[to]}".`,
      );
    const now = deps.clock.now();
    const today = toCuiabaDate(now);
    const extra = to === 'production' ? { validUntil: validityUntil(row.birthDate, today) } : {};
    if (to === 'delivered') {
      if (!rgNumber) throw new AppError('VALIDATION_FAILED', 'Informe o número do RG entregue.');
      await deps.identification(tx).recordDelivered({ cpf: row.cpf, rgNumber, issuedOn: today });
    }
    return changeStage(tx, who.actor, row, to, now, extra);
  });
}

/** Politec decides a fee exemption: granted → scheduled (no fee); refused → the fee is charged. */
export async function decideExemption(deps: IdentityCardDeps, who: Acting, id: string, granted: boolean) {
  return deps.db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);
    if (row.stage !== 'awaiting_exemption') throw new AppError('INVALID_STATE', 'Este pedido não tem isenção em análise.');
    const now = deps.clock.now();
    if (granted) return changeStage(tx, who.actor, row, 'scheduled', now, { exemption: 'granted' });
    if (!deps.config.fees.identityCardSecondCopyUpf) throw new AppError('FEES_UNAVAILABLE');
    await chargeFee(tx, deps, who.actor, {
      citizenId: row.citizenId,
      service: IDENTITY_CARD_FEE,
      subjectId: row.id,
      upfUnits: deps.config.fees.identityCardSecondCopyUpf,
      description: `2ª via da carteira de identidade — ${row.protocol}`,
    });
    return changeStage(tx, who.actor, row, 'awaiting_payment', now, { exemption: 'refused' });
  });
}

/** What a paid second-copy fee unlocks: the request waiting for payment is scheduled. */
export async function unlockAfterPayment(tx: Tx, fee: FeeRow, actor: AuditActor, at: Date): Promise<void> {
  const [row] = await tx
    .select()
    .from(identityCardRequests)
    .where(and(eq(identityCardRequests.id, fee.subjectId), eq(identityCardRequests.stage, 'awaiting_payment')))
    .for('update');
  if (row) {
    await changeStage(tx, actor, row, 'scheduled', at);
    await cancelPendingFees(tx, IDENTITY_CARD_FEE, row.id);
  }
}
