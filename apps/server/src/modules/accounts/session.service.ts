import type { SessionStage } from '@vigia/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '../../config/config.js';
import type { Db, Queryable } from '../../db/client.js';
import { sessions } from '../../db/tables/accounts.js';
import type { AuthContext } from '../../http/context.js';
import { newToken, sessionIdOf } from '../../http/session-token.js';
import { findLiveSession, findUserById, grantsOf, type SessionRow } from './accounts.repository.js';

export type { AuthContext } from '../../http/context.js';

/** Creates a session and returns the cookie token (shown once; only its hash is stored). */
export async function createSession(
  db: Queryable,
  cfg: Config['session'],
  userId: string,
  stage: SessionStage,
  meta: { ip: string; userAgent: string | undefined },
): Promise<{ token: string; session: SessionRow }> {
  const token = newToken();
  const now = Date.now();
  const [session] = await db
    .insert(sessions)
    .values({
      id: sessionIdOf(token),
      userId,
      stage,
      csrfToken: newToken(),
      expiresAt: new Date(now + cfg.absoluteMs),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .returning();
  return { token, session: session! };
}

/**
 * Resolves a cookie token to a live session. Idle and absolute timeouts and the user's status are
 * checked on every request, so suspending a user or revoking a session takes effect at once.
 */
export async function resolveSession(
  db: Db,
  cfg: Config['session'],
  token: string,
): Promise<{ ok: true; ctx: AuthContext } | { ok: false; reason: 'none' | 'expired' | 'suspended' }> {
  const session = await findLiveSession(db, sessionIdOf(token));
  if (!session) return { ok: false, reason: 'none' };
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + cfg.idleMs <= now) {
    await revokeSession(db, session.id, 'expired');
    return { ok: false, reason: 'expired' };
  }
  const user = await findUserById(db, session.userId);
  if (!user || user.status !== 'active') {
    await revokeSession(db, session.id, 'user_suspended');
    return { ok: false, reason: 'suspended' };
  }
  // Touch at most once a minute: idle tracking without a write on every request.
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, session.id));
  }
  const grants = await grantsOf(db, user.id);
  return { ok: true, ctx: { session, user, grants, roles: [...new Set(grants.map((g) => g.role))] } };
}

export async function revokeSession(db: Queryable, id: string, reason: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Ends every open session of a user (suspension, password change). */
export async function revokeUserSessions(db: Queryable, userId: string, reason: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function setSessionStage(db: Queryable, id: string, stage: SessionStage, pendingMfaSecret: string | null = null) {
  await db.update(sessions).set({ stage, pendingMfaSecret }).where(eq(sessions.id, id));
}
