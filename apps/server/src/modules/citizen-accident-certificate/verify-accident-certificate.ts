import type { AccidentCertificateVerification } from '@vigia/contracts';
import { asc, eq } from 'drizzle-orm';
import { accidentDeclarations, accidentParties } from '../../db/tables/accident-certificate.js';
import { AppError } from '../../http/errors.js';
import { toCuiabaDate } from '../calendar/local-date.js';
import { recordLookup } from '../citizen-accounts/citizen-lookups.js';
import type { AccidentDeps } from './accident-deps.js';
import { maskedCpfs } from './accident-queries.js';

/**
 * Public authentication of an accident certificate by its code: protocol, date of the accident,
 * municipality, date of issue and the parties' CPFs masked — nothing else (no names, plates,
 * place or narrative). Each check appears in the parties' "who looked me up". A copy's bytes are
 * checked by the documents module (`POST /api/public/documents/verify`): a tampered PDF fails there.
 */
export async function verifyAccidentCertificate(
  deps: Pick<AccidentDeps, 'db' | 'clock'>,
  code: string,
): Promise<AccidentCertificateVerification> {
  const [row] = await deps.db.select().from(accidentDeclarations).where(eq(accidentDeclarations.code, code)).limit(1);
  if (!row || row.status !== 'validated' || !row.issuedAt) throw new AppError('ACCIDENT_CERTIFICATE_NOT_FOUND');
  const parties = await deps.db
    .select({ cpf: accidentParties.cpf })
    .from(accidentParties)
    .where(eq(accidentParties.declarationId, row.id))
    .orderBy(asc(accidentParties.position));
  for (const p of parties) {
    if (!p.cpf) continue;
    await recordLookup(deps.db, deps.clock, {
      cpf: p.cpf,
      by: 'verificação pública por código',
      purpose: 'conferir a autenticidade da certidão de acidente de trânsito',
    });
  }
  return {
    code,
    protocol: row.protocol,
    accidentDate: toCuiabaDate(row.occurredAt),
    municipality: row.municipalityName,
    issuedAt: row.issuedAt.toISOString(),
    partiesCpfMasked: maskedCpfs(parties.map((p) => p.cpf)),
  };
}
