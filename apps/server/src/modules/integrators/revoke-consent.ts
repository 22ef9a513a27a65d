import type { CameraSharingConsent, ConsentLinkView } from '@vigia/contracts';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Db, Tx } from '../../db/client.js';
import { cameraSharingConsentCameras, cameraSharingConsents } from '../../db/tables/integrators.js';
import { cameraAssignments } from '../../db/tables/live.js';
import { cameraMonitoring, cameraOutages } from '../../db/tables/sanctions.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { ownPartnerId } from '../partners/partner-profile.js';
import { consentByToken, lookupConsentLink } from './confirm-consent.js';
import { consentsOf } from './consent-view.js';

type ConsentRow = typeof cameraSharingConsents.$inferSelect;

/**
 * The client withdraws its consent (issue 18: "a qualquer tempo"), in one transaction with the
 * audit rows: the consent is revoked, so its cameras are no longer eligible to stream
 * (`@vigia/contracts/stream-eligibility`) — no new live token, no recording, no lease; the media
 * node's lease row is deleted, so its next heartbeat stops the upstream (it also refuses to renew a
 * lease of an ineligible camera), and health monitoring ends (monitoring row removed, open outage
 * closed, so no "camera down" alert follows).
 */
async function revoke(tx: Tx, clock: Clock, actor: AuditActor, c: ConsentRow, via: 'link' | 'portal', by: string | null): Promise<void> {
  const now = clock.now();
  const [done] = await tx
    .update(cameraSharingConsents)
    .set({ status: 'revoked', revokedAt: now, revokedVia: via, revokedBy: by })
    .where(and(eq(cameraSharingConsents.id, c.id), ne(cameraSharingConsents.status, 'revoked')))
    .returning({ id: cameraSharingConsents.id });
  if (!done) throw new AppError('INVALID_STATE');
  const named = (
    await tx
      .select({ id: cameraSharingConsentCameras.cameraId })
      .from(cameraSharingConsentCameras)
      .where(eq(cameraSharingConsentCameras.consentId, c.id))
  ).map((r) => r.id);
  // A camera still covered by another granted consent keeps streaming.
  const stillShared = named.length
    ? (
        await tx
          .select({ id: cameraSharingConsentCameras.cameraId })
          .from(cameraSharingConsentCameras)
          .innerJoin(cameraSharingConsents, eq(cameraSharingConsents.id, cameraSharingConsentCameras.consentId))
          .where(and(inArray(cameraSharingConsentCameras.cameraId, named), eq(cameraSharingConsents.status, 'granted')))
      ).map((r) => r.id)
    : [];
  const stopped = named.filter((id) => !stillShared.includes(id));
  if (stopped.length) {
    await tx.delete(cameraAssignments).where(inArray(cameraAssignments.cameraId, stopped));
    await tx.delete(cameraMonitoring).where(inArray(cameraMonitoring.cameraId, stopped));
    await tx
      .update(cameraOutages)
      .set({ endedAt: now })
      .where(and(inArray(cameraOutages.cameraId, stopped), isNull(cameraOutages.endedAt)));
  }
  await recordAudit(tx, actor, {
    action: 'camera_sharing_consent.revoked',
    targetType: 'partner',
    targetId: c.clientPartnerId,
    data: { consentId: c.id, via, integratorPartnerId: c.integratorPartnerId, cameraIds: named, wasStatus: c.status },
  });
  for (const cameraId of stopped) {
    await recordAudit(tx, actor, {
      action: 'camera.sharing_stopped',
      targetType: 'camera',
      targetId: cameraId,
      data: { consentId: c.id, reason: 'consent_revoked', via },
    });
  }
}

/** Revocation through the e-mailed link. */
export async function revokeConsentLink(db: Db, clock: Clock, actor: AuditActor, token: string): Promise<ConsentLinkView> {
  await db.transaction(async (tx) => {
    const c = await consentByToken(tx, token);
    await revoke(tx, clock, actor, c, 'link', null);
  });
  return lookupConsentLink(db, token);
}

/** Revocation by the client in the portal (a consent of another partner: 404). */
export async function revokeOwnConsent(
  db: Db,
  clock: Clock,
  auth: AuthContext,
  actor: AuditActor,
  id: string,
): Promise<CameraSharingConsent> {
  const partnerId = ownPartnerId(auth);
  await db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(cameraSharingConsents)
      .where(and(eq(cameraSharingConsents.id, id), eq(cameraSharingConsents.clientPartnerId, partnerId)))
      .for('update');
    if (!c) throw new AppError('NOT_FOUND', 'Autorização não encontrada.');
    await revoke(tx, clock, actor, c, 'portal', auth.user.id);
  });
  return (await consentsOf(db, eq(cameraSharingConsents.id, id)))[0]!;
}

/** The client's consents: its cameras, who manages them (the integrator) and each consent's state. */
export const listOwnSharing = (db: Db, auth: AuthContext) => consentsOf(db, eq(cameraSharingConsents.clientPartnerId, ownPartnerId(auth)));
