import { eq } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Tx } from '../../db/client.js';
import { securityFees } from '../../db/tables/security-fees.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { todayOn } from '../calendar/clock.js';
import { addDays } from '../calendar/local-date.js';
import { type DocumentsDeps, issueDocument } from '../documents/issue-document.js';
import type { FeeRow } from './fee-deps.js';
import { feeAmountCents, formatBrl } from './fee-rules.js';
import type { TreasuryAdapter } from './treasury.adapter.js';

export interface ChargeDeps {
  clock: Clock;
  config: Config;
  documents: DocumentsDeps;
  treasury: TreasuryAdapter;
}

/**
 * Charges a fee in the caller's transaction: amount from the UPF-MT in force, a Pix BR Code from
 * the treasury adapter, and the payment slip (PDF with the Pix QR code, "copia e cola" and due date).
 */
export async function chargeFee(
  tx: Tx,
  deps: ChargeDeps,
  actor: AuditActor,
  input: { citizenId: string; service: string; subjectId: string; upfUnits: number; description: string; reissueOf?: string },
): Promise<FeeRow> {
  const upf = deps.config.fees.upf;
  if (!upf) throw new AppError('FEES_UNAVAILABLE');
  const amountCents = feeAmountCents(input.upfUnits, upf.valueCents);
  const { txid, brCode } = await deps.treasury.charge({ amountCents, description: input.description });
  const now = deps.clock.now();
  const dueDate = addDays(todayOn(deps.clock), deps.config.fees.dueDays);
  const [fee] = await tx
    .insert(securityFees)
    .values({
      citizenId: input.citizenId,
      service: input.service,
      subjectId: input.subjectId,
      upfUnits: String(input.upfUnits),
      upfValueCents: upf.valueCents,
      upfReference: upf.reference,
      amountCents,
      txid,
      brCode,
      dueDate,
      status: 'pending',
      reissueOf: input.reissueOf ?? null,
      createdAt: now,
    })
    .returning();
  const [slip] = await issueDocument(tx, deps.documents, actor, {
    kind: 'fee_slip',
    subjectType: 'security_fee',
    subjectId: fee!.id,
    formats: ['pdf'],
    issuedAt: now,
    content: {
      title: 'DOCUMENTO DE ARRECADAÇÃO — TAXA DE SEGURANÇA PÚBLICA',
      subtitle: input.description,
      blocks: [
        {
          kind: 'table',
          headers: ['Valor', 'Base de cálculo', 'Vencimento', 'Identificador (txid)'],
          rows: [
            [
              formatBrl(amountCents),
              `${input.upfUnits} UPF-MT × ${formatBrl(upf.valueCents)} (${upf.reference})`,
              dueDate.split('-').reverse().join('/'),
              txid,
            ],
          ],
        },
        { kind: 'qr', value: brCode, caption: 'Pague com Pix: leia o QR code no aplicativo do seu banco.' },
        { kind: 'paragraph', text: `Pix copia e cola: ${brCode}` },
        { kind: 'paragraph', text: 'Após o vencimento, emita uma nova guia pelo portal (Meus serviços).' },
      ],
    },
  });
  await tx.update(securityFees).set({ slipDocumentId: slip!.id }).where(eq(securityFees.id, fee!.id));
  await recordAudit(tx, actor, {
    action: 'fee.charged',
    targetType: 'security_fee',
    targetId: fee!.id,
    data: { service: input.service, amountCents, upfUnits: input.upfUnits, upfReference: upf.reference, txid },
  });
  return { ...fee!, slipDocumentId: slip!.id };
}
