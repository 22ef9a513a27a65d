import type { CreateUserRequest, RoleGrant, UserSummary } from '@vigia/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db/client.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { findUserByEmail, findUserById, grantsOf, type UserRow } from './accounts.repository.js';
import { hashPassword } from './password.js';
import { revokeUserSessions } from './session.service.js';

async function toSummary(db: Queryable, u: UserRow): Promise<UserSummary> {
  const grants = await grantsOf(db, u.id);
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    status: u.status,
    roles: [...new Set(grants.map((g) => g.role))],
    mfaEnabled: u.mfaEnabled,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const rows = await db.select().from(users).orderBy(asc(users.name));
  return Promise.all(rows.map((u) => toSummary(db, u)));
}

/** Creates a user with role grants inside the caller's transaction (used by admin, bootstrap and demo). */
export async function insertUser(
  tx: Tx,
  actor: AuditActor,
  input: { email: string; name: string; grants: RoleGrant[]; status?: UserRow['status'] } & (
    | { password: string }
    | { passwordHash: string }
  ),
): Promise<UserRow> {
  if (await findUserByEmail(tx, input.email)) throw new AppError('EMAIL_TAKEN');
  const passwordHash = 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password);
  const [user] = await tx
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash, status: input.status ?? 'active' })
    .returning();
  for (const g of input.grants) {
    await tx.insert(roleGrants).values({ userId: user!.id, ...g });
  }
  await recordAudit(tx, actor, {
    action: 'user.created',
    targetType: 'user',
    targetId: user!.id,
    data: { email: input.email, grants: input.grants },
  });
  return user!;
}

export async function createUser(db: Db, actor: AuditActor, input: CreateUserRequest): Promise<UserSummary> {
  const user = await db.transaction((tx) => insertUser(tx, actor, input));
  return toSummary(db, user);
}

/** Suspends a user and ends all of their sessions in the same transaction (Art. 27 §2). */
export async function suspendUser(db: Db, actor: AuditActor, id: string, reason: string): Promise<UserSummary> {
  const user = await db.transaction(async (tx) => {
    const current = await findUserById(tx, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.id === actor.id) throw new AppError('INVALID_STATE', 'Você não pode suspender a própria conta.');
    if (current.status === 'suspended') throw new AppError('INVALID_STATE', 'A conta já está suspensa.');
    const [updated] = await tx
      .update(users)
      .set({ status: 'suspended', suspendedReason: reason, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    const ended = await revokeUserSessions(tx, id, 'user_suspended');
    await recordAudit(tx, actor, { action: 'user.suspended', targetType: 'user', targetId: id, reason, data: { sessionsEnded: ended } });
    return updated!;
  });
  return toSummary(db, user);
}

export async function reactivateUser(db: Db, actor: AuditActor, id: string, reason: string): Promise<UserSummary> {
  const user = await db.transaction(async (tx) => {
    const current = await findUserById(tx, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.status === 'active') throw new AppError('INVALID_STATE', 'A conta já está ativa.');
    const [updated] = await tx
      .update(users)
      .set({ status: 'active', suspendedReason: null, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'user.reactivated', targetType: 'user', targetId: id, reason });
    return updated!;
  });
  return toSummary(db, user);
}
