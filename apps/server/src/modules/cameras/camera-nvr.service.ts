import { type CameraNvr, type CameraNvrUpdate, expandNvrTemplate } from '@vigia/contracts';
import { type MasterKey, sealSecret } from '@vigia/secrets';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cameraNvrs } from '../../db/tables/camera-nvr.js';
import { integratorCameras } from '../../db/tables/integrators.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { integratorCompanyIds, loadCamera, manageScope, playbackScope } from './cameras.scope.js';
import { checkOutbound, type OutboundPolicy } from './outbound-guard.js';

/**
 * The partner's own recorder of a camera (Art. 25 §2, docs/recording.md "Partner NVR"): read by
 * whoever sees the camera (the playback page offers it), written by whoever manages the camera.
 * The NVR login is sealed with the AAD "<camera id>:nvr" and never returned.
 */
export const nvrRecordId = (cameraId: string) => `${cameraId}:nvr`;

export interface CameraNvrDeps {
  db: Db;
  keys: readonly MasterKey[];
  outbound: OutboundPolicy;
}

const NONE: CameraNvr = { configured: false, preset: null, urlTemplate: null, channel: null, hasCredentials: false, keptBy: null };

export async function getCameraNvr(db: Db, auth: AuthContext, cameraId: string): Promise<CameraNvr> {
  await loadCamera(db, playbackScope(auth), cameraId);
  const [found] = await db
    .select({ row: cameraNvrs, keeperName: partners.name })
    .from(cameraNvrs)
    .leftJoin(partners, eq(partners.id, cameraNvrs.keeperPartnerId))
    .where(eq(cameraNvrs.cameraId, cameraId))
    .limit(1);
  if (!found) return NONE;
  const { row, keeperName } = found;
  return {
    configured: true,
    preset: row.preset,
    urlTemplate: row.urlTemplate,
    channel: row.channel,
    hasCredentials: row.credentials !== null,
    keptBy: row.keeperPartnerId ? { partnerId: row.keeperPartnerId, name: keeperName ?? '' } : null,
  };
}

/**
 * The integrator company of the caller that manages this client camera (issue 18), for an NVR kept
 * in the company's own recorder; anyone else asking for it is refused.
 */
async function managingCompany(db: Db, auth: AuthContext, cameraId: string): Promise<string> {
  const ids = integratorCompanyIds(auth);
  const [managed] = ids.length
    ? await db
        .select({ company: integratorCameras.integratorPartnerId })
        .from(integratorCameras)
        .where(and(eq(integratorCameras.cameraId, cameraId), inArray(integratorCameras.integratorPartnerId, ids)))
        .limit(1)
    : [];
  if (!managed)
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: 'keptByIntegrator',
        message: 'Somente a empresa integradora que gerencia a câmera do cliente registra o próprio gravador como cópia.',
      },
    ]);
  return managed.company;
}

export async function setCameraNvr(
  deps: CameraNvrDeps,
  auth: AuthContext,
  actor: AuditActor,
  cameraId: string,
  input: CameraNvrUpdate,
): Promise<CameraNvr> {
  const camera = await loadCamera(deps.db, manageScope(auth), cameraId);
  // A template naming its own host gets the same outbound check as a camera address.
  const url = new URL(
    expandNvrTemplate(input.urlTemplate, {
      host: camera.host,
      port: camera.rtspPort,
      channel: input.channel,
      start: new Date(),
      end: new Date(),
    }),
  );
  const verdict = await checkOutbound(url.hostname.replace(/^\[|\]$/g, ''), deps.outbound);
  if (!verdict.ok && verdict.reason === 'blocked_address') throw new AppError('CAMERA_ADDRESS_NOT_ALLOWED');
  const keeper = input.keptByIntegrator ? await managingCompany(deps.db, auth, cameraId) : null;
  await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(cameraNvrs).where(eq(cameraNvrs.cameraId, cameraId)).for('update');
    const credentials =
      input.credentials === undefined
        ? (current?.credentials ?? null)
        : input.credentials === null
          ? null
          : sealSecret(deps.keys[0]!, nvrRecordId(cameraId), JSON.stringify(input.credentials));
    const values = {
      preset: input.preset,
      urlTemplate: input.urlTemplate,
      channel: input.channel,
      credentials,
      keeperPartnerId: input.keptByIntegrator === undefined ? (current?.keeperPartnerId ?? null) : keeper,
      updatedBy: auth.user.id,
      updatedAt: new Date(),
    };
    await tx
      .insert(cameraNvrs)
      .values({ cameraId, ...values })
      .onConflictDoUpdate({ target: cameraNvrs.cameraId, set: values });
    await recordAudit(tx, actor, {
      action: 'camera.nvr_updated',
      targetType: 'camera',
      targetId: cameraId,
      data: {
        preset: input.preset,
        urlTemplate: input.urlTemplate,
        channel: input.channel,
        credentialsChanged: input.credentials !== undefined,
        hasCredentials: credentials !== null,
        keeperPartnerId: values.keeperPartnerId,
      },
    });
  });
  return getCameraNvr(deps.db, auth, cameraId);
}

export async function removeCameraNvr(db: Db, auth: AuthContext, actor: AuditActor, cameraId: string): Promise<void> {
  await loadCamera(db, manageScope(auth), cameraId);
  await db.transaction(async (tx) => {
    const gone = await tx.delete(cameraNvrs).where(eq(cameraNvrs.cameraId, cameraId)).returning({ id: cameraNvrs.cameraId });
    if (gone.length) await recordAudit(tx, actor, { action: 'camera.nvr_removed', targetType: 'camera', targetId: cameraId });
  });
}
