import { type CertificateConsentLink, type ConsentAnswer, maskCpf } from '@vigia/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Queryable } from '../../db/client.js';
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
): Promise<{ id: string; url: string; token: string; expiresAt: string }> {
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
  const ref = await deps.db.transaction(async (tx) => {
    const [link] = await tx
      .insert(certificateConsentLinks)
      .values({ id: sessionIdOf(token), certificateId, grantee: input.grantee, expiresAt, createdAt: now })
      .returning({ ref: certificateConsentLinks.ref });
    await recordAudit(tx, actor, {
      action: 'criminal_certificate.consent_link_created',
      targetType: 'criminal_record_certificate',
      targetId: certificateId,
      data: { grantee: input.grantee, days: input.days, linkId: link!.ref },
    });
    return link!.ref;
  });
  const url = `${deps.config.publicUrl.replace(/\/$/, '')}/consulta-antecedentes/${token}`;
  return { id: ref, url, token, expiresAt: expiresAt.toISOString() };
}

type LinkRow = typeof certificateConsentLinks.$inferSelect;

function toCertificateConsentLink(link: LinkRow, protocol: string, now: Date): CertificateConsentLink {
  return {
    id: link.ref,
    certificateId: link.certificateId,
    protocol,
    grantee: link.grantee,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    status: link.revokedAt ? 'revoked' : link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active',
  };
}

/** The consent links the citizen gave, newest first (revoked and expired ones included). */
export async function consentLinksOf(db: Queryable, clock: Clock, citizenId: string): Promise<CertificateConsentLink[]> {
  const rows = await db
    .select({ link: certificateConsentLinks, protocol: criminalRecordCertificates.protocol })
    .from(certificateConsentLinks)
    .innerJoin(criminalRecordCertificates, eq(criminalRecordCertificates.id, certificateConsentLinks.certificateId))
    .where(eq(criminalRecordCertificates.citizenId, citizenId))
    .orderBy(desc(certificateConsentLinks.createdAt))
    .limit(200);
  const now = clock.now();
  return rows.map((r) => toCertificateConsentLink(r.link, r.protocol, now));
}

/**
 * The citizen withdraws a consent link they gave (LGPD art. 8, § 5: consent may be revoked at any
 * time): from then on the link answers CERTIFICATE_CONSENT_LINK_REVOKED and discloses nothing.
 * Owner only (another citizen's link: 404); revoking twice changes nothing.
 */
export async function revokeConsentLink(
  deps: Pick<CertificateDeps, 'db' | 'clock'>,
  who: CitizenContext,
  actor: AuditActor,
  linkId: string,
): Promise<CertificateConsentLink> {
  return deps.db.transaction(async (tx) => {
    const [hit] = await tx
      .select({ link: certificateConsentLinks, protocol: criminalRecordCertificates.protocol })
      .from(certificateConsentLinks)
      .innerJoin(criminalRecordCertificates, eq(criminalRecordCertificates.id, certificateConsentLinks.certificateId))
      .where(and(eq(certificateConsentLinks.ref, linkId), eq(criminalRecordCertificates.citizenId, who.citizen.id)))
      .for('update', { of: certificateConsentLinks });
    if (!hit) throw new AppError('NOT_FOUND', 'Nenhum link de consulta seu com este identificador.');
    const now = deps.clock.now();
    if (hit.link.revokedAt) return toCertificateConsentLink(hit.link, hit.protocol, now);
    const [revoked] = await tx
      .update(certificateConsentLinks)
      .set({ revokedAt: now })
      .where(eq(certificateConsentLinks.id, hit.link.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'criminal_certificate.consent_link_revoked',
      targetType: 'criminal_record_certificate',
      targetId: hit.link.certificateId,
      data: { linkId, grantee: hit.link.grantee },
    });
    return toCertificateConsentLink(revoked!, hit.protocol, now);
  });
}

/**
 * Public, with the token: the answer as of now; each use appears in the citizen's "who looked me up".
 * A revoked link says so (and discloses nothing); an unknown or expired one is not found.
 */
export async function answerConsentLink(deps: CertificateDeps, token: string): Promise<ConsentAnswer> {
  const now = deps.clock.now();
  const [hit] = await deps.db
    .select({ link: certificateConsentLinks, cert: criminalRecordCertificates })
    .from(certificateConsentLinks)
    .innerJoin(criminalRecordCertificates, eq(criminalRecordCertificates.id, certificateConsentLinks.certificateId))
    .where(eq(certificateConsentLinks.id, sessionIdOf(token)));
  if (hit?.link.revokedAt) throw new AppError('CERTIFICATE_CONSENT_LINK_REVOKED');
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
