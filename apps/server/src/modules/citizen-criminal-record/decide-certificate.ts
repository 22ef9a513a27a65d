import { and, eq } from 'drizzle-orm';
import { criminalRecordCertificates } from '../../db/tables/criminal-record.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordLookup } from '../citizen-accounts/citizen-lookups.js';
import { type CertificateDeps, toCertificateRequest } from './certificate-deps.js';
import { issueCertificate } from './issue-certificate.js';

export type CertificateDecision = { decision: 'issue' } | { decision: 'answer'; reason: string };

/**
 * A Politec analyst closes a request in analysis: either issues the certificate (the entries of
 * the CPF are read again; homonyms of other people never enter it, nor do inquiries or served
 * sentences) or answers the citizen with the reasons it cannot be issued online.
 */
export async function decideCertificate(deps: CertificateDeps, who: Acting, id: string, input: CertificateDecision) {
  const decided = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(criminalRecordCertificates)
      .where(and(eq(criminalRecordCertificates.id, id), eq(criminalRecordCertificates.status, 'in_analysis')))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND', 'Nenhum pedido em análise com este identificador.');
    await recordLookup(tx, deps.clock, {
      cpf: row.cpf,
      by: 'Politec — análise de antecedentes',
      purpose: `análise do pedido ${row.protocol}`,
    });
    if (input.decision === 'issue') {
      const found = await deps.records(tx).search({ cpf: row.cpf, name: row.name });
      return issueCertificate(tx, deps, who.actor, row, found.entries);
    }
    const [answered] = await tx
      .update(criminalRecordCertificates)
      .set({ status: 'answered', answer: input.reason, decidedBy: who.actor.id })
      .where(eq(criminalRecordCertificates.id, id))
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'criminal_certificate.answered',
      targetType: 'criminal_record_certificate',
      targetId: id,
      reason: input.reason,
      data: { protocol: row.protocol },
    });
    return answered!;
  });
  if (decided.status === 'issued' && decided.documentId) deps.renders.schedule([decided.documentId]);
  return toCertificateRequest(decided);
}
