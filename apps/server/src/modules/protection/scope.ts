import type { ProtectionFunction } from '@vigia/contracts';
import { and, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { protectionAssignments, protectionMissions } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { functionsOf } from './functions.js';

export type MissionRow = typeof protectionMissions.$inferSelect;

/** Who is reading: their functions and the SQL condition of the missions they need to know. */
export interface ProtectionScope {
  userId: string;
  functions: ProtectionFunction[];
  auditor: boolean;
  condition: SQL;
}

/**
 * Need-to-know (SPEC §3.9): the Delegado-Geral, the CORE coordination (exclusive planner, Art. 8)
 * and auditors see every mission; everyone else only missions they are placed in — requester,
 * that mission's analyst or CORE intelligence, convoked officer, the officer's immediate superior —
 * and the intelligence directorate the queue awaiting assessment (Art. 6). Closure ends that
 * access; the coordination keeps read-only access (closed missions accept no act).
 */
export async function scopeOf(db: Queryable, auth: AuthContext): Promise<ProtectionScope> {
  const userId = auth.user.id;
  const functions = auth.roles.includes('protection_staff') ? await functionsOf(db, userId) : [];
  const auditor = auth.roles.includes('auditor');
  if (auditor || functions.includes('director_general') || functions.includes('core_coordination'))
    return { userId, functions, auditor, condition: sql`true` };
  const placed = sql`EXISTS (SELECT 1 FROM ${protectionAssignments} a WHERE a.mission_id = ${protectionMissions.id} AND (a.user_id = ${userId} OR a.superior_id = ${userId}))`;
  const queue = functions.includes('intelligence') ? eq(protectionMissions.status, 'requested') : sql`false`;
  const condition = auth.roles.includes('protection_staff')
    ? and(ne(protectionMissions.status, 'closed'), or(eq(protectionMissions.requesterId, userId), placed, queue))!
    : sql`false`;
  return { userId, functions, auditor, condition };
}

/** Loads a mission inside the scope; anything outside it is "not found" (no IDOR oracle). */
export async function loadMission(db: Queryable, scope: ProtectionScope, id: string, forUpdate = false): Promise<MissionRow> {
  const q = db
    .select()
    .from(protectionMissions)
    .where(and(eq(protectionMissions.id, id), scope.condition))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Missão de proteção não encontrada.');
  return row;
}
