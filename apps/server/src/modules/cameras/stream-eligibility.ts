import { publicApprovedSql, streamEligibleSql } from '@vigia/contracts/stream-eligibility';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { AppError } from '../../http/errors.js';

/**
 * "Eligible to stream" in Drizzle terms (the one definition is `@vigia/contracts/stream-eligibility`,
 * shared with the media node): the partner holds an active cooperation term and the camera is tied
 * to a camera point of an executive project authorised under it (Art. 14 §4). Anything else streams
 * only to its owner's self-test. Used by the camera scopes, the maps, live tokens, exports, and (in
 * the media node) recording, lease claim, live/HLS viewers and the push listener.
 */
export const streamEligible = (): SQL => sql.raw(streamEligibleSql('"camera"'));

/** Open to the public: requested by the partner, approved by the committee, and eligible. */
export const publicApproved = (): SQL => sql.raw(publicApprovedSql('"camera"'));

/**
 * A camera inside `scope` (else 404) that is eligible to stream (else 409 CAMERA_NOT_ELIGIBLE), in
 * one query: it sits on the live player's first-frame path (docs/benchmarks.md "Live view").
 */
export async function loadStreamableCamera(db: Queryable, scope: SQL, cameraId: string): Promise<typeof cameras.$inferSelect> {
  const [row] = await db
    .select({ camera: cameras, eligible: streamEligible().mapWith(Boolean) })
    .from(cameras)
    .where(and(eq(cameras.id, cameraId), scope))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Câmera não encontrada.');
  if (row.camera.status === 'disabled') throw new AppError('CAMERA_DISABLED');
  if (!row.eligible) throw new AppError('CAMERA_NOT_ELIGIBLE');
  return row.camera;
}

/** Several cameras inside `scope` with whether each may stream, in one query (batch live tokens). */
export async function loadStreamableCameras(
  db: Queryable,
  scope: SQL,
  cameraIds: string[],
): Promise<Array<{ camera: typeof cameras.$inferSelect; eligible: boolean }>> {
  return db
    .select({ camera: cameras, eligible: streamEligible().mapWith(Boolean) })
    .from(cameras)
    .where(and(inArray(cameras.id, cameraIds), scope));
}
