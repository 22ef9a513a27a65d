import type { Role, RoleGrant } from '@vigia/contracts';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { loginAttempts, roleGrants, sessions, users } from '../../db/tables/accounts.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return row;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function grantsOf(db: Queryable, userId: string): Promise<RoleGrant[]> {
  const rows = await db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
  return rows.map((r) => ({
    role: r.role as Role,
    partnerId: r.partnerId,
    municipalityIbge: r.municipalityIbge,
    securityRegionId: r.securityRegionId,
    unit: r.unit as RoleGrant['unit'],
  }));
}

export async function findLiveSession(db: Queryable, id: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .limit(1);
  return row;
}

export async function recentIpFailures(db: Queryable, ip: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  return row?.n ?? 0;
}

/** Failed sign-ins naming an e-mail since a moment, whether or not an account has it (lockout parity). */
export async function recentEmailFailures(db: Queryable, email: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  return row?.n ?? 0;
}
