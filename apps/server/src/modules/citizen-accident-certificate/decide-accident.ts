import type { AccidentDecisionBody, AccidentDeclaration } from '@vigia/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accidentDeclarations, accidentEvents, accidentParties } from '../../db/tables/accident-certificate.js';
import { citizens } from '../../db/tables/citizen.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { recordAudit } from '../audit/audit.service.js';
import { issueDocument } from '../documents/issue-document.js';
import { accidentCertificateAct } from './accident-content.js';
import type { AccidentDeps, DeclarationRow } from './accident-deps.js';
import { declarationOf } from './accident-queries.js';

const MAIL_TEXT: Record<AccidentDecisionBody['decision'], (protocol: string, reason: string | null) => { subject: string; text: string }> =
  {
    validate: (p) => ({
      subject: `Certidão de acidente de trânsito — protocolo ${p}: emitida`,
      text: `Sua declaração de acidente de trânsito (protocolo ${p}) foi validada pela polícia de trânsito e a certidão foi emitida.\n\nBaixe a certidão em Meus serviços, no Portal da Segurança.\n`,
    }),
    corrections: (p, reason) => ({
      subject: `Declaração de acidente de trânsito — protocolo ${p}: correção solicitada`,
      text: `A polícia de trânsito pediu correções na sua declaração de acidente (protocolo ${p}):\n\n${reason}\n\nCorrija e reenvie em Meus serviços, no Portal da Segurança.\n`,
    }),
    reject: (p, reason) => ({
      subject: `Declaração de acidente de trânsito — protocolo ${p}: indeferida`,
      text: `A polícia de trânsito indeferiu sua declaração de acidente (protocolo ${p}) pelos motivos abaixo:\n\n${reason}\n\nSe discordar, procure uma unidade da polícia de trânsito.\n`,
    }),
  };

async function notify(tx: Tx, row: DeclarationRow, decision: AccidentDecisionBody) {
  const [citizen] = await tx.select({ email: citizens.email }).from(citizens).where(eq(citizens.id, row.citizenId));
  if (!citizen?.email) return;
  const reason = decision.decision === 'validate' ? null : decision.reason;
  await queueMail(tx, { to: citizen.email, ...MAIL_TEXT[decision.decision](row.protocol, reason) });
}

/**
 * The traffic police decide a declaration awaiting analysis: validate (the accident is recorded in
 * the system of record through the adapter and the certificate issued — PDF with authenticity code
 * and QR), ask for corrections, or reject with reasons. One transaction: the row, the history
 * event, the audit entry and the citizen's e-mail, or nothing.
 */
export async function decideAccident(
  deps: AccidentDeps,
  who: Acting,
  id: string,
  input: AccidentDecisionBody,
): Promise<AccidentDeclaration> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(accidentDeclarations)
      .where(and(eq(accidentDeclarations.id, id), eq(accidentDeclarations.status, 'submitted')))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND', 'Nenhuma declaração de acidente aguardando análise com este identificador.');
    const now = deps.clock.now();
    let set: Partial<DeclarationRow>;
    let data: Record<string, unknown> = { protocol: row.protocol, version: row.version };
    if (input.decision === 'validate') {
      const parties = await tx.select().from(accidentParties).where(eq(accidentParties.declarationId, id));
      const { recordNumber } = await deps.accidents(tx).record(
        {
          declarationId: row.id,
          protocol: row.protocol,
          occurredAt: row.occurredAt,
          latitude: row.latitude,
          longitude: row.longitude,
          municipalityIbge: row.municipalityIbge,
          plates: parties.map((p) => p.plate).filter((p): p is string => !!p),
          partiesCpf: parties.map((p) => p.cpf).filter((c): c is string => !!c),
        },
        now,
      );
      const [pdf] = await issueDocument(tx, deps.documents, who.actor, {
        kind: 'accident_certificate',
        subjectType: 'accident_declaration',
        subjectId: row.id,
        content: accidentCertificateAct(row, parties, recordNumber),
        formats: ['pdf'],
        issuedAt: now,
      });
      set = { status: 'validated', recordNumber, documentId: pdf!.id, code: pdf!.code, issuedAt: now, answer: null };
      data = { ...data, recordNumber, code: pdf!.code };
    } else {
      set = { status: input.decision === 'corrections' ? 'corrections_requested' : 'rejected', answer: input.reason };
    }
    await tx
      .update(accidentDeclarations)
      .set({ ...set, decidedBy: who.actor.id, updatedAt: now })
      .where(eq(accidentDeclarations.id, id));
    const kind = input.decision === 'validate' ? 'validated' : input.decision === 'corrections' ? 'corrections_requested' : 'rejected';
    await tx.insert(accidentEvents).values({
      declarationId: id,
      version: row.version,
      kind,
      at: now,
      by: who.actor.id,
      note: input.decision === 'validate' ? null : input.reason,
    });
    await recordAudit(tx, who.actor, {
      action: `accident_certificate.${kind}`,
      targetType: 'accident_declaration',
      targetId: id,
      ...(input.decision === 'validate' ? {} : { reason: input.reason }),
      data,
    });
    await notify(tx, row, input);
  });
  return declarationOf(deps.db, id, 'staff');
}
