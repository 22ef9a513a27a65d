import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { protectionAssignments, protectionMissions, protectionRouteCameras } from '../../db/tables/protection.js';
import type { AuthContext } from '../accounts/session.service.js';
import type { CameraGrant } from '../cameras/camera-grant.js';
import { functionsOf } from './functions.js';
import type { ProtectionScope } from './scope.js';

/** The Delegado-Geral and the CORE coordination lead every mission; the team is who is placed in it. */
export const leadsMissions = (functions: readonly string[]) =>
  functions.includes('director_general') || functions.includes('core_coordination');

/**
 * Who watches a mission's route: its leads and the people placed in it (analyst, CORE intelligence,
 * convoked officers) — not the requester, not an officer's superior (who knows only the
 * convocation), not auditors (they read the audit trail of the views).
 */
function watchersOf(userId: string, functions: readonly string[]): SQL {
  return leadsMissions(functions)
    ? sql`true`
    : sql`EXISTS (SELECT 1 FROM ${protectionAssignments} WHERE ${protectionAssignments.missionId} = ${protectionMissions.id} AND ${protectionAssignments.userId} = ${userId})`;
}

/** Whether the reader (mission already in their need-to-know scope) watches this mission's route. */
export async function watchesRoute(db: Queryable, scope: ProtectionScope, missionId: string): Promise<boolean> {
  if (leadsMissions(scope.functions)) return true;
  const [row] = await db
    .select({ id: protectionAssignments.id })
    .from(protectionAssignments)
    .where(and(eq(protectionAssignments.missionId, missionId), eq(protectionAssignments.userId, scope.userId)))
    .limit(1);
  return !!row;
}

/**
 * The route-camera grant (wired by app.ts into live tokens, privacy masks and playback): a
 * protection_staff user may reach the cameras fixed along the route of a mission **in progress**
 * they watch; a playback only from the mission's start. Nothing before the start, nothing after the
 * report: the grant ends with the execution, so renewals of open streams are refused too.
 */
export function routeCameraGrant(db: Queryable): CameraGrant {
  return async (auth: AuthContext, use) => {
    if (!auth.roles.includes('protection_staff')) return null;
    const functions = await functionsOf(db, auth.user.id);
    const from =
      use.kind === 'playback' && use.from ? sql` AND ${protectionMissions.startedAt} <= ${use.from.toISOString()}::timestamptz` : sql``;
    return sql`${cameras.id} IN (SELECT ${protectionRouteCameras.cameraId} FROM ${protectionRouteCameras}
      JOIN ${protectionMissions} ON ${protectionMissions.id} = ${protectionRouteCameras.missionId}
      WHERE ${protectionMissions.status} = 'in_progress' AND ${watchersOf(auth.user.id, functions)}${from})`;
  };
}

/** Fixes the route cameras of a mission when it starts (the evidence-locked set). */
export async function fixRouteCameras(tx: Tx, missionId: string, cameraIds: string[]): Promise<void> {
  if (cameraIds.length)
    await tx
      .insert(protectionRouteCameras)
      .values(cameraIds.map((cameraId) => ({ missionId, cameraId })))
      .onConflictDoNothing();
}
