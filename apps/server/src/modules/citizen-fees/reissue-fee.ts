import { and, eq } from 'drizzle-orm';
import { securityFees } from '../../db/tables/security-fees.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { todayOn } from '../calendar/clock.js';
import { chargeFee } from './charge-fee.js';
import { type FeeDeps, toSecurityFee } from './fee-deps.js';

/** An unpaid slip past its due date is closed as expired and a new one (new txid, new due date) issued. */
export async function reissueFee(deps: FeeDeps, citizenId: string, actor: AuditActor, feeId: string) {
  return deps.db.transaction(async (tx) => {
    const [fee] = await tx
      .select()
      .from(securityFees)
      .where(and(eq(securityFees.id, feeId), eq(securityFees.citizenId, citizenId)))
      .for('update');
    if (!fee) throw new AppError('NOT_FOUND', 'Nenhuma taxa sua com este identificador.');
    if (fee.status !== 'pending' || fee.dueDate >= todayOn(deps.clock))
      throw new AppError('INVALID_STATE', 'Só uma guia vencida e não paga pode ser reemitida.');
    await tx.update(securityFees).set({ status: 'expired' }).where(eq(securityFees.id, fee.id));
    await recordAudit(tx, actor, { action: 'fee.expired', targetType: 'security_fee', targetId: fee.id });
    const next = await chargeFee(tx, deps, actor, {
      citizenId,
      service: fee.service,
      subjectId: fee.subjectId,
      upfUnits: Number(fee.upfUnits),
      description: 'Reemissão de guia vencida',
      reissueOf: fee.id,
    });
    return toSecurityFee(next);
  });
}
