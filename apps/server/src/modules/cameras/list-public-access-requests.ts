import type { CameraPublicAccessRequest } from '@vigia/contracts';
import { and, asc, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { auditEvents } from '../../db/tables/audit.js';
import { cameraPublicAccess } from '../../db/tables/camera-public-access.js';
import { cameras } from '../../db/tables/cameras.js';
import { partners } from '../../db/tables/partners.js';
import { streamEligible } from './stream-eligibility.js';

/** Upper bound on one page of the committee's queue (oldest change first). */
const LIMIT = 500;

/**
 * The committee's queue (Art. 26 §2): cameras whose partner asked to open them to the public and
 * that the committee has not decided since the camera last changed, with the partner's name and
 * whether the camera is eligible to stream. A refusal leaves the partner's request on the camera
 * (decide-public-access.ts), so "decided" is read from the `camera.public_access_decided` audit
 * rows (indexed by target): a refused camera comes back once its partner changes it. Only the
 * committee calls it (cameras.policy.ts), so names are not redacted.
 */
export async function listPublicAccessRequests(db: Queryable): Promise<CameraPublicAccessRequest[]> {
  const decidedSinceLastChange = sql`(SELECT 1 FROM ${auditEvents} WHERE ${auditEvents.targetType} = 'camera'
    AND ${auditEvents.targetId} = ${cameras.id}::text AND ${auditEvents.action} = 'camera.public_access_decided'
    AND ${auditEvents.at} >= ${cameras.updatedAt})`;
  const rows = await db
    .select({
      cameraId: cameras.id,
      cameraName: cameras.name,
      partnerId: partners.id,
      partnerName: partners.name,
      municipalityIbge: cameras.municipalityIbge,
      streamEligible: streamEligible().mapWith(Boolean),
      updatedAt: cameras.updatedAt,
    })
    .from(cameras)
    .innerJoin(partners, eq(partners.id, cameras.partnerId))
    .leftJoin(cameraPublicAccess, eq(cameraPublicAccess.cameraId, cameras.id))
    .where(and(eq(cameras.openToPublic, true), isNull(cameraPublicAccess.cameraId), notExists(decidedSinceLastChange)))
    .orderBy(asc(cameras.updatedAt), asc(cameras.id))
    .limit(LIMIT);
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}
