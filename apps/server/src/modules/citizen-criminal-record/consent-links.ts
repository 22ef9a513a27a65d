import { type ConsentAnswer, maskCpf } from '@vigia/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { certificateConsentLinks, criminalRecordCertificates } from '../../db/tables/criminal-record.js';
import type { CitizenContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { newToken, sessionIdOf } from '../../http/session-token.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { recordLookup } from '../citizen-accounts/citizen-lookups.js';
import { certifiableEntries } from './certificate-content.js';
import { type CertificateDeps, DAY_MS } from './certificate-deps.js';

/**
 * A consent link: the citizen lets someone (an employer) ask "is the certificate valid, and is there
 * still no record?" for N days, without trusting a PDF. Only the token's SHA-256 is stored.
 */
export async function createConsentLink(
  deps: CertificateDeps,
  who: CitizenContext,
  actor: AuditActor,
  certificateId: string,
  input: { grantee: string; days: number },
): Promise<{ url: string; token: string; expiresAt: string }> {
  if (input.days > deps.config.citizen.consentLinkMaxDays)
    throw new AppError('VALIDATION_FAILED', `O link pode valer no máximo ${deps.config.citizen.consentLinkMaxDays} dias.`);
  const [cert] = await deps.db
    .select()
    .from(criminalRecordCertificates)
    .where(and(eq(criminalRecordCertificates.id, certificateId), eq(criminalRecordCertificates.citizenId, who.citizen.id)));
  if (!cert || cert.status !== 'issued') throw new AppError('NOT_FOUND', 'Nenhuma certidão emitida sua com este identificador.');
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + input.days * DAY_MS);
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(certificateConsentLinks)
      .values({ id: sessionIdOf(token), certificateId, grantee: input.grantee, expiresAt, createdAt: now });
    await recordAudit(tx, actor, {
      action: 'criminal_certificate.consent_link_created',
      targetType: 'criminal_record_certificate',
      targetId: certificateId,
      data: { grantee: input.grantee, days: input.days },
    });
  });
  const url = `${deps.config.publicUrl.replace(/\/$/, '')}/consulta-antecedentes/${token}`;
  return { url, token, expiresAt: expiresAt.toISOString() };
}

/** Public, with the token: the answer as of now; each use appears in the citizen's "who looked me up". */
export async function answerConsentLink(deps: CertificateDeps, token: string): Promise<ConsentAnswer> {
  const now = deps.clock.now();
  const [hit] = await deps.db
    .select({ link: certificateConsentLinks, cert: criminalRecordCertificates })
    .from(certificateConsentLinks)
    .innerJoin(criminalRecordCertificates, eq(criminalRecordCertificates.id, certificateConsentLinks.certificateId))
    .where(and(eq(certificateConsentLinks.id, sessionIdOf(token)), isNull(certificateConsentLinks.revokedAt)));
  if (!hit || hit.link.expiresAt.getTime() <= now.getTime()) throw new AppError('CERTIFICATE_CONSENT_LINK_INVALID');
  const { cert, link } = hit;
  const found = await deps.records(deps.db).search({ cpf: cert.cpf, name: cert.name });
  await recordLookup(deps.db, deps.clock, {
    cpf: cert.cpf,
    by: link.grantee,
    purpose: 'consulta autorizada por link de consentimento',
    data: { certificateId: cert.id },
  });
  return {
    name: cert.name,
    cpfMasked: maskCpf(cert.cpf),
    certificateValid: cert.status === 'issued' && !!cert.validUntil && cert.validUntil.getTime() > now.getTime(),
    noRecordAsOfNow: certifiableEntries(found.entries).length === 0,
    checkedAt: now.toISOString(),
    linkExpiresAt: link.expiresAt.toISOString(),
  };
}
