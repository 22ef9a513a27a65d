import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db, Queryable } from '../../db/client.js';
import { citizenSessions, citizens } from '../../db/tables/citizen.js';
import type { CitizenContext } from '../../http/context.js';
import { newToken, sessionIdOf } from '../../http/session-token.js';

/** Opens a citizen session; returns the cookie token (only its SHA-256 is stored). */
export async function createCitizenSession(db: Queryable, clock: Clock, cfg: Config['citizen'], citizenId: string) {
  const token = newToken();
  const now = clock.now();
  const [session] = await db
    .insert(citizenSessions)
    .values({
      id: sessionIdOf(token),
      citizenId,
      csrfToken: newToken(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + cfg.sessionMs),
    })
    .returning();
  return { token, session: session! };
}

/** A live citizen session and its citizen, or null (expired, revoked or unknown). */
export async function resolveCitizenSession(db: Db, clock: Clock, token: string): Promise<CitizenContext | null> {
  const [row] = await db
    .select({ session: citizenSessions, citizen: citizens })
    .from(citizenSessions)
    .innerJoin(citizens, eq(citizens.id, citizenSessions.citizenId))
    .where(and(eq(citizenSessions.id, sessionIdOf(token)), isNull(citizenSessions.revokedAt)))
    .limit(1);
  if (!row || row.session.expiresAt.getTime() <= clock.now().getTime()) return null;
  return row;
}

export async function endCitizenSession(db: Queryable, clock: Clock, sessionId: string): Promise<void> {
  await db.update(citizenSessions).set({ revokedAt: clock.now() }).where(eq(citizenSessions.id, sessionId));
}
