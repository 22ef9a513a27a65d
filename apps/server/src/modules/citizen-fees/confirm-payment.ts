import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { securityFees } from '../../db/tables/security-fees.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { type FeeDeps, type FeeRow, toSecurityFee } from './fee-deps.js';

/** `sha256=<hex>` of the raw body with the webhook key, compared in constant time. */
export function webhookSignatureValid(secret: string | undefined, rawBody: Buffer, header: string | undefined): boolean {
  if (!secret || !header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Records a fee's payment (webhook of the bank/PSP, or a staff member's manual confirmation) and
 * unlocks the service step that waited for it, in one transaction. Paying twice changes nothing;
 * a different amount is refused.
 */
export async function confirmPayment(
  deps: FeeDeps,
  actor: AuditActor,
  by: { txid: string } | { feeId: string },
  payment: { amountCents: number; reference: string; via: 'webhook' | 'manual' },
) {
  return deps.db.transaction(async (tx) => {
    const [fee] = await tx
      .select()
      .from(securityFees)
      .where('txid' in by ? eq(securityFees.txid, by.txid) : eq(securityFees.id, by.feeId))
      .for('update');
    if (!fee) throw new AppError('NOT_FOUND', 'Nenhuma taxa com este identificador.');
    if (fee.status === 'paid') return toSecurityFee(fee);
    if (fee.status !== 'pending') throw new AppError('INVALID_STATE', 'Esta guia venceu ou foi cancelada e substituída por outra.');
    if (payment.amountCents !== fee.amountCents) throw new AppError('INVALID_STATE', 'O valor pago difere do valor da taxa.');
    const [paid] = await tx
      .update(securityFees)
      .set({ status: 'paid', paidAt: deps.clock.now(), paidVia: payment.via, paymentReference: payment.reference })
      .where(eq(securityFees.id, fee.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'fee.paid',
      targetType: 'security_fee',
      targetId: fee.id,
      data: { via: payment.via, reference: payment.reference, amountCents: payment.amountCents },
    });
    await deps.unlockers[fee.service]?.(tx, paid as FeeRow, actor);
    return toSecurityFee(paid!);
  });
}
