import { type CertificateVerification, maskCpf } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { criminalRecordCertificates } from '../../db/tables/criminal-record.js';
import { AppError } from '../../http/errors.js';
import { recordLookup } from '../citizen-accounts/citizen-lookups.js';
import { resultText } from './certificate-content.js';
import type { CertificateDeps } from './certificate-deps.js';

/**
 * Public verification of a certificate by its authenticity code: name, masked CPF, issue date,
 * validity and result — nothing else (never the entries, the purpose or the protocol). Each check
 * is shown to the citizen in "who looked me up". A copy's bytes are checked by the documents
 * module (`POST /api/public/documents/verify`): a tampered PDF fails there.
 */
export async function verifyCertificate(deps: Pick<CertificateDeps, 'db' | 'clock'>, code: string): Promise<CertificateVerification> {
  const [row] = await deps.db.select().from(criminalRecordCertificates).where(eq(criminalRecordCertificates.code, code)).limit(1);
  if (!row || row.status !== 'issued' || !row.issuedAt || !row.validUntil || !row.result) throw new AppError('CERTIFICATE_NOT_FOUND');
  await recordLookup(deps.db, deps.clock, {
    cpf: row.cpf,
    by: 'verificação pública por código',
    purpose: 'conferir a autenticidade da certidão',
  });
  return {
    code,
    name: row.name,
    cpfMasked: maskCpf(row.cpf),
    issuedAt: row.issuedAt.toISOString(),
    validUntil: row.validUntil.toISOString(),
    valid: row.validUntil.getTime() > deps.clock.now().getTime(),
    result: row.result,
    resultText: resultText(row.result),
  };
}
