import {
  type MaskPolygon,
  type MyPrivacy,
  type PrivacyMasks,
  privacyMasksUpdateSchema,
  type UnmaskGrant,
  type UnmaskGrantCreate,
  type UnmaskGrantRevoke,
} from '@vigia/contracts';
import { and, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { users } from '../../db/tables/accounts.js';
import { privacyMasks, privacyUnmaskGrants } from '../../db/tables/privacy.js';
import { releaseDeliveries, releaseRequests } from '../../db/tables/releases.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { type CameraGrant, withGrant } from '../cameras/camera-grant.js';
import { loadCamera, selfTestScope, viewScope } from '../cameras/cameras.scope.js';

/** A grant is active while not revoked and not expired (checked in SQL with the database clock). */
const activeGrant = () =>
  and(isNull(privacyUnmaskGrants.revokedAt), or(isNull(privacyUnmaskGrants.expiresAt), gt(privacyUnmaskGrants.expiresAt, sql`now()`)));

/** The user's active unmask grant (latest expiry first; a grant without expiry wins). */
export async function activeUnmask(db: Queryable, userId: string): Promise<{ expiresAt: Date | null } | null> {
  const [row] = await db
    .select({ expiresAt: privacyUnmaskGrants.expiresAt })
    .from(privacyUnmaskGrants)
    .where(and(eq(privacyUnmaskGrants.userId, userId), activeGrant()))
    .orderBy(sql`${privacyUnmaskGrants.expiresAt} DESC NULLS FIRST`)
    .limit(1);
  return row ?? null;
}

export async function myPrivacy(db: Queryable, auth: AuthContext): Promise<MyPrivacy> {
  const g = await activeUnmask(db, auth.user.id);
  return { unmask: !!g, expiresAt: g?.expiresAt?.toISOString() ?? null };
}

async function masksOf(db: Queryable, cameraId: string) {
  const [row] = await db.select().from(privacyMasks).where(eq(privacyMasks.cameraId, cameraId)).limit(1);
  return row;
}

/** Masks of a camera the caller may see (view scope in SQL, widened by a camera grant: otherwise 404). */
export async function readMasks(db: Queryable, auth: AuthContext, cameraId: string, grant?: CameraGrant): Promise<PrivacyMasks> {
  await loadCamera(db, await withGrant(viewScope(auth), auth, { kind: 'live' }, grant), cameraId);
  const row = await masksOf(db, cameraId);
  return {
    cameraId,
    polygons: row?.polygons ?? [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
    unmasked: !!(await activeUnmask(db, auth.user.id)),
  };
}

/**
 * The polygons a viewer must have drawn over each camera (the live tokens carry them, so a player
 * needs no mask request of its own): none for a user with an active unmask grant, else the
 * camera's masks (an anonymous viewer: always). One query for any number of cameras; a camera
 * without masks maps to `[]`. The caller has already checked the cameras are in the user's scope.
 */
export async function viewerMasks(db: Queryable, userId: string | null, cameraIds: string[]): Promise<Map<string, MaskPolygon[]>> {
  const out = new Map(cameraIds.map((id) => [id, [] as MaskPolygon[]]));
  if (!cameraIds.length) return out;
  const unmasked = userId
    ? sql`EXISTS (SELECT 1 FROM ${privacyUnmaskGrants} WHERE ${and(eq(privacyUnmaskGrants.userId, userId), activeGrant())})`
    : sql`false`;
  const rows = await db
    .select({ cameraId: privacyMasks.cameraId, polygons: privacyMasks.polygons })
    .from(privacyMasks)
    .where(and(inArray(privacyMasks.cameraId, cameraIds), sql`NOT ${unmasked}`));
  for (const r of rows) out.set(r.cameraId, r.polygons);
  return out;
}

/** Replaces a camera's masks: the owning partner, admins and the committee (self-test scope). Audited. */
export async function replaceMasks(
  db: Db,
  auth: AuthContext,
  actor: AuditActor,
  cameraId: string,
  raw: { polygons: MaskPolygon[] },
): Promise<PrivacyMasks> {
  const input = privacyMasksUpdateSchema.parse(raw);
  await db.transaction(async (tx) => {
    await loadCamera(tx, selfTestScope(auth), cameraId, true);
    const before = await masksOf(tx, cameraId);
    await tx
      .insert(privacyMasks)
      .values({ cameraId, polygons: input.polygons, createdBy: auth.user.id, updatedBy: auth.user.id })
      .onConflictDoUpdate({
        target: privacyMasks.cameraId,
        set: { polygons: input.polygons, updatedBy: auth.user.id, updatedAt: new Date() },
      });
    await recordAudit(tx, actor, {
      action: 'privacy_mask.updated',
      targetType: 'camera',
      targetId: cameraId,
      data: { cameraId, polygons: input.polygons.length, previousPolygons: before?.polygons.length ?? 0 },
    });
  });
  return readMasks(db, auth, cameraId);
}

/** Polygons to burn into an export for a recipient: none when the recipient holds an active unmask grant. */
export async function exportMasks(
  db: Queryable,
  recipientUserId: string | null,
  cameraIds: string[],
): Promise<Record<string, MaskPolygon[]>> {
  if (recipientUserId && (await activeUnmask(db, recipientUserId))) return {};
  const out: Record<string, MaskPolygon[]> = {};
  for (const id of cameraIds) {
    const row = await masksOf(db, id);
    if (row?.polygons.length) out[id] = row.polygons;
  }
  return out;
}

type GrantRow = typeof privacyUnmaskGrants.$inferSelect & { userName: string | null; userEmail: string | null };
const toView = (r: GrantRow): UnmaskGrant => ({
  id: r.id,
  userId: r.userId,
  userName: r.userName,
  userEmail: r.userEmail,
  reason: r.reason,
  grantedBy: r.grantedBy,
  grantedAt: r.grantedAt.toISOString(),
  expiresAt: r.expiresAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
  revokeReason: r.revokeReason,
  active: !r.revokedAt && (!r.expiresAt || r.expiresAt.getTime() > Date.now()),
});

export async function listUnmaskGrants(db: Queryable): Promise<UnmaskGrant[]> {
  const rows = await db
    .select({ g: privacyUnmaskGrants, userName: users.name, userEmail: users.email })
    .from(privacyUnmaskGrants)
    .leftJoin(users, eq(users.id, privacyUnmaskGrants.userId))
    .orderBy(desc(privacyUnmaskGrants.grantedAt))
    .limit(500);
  return rows.map((r) => toView({ ...r.g, userName: r.userName, userEmail: r.userEmail }));
}

/** Grants a user the right to see images without privacy masks (admin, with a reason). Audited. */
export async function grantUnmask(db: Db, actor: AuditActor, input: UnmaskGrantCreate): Promise<UnmaskGrant> {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now())
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'expiresAt', message: 'A validade deve ser futura.' }]);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, input.userId))
      .limit(1);
    if (!user) throw new AppError('NOT_FOUND', 'Usuário não encontrado.');
    const [row] = await tx
      .insert(privacyUnmaskGrants)
      .values({ userId: user.id, reason: input.reason, grantedBy: actor.id, expiresAt })
      .returning();
    await recordAudit(tx, actor, {
      action: 'privacy.unmask_granted',
      targetType: 'user',
      targetId: user.id,
      reason: input.reason,
      data: { grantId: row!.id, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return toView({ ...row!, userName: user.name, userEmail: user.email });
  });
}

