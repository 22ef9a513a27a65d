import type { Camera, CameraPublicAccessDecision } from '@vigia/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cameraPublicAccess } from '../../db/tables/camera-public-access.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { loadCamera } from './cameras.scope.js';
import { cameraStates, toCamera } from './cameras.service.js';

/**
 * The committee decides a partner's request to open a camera to the public (Art. 26 §2): approve
 * (the camera then shows on the public map and plays for anonymous viewers, while it stays
 * eligible to stream) or refuse/revoke (the approval row goes; the partner's request stays on
 * record as "requested"). Current state checked, new state and `camera.public_access_decided`
 * written in one transaction.
 */
export async function decidePublicAccess(
  db: Db,
  auth: AuthContext,
  actor: AuditActor,
  cameraId: string,
  input: CameraPublicAccessDecision,
): Promise<Camera> {
  return db.transaction(async (tx) => {
    const camera = await loadCamera(tx, sql`true`, cameraId, true);
    if (input.approve && !camera.openToPublic) throw new AppError('CAMERA_PUBLIC_ACCESS_NOT_REQUESTED');
    const [before] = await tx.select().from(cameraPublicAccess).where(eq(cameraPublicAccess.cameraId, cameraId)).for('update');
    if (input.approve) {
      const values = { approvedBy: auth.user.id, approvedAt: new Date(), reason: input.reason };
      await tx
        .insert(cameraPublicAccess)
        .values({ cameraId, ...values })
        .onConflictDoUpdate({ target: cameraPublicAccess.cameraId, set: values });
    } else {
      await tx.delete(cameraPublicAccess).where(eq(cameraPublicAccess.cameraId, cameraId));
    }
    await recordAudit(tx, actor, {
      action: 'camera.public_access_decided',
      targetType: 'camera',
      targetId: cameraId,
      reason: input.reason,
      data: { approve: input.approve, partnerId: camera.partnerId, wasApproved: Boolean(before) },
    });
    return toCamera(camera, (await cameraStates(tx, [cameraId])).get(cameraId));
  });
}
