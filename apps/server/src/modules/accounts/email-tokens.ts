import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { emailTokens } from '../../db/tables/account-security.js';
import { newToken, sessionIdOf } from '../../http/session-token.js';

export type EmailTokenPurpose = (typeof emailTokens.$inferSelect)['purpose'];

/** Issues a single-use link token; only its SHA-256 is stored. Returns the token to mail (shown once). */
export async function issueEmailToken(tx: Queryable, userId: string, purpose: EmailTokenPurpose, ttlMs: number): Promise<string> {
  const token = newToken();
  await tx.insert(emailTokens).values({ userId, purpose, tokenHash: sessionIdOf(token), expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

/**
 * Spends a token inside the caller's transaction: marks it used only if it is live, unused and
 * of the right purpose (one conditional UPDATE, so two concurrent uses cannot both succeed).
 */
export async function spendEmailToken(tx: Queryable, token: string, purpose: EmailTokenPurpose): Promise<string | null> {
  const [row] = await tx
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailTokens.tokenHash, sessionIdOf(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: emailTokens.userId });
  return row?.userId ?? null;
}
