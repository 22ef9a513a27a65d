import type { CameraSharingConsent, ConsentLinkView } from '@vigia/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { cameraSharingConsentCameras, cameraSharingConsents } from '../../db/tables/integrators.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import { sessionIdOf } from '../../http/session-token.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { integratorCompanyIds } from '../cameras/cameras.scope.js';
import { requireOwnFiles } from '../files/stored-file-access.js';
import { consentsOf } from './consent-view.js';
import type { IntegratorDeps } from './portfolio.js';

/** The consent a link token opens (only the token's SHA-256 is stored); unknown → 404. */
export async function consentByToken(db: Queryable, token: string) {
  const [row] = await db
    .select()
    .from(cameraSharingConsents)
    .where(eq(cameraSharingConsents.tokenHash, sessionIdOf(token)))
    .limit(1);
  if (!row) throw new AppError('CONSENT_LINK_INVALID');
  return row;
}

/** What the client reads on the link page: who asks, for which cameras (names only), and the state. */
export async function lookupConsentLink(db: Queryable, token: string): Promise<ConsentLinkView> {
  const c = await consentByToken(db, token);
  const [names] = await db.select({ client: partners.name }).from(partners).where(eq(partners.id, c.clientPartnerId));
  const [company] = await db.select({ name: partners.name }).from(partners).where(eq(partners.id, c.integratorPartnerId));
  const cams = await db
    .select({ name: cameras.name })
    .from(cameraSharingConsentCameras)
    .innerJoin(cameras, eq(cameras.id, cameraSharingConsentCameras.cameraId))
    .where(eq(cameraSharingConsentCameras.consentId, c.id))
    .orderBy(cameras.name);
  return { clientName: names!.client, integratorName: company!.name, status: c.status, cameras: cams };
}

/** The client confirms through the e-mailed link (means `email_link`): the named cameras may stream from now on. */
export async function confirmConsentLink(
  deps: IntegratorDeps,
  actor: AuditActor,
  input: { token: string; name: string },
): Promise<ConsentLinkView> {
  await deps.db.transaction(async (tx) => {
    const c = await consentByToken(tx, input.token);
    if (c.means !== 'email_link' || c.status !== 'pending') throw new AppError('INVALID_STATE');
    const [done] = await tx
      .update(cameraSharingConsents)
      .set({ status: 'granted', consentedBy: input.name, consentedAt: deps.clock.now() })
      .where(and(eq(cameraSharingConsents.id, c.id), eq(cameraSharingConsents.status, 'pending')))
      .returning({ id: cameraSharingConsents.id });
    if (!done) throw new AppError('INVALID_STATE');
    await recordAudit(tx, actor, {
      action: 'camera_sharing_consent.granted',
      targetType: 'partner',
      targetId: c.clientPartnerId,
      data: { consentId: c.id, means: c.means, consentedBy: input.name, integratorPartnerId: c.integratorPartnerId },
    });
  });
  return lookupConsentLink(deps.db, input.token);
}

/** The integrator records the term its client signed (means `signed_term`), with the signer's name. */
export async function recordSignedTerm(
  deps: IntegratorDeps,
  auth: AuthContext,
  actor: AuditActor,
  consentId: string,
  input: { signedFileId: string; signerName: string },
): Promise<CameraSharingConsent> {
  await deps.db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(cameraSharingConsents)
      .where(and(eq(cameraSharingConsents.id, consentId), inArray(cameraSharingConsents.integratorPartnerId, integratorCompanyIds(auth))))
      .for('update');
    if (!c) throw new AppError('NOT_FOUND', 'Autorização não encontrada.');
    if (c.means !== 'signed_term' || c.status !== 'pending') throw new AppError('INVALID_STATE');
    await requireOwnFiles(tx, auth.user.id, [input.signedFileId], 'document');
    await tx
      .update(cameraSharingConsents)
      .set({ status: 'granted', signedFileId: input.signedFileId, consentedBy: input.signerName, consentedAt: deps.clock.now() })
      .where(eq(cameraSharingConsents.id, c.id));
    await recordAudit(tx, actor, {
      action: 'camera_sharing_consent.granted',
      targetType: 'partner',
      targetId: c.clientPartnerId,
      data: {
        consentId: c.id,
        means: c.means,
        consentedBy: input.signerName,
        signedFileId: input.signedFileId,
        integratorPartnerId: c.integratorPartnerId,
      },
    });
  });
  return (await consentsOf(deps.db, eq(cameraSharingConsents.id, consentId)))[0]!;
}
