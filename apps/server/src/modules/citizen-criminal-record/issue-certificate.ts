import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { criminalRecordCertificates } from '../../db/tables/criminal-record.js';
import { type AuditActor, type AuditEntry, recordAudits } from '../audit/audit.service.js';
import { issueDocument } from '../documents/issue-document.js';
import { certifiableEntries, certificateAct, lineOf, resultOf } from './certificate-content.js';
import { type CertificateDeps, type CertificateRow, DAY_MS } from './certificate-deps.js';
import type { CriminalRecordEntry } from './criminal-records.adapter.js';

type Requested = Pick<CertificateRow, 'id' | 'protocol' | 'name' | 'cpf' | 'purpose'>;

/**
 * What issuing a certificate fixes, in the caller's transaction: only the entries a certificate may
 * state (certificate-content.ts), validity from config, and its document with the authenticity
 * code — so verification by code answers at once. The PDF (code + QR) is rendered after commit
 * (documents' deferred render): the caller passes `documentId` to `deps.renders.schedule` once its
 * transaction has committed. The caller writes these fields on the request row and records the
 * entries left in `audit` (the document's) with its own in one `recordAudits` call.
 */
export async function certificateIssue(
  tx: Tx,
  deps: CertificateDeps,
  actor: AuditActor,
  req: Requested,
  entries: CriminalRecordEntry[],
  audit: AuditEntry[],
) {
  const issuedAt = deps.clock.now();
  const validUntil = new Date(issuedAt.getTime() + deps.config.citizen.certificateValidityDays * DAY_MS);
  const lines = certifiableEntries(entries).map(lineOf);
  const [pdf] = await issueDocument(tx, deps.documents, actor, {
    kind: 'criminal_record_certificate',
    subjectType: 'criminal_record_certificate',
    subjectId: req.id,
    content: certificateAct({ protocol: req.protocol, name: req.name, cpf: req.cpf, purpose: req.purpose, lines, validUntil }),
    formats: ['pdf'],
    issuedAt,
    render: 'deferred',
    auditInto: audit,
  });
  return {
    status: 'issued' as const,
    result: resultOf(lines),
    content: lines,
    documentId: pdf!.id,
    code: pdf!.code,
    issuedAt,
    validUntil,
    decidedBy: actor.id,
  };
}

/** Issues the certificate of a request waiting in analysis (Politec's decision). */
export async function issueCertificate(
  tx: Tx,
  deps: CertificateDeps,
  actor: AuditActor,
  row: CertificateRow,
  entries: CriminalRecordEntry[],
): Promise<CertificateRow> {
  const audit: AuditEntry[] = [];
  const issued = await certificateIssue(tx, deps, actor, row, entries, audit);
  const [updated] = await tx.update(criminalRecordCertificates).set(issued).where(eq(criminalRecordCertificates.id, row.id)).returning();
  await recordAudits(tx, actor, [
    ...audit,
    {
      action: 'criminal_certificate.issued',
      targetType: 'criminal_record_certificate',
      targetId: row.id,
      data: { protocol: row.protocol, code: issued.code, result: issued.result },
    },
  ]);
  return updated!;
}
