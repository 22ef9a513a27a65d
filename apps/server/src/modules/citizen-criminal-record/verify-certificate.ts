import { type CertificateVerification, maskCpf } from '@vigia/contracts';
import { sql } from 'drizzle-orm';
import { citizenLookups } from '../../db/tables/citizen.js';
import { criminalRecordCertificates as c } from '../../db/tables/criminal-record.js';
import { AppError } from '../../http/errors.js';
import { resultText } from './certificate-content.js';
import type { CertificateDeps } from './certificate-deps.js';

const BY = 'verificação pública por código';
const PURPOSE = 'conferir a autenticidade da certidão';

interface Found {
  name: string;
  cpf: string;
  issued_at: Date | string;
  valid_until: Date | string;
  result: 'nada_consta' | 'consta';
}

/**
 * Public verification of a certificate by its authenticity code: name, masked CPF, issue date,
 * validity and result — nothing else (never the entries, the purpose or the protocol). Each check
 * is shown to the citizen in "who looked me up". A copy's bytes are checked by the documents
 * module (`POST /api/public/documents/verify`): a tampered PDF fails there.
 *
 * Cheap by design (the public endpoint under load): one statement reads the five columns it shows
 * (unique index on the code) and writes the "who looked me up" row of the same certificate — one
 * round trip, one implicit transaction, no document or file access. It answers from the state fixed
 * at issue, so a certificate whose PDF is still being rendered verifies at once.
 */
export async function verifyCertificate(deps: Pick<CertificateDeps, 'db' | 'clock'>, code: string): Promise<CertificateVerification> {
  const at = deps.clock.now();
  const { rows } = (await deps.db.execute(sql`
    WITH found AS (
      SELECT ${c.name} AS name, ${c.cpf} AS cpf, ${c.issuedAt} AS issued_at, ${c.validUntil} AS valid_until, ${c.result} AS result
      FROM ${c}
      WHERE ${c.code} = ${code} AND ${c.status} = 'issued' AND ${c.issuedAt} IS NOT NULL AND ${c.validUntil} IS NOT NULL
        AND ${c.result} IS NOT NULL
    ), logged AS (
      INSERT INTO ${citizenLookups} ("cpf", "at", "by", "purpose", "visible_from")
      SELECT cpf, ${at}, ${BY}, ${PURPOSE}, ${at} FROM found
    )
    SELECT name, cpf, issued_at, valid_until, result FROM found`)) as unknown as { rows: Found[] };
  const row = rows[0];
  if (!row) throw new AppError('CERTIFICATE_NOT_FOUND');
  const validUntil = new Date(row.valid_until);
  return {
    code,
    name: row.name,
    cpfMasked: maskCpf(row.cpf),
    issuedAt: new Date(row.issued_at).toISOString(),
    validUntil: validUntil.toISOString(),
    valid: validUntil.getTime() > at.getTime(),
    result: row.result,
    resultText: resultText(row.result),
  };
}