export async function revokeUnmask(db: Db, actor: AuditActor, id: string, input: UnmaskGrantRevoke): Promise<UnmaskGrant> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(privacyUnmaskGrants)
      .set({ revokedAt: new Date(), revokedBy: actor.id, revokeReason: input.reason })
      .where(and(eq(privacyUnmaskGrants.id, id), isNull(privacyUnmaskGrants.revokedAt)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'Autorização não encontrada ou já revogada.');
    await recordAudit(tx, actor, {
      action: 'privacy.unmask_revoked',
      targetType: 'user',
      targetId: row.userId,
      reason: input.reason,
      data: { grantId: id },
    });
    const [user] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.userId)).limit(1);
    return toView({ ...row, userName: user?.name ?? null, userEmail: user?.email ?? null });
  });
}

/**
 * Masks to burn into an export job: the recipient is the release requester for a release
 * delivery, else the user who asked for the export. Empty when the recipient may see unmasked.
 */
export async function exportJobMasks(
  db: Queryable,
  job: { requestedBy: string | null; releaseDeliveryId: string | null; cameraIds: string[] },
): Promise<Record<string, MaskPolygon[]>> {
  let recipient = job.requestedBy;
  if (job.releaseDeliveryId) {
    const [r] = await db
      .select({ userId: releaseRequests.requesterUserId })
      .from(releaseDeliveries)
      .innerJoin(releaseRequests, eq(releaseRequests.id, releaseDeliveries.requestId))
      .where(eq(releaseDeliveries.id, job.releaseDeliveryId))
      .limit(1);
    recipient = r?.userId ?? null;
  }
  return exportMasks(db, recipient, job.cameraIds);
}
