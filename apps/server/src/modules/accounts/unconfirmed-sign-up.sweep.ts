import { and, asc, eq, gte, isNotNull, lt, ne, notExists, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { emailTokens } from '../../db/tables/account-security.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { applications } from '../../db/tables/accreditation.js';
import { partners } from '../../db/tables/partners.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';

export interface UnconfirmedSignUpSweepOptions {
  /** EMAIL_CONFIRM_HOURS in milliseconds: how long a confirmation link lives (config `accountSecurity.confirmTtlMs`). */
  confirmTtlMs: number;
  now: () => Date;
}

/**
 * Issue 12: a sign-up nobody confirms must not hold a CPF/CNPJ (or an e-mail) for ever — someone
 * could squat another organisation's document, and the real owner's sign-up would then create
 * nothing. Removes accounts still `pending_email` whose confirmation expired more than
 * EMAIL_CONFIRM_HOURS ago (created over twice that long ago and no confirmation link, first or
 * resent, that is live or expired less than that long ago), together with their partner when
 * nothing else holds it (no other user, no application, no other record). One transaction and one
 * `account.unconfirmed_removed` audit row (ids only) per account; re-running finds nothing more.
 */
export function unconfirmedSignUpSweep(db: Db, opts: UnconfirmedSignUpSweepOptions): Sweep {
  return {
    name: 'unconfirmed-sign-up',
    everySeconds: 3600,
    batchSize: 100,
    async runBatch(limit) {
      const due = dueCondition(opts.now(), opts.confirmTtlMs);
      const rows = await db.select({ id: users.id }).from(users).where(due).orderBy(asc(users.createdAt)).limit(limit);
      for (const { id } of rows) await db.transaction((tx) => removeUnconfirmed(tx, id, due));
      return rows.length;
    },
  };
}

/** Still pending, first link expired over `ttlMs` ago, and no confirmation link live or expired less than `ttlMs` ago. */
function dueCondition(now: Date, ttlMs: number): SQL {
  const recentLink = sql`(SELECT 1 FROM ${emailTokens} WHERE ${and(
    eq(emailTokens.userId, users.id),
    eq(emailTokens.purpose, 'confirm_email'),
    gte(emailTokens.expiresAt, new Date(now.getTime() - ttlMs)),
  )})`;
  return and(eq(users.status, 'pending_email'), lt(users.createdAt, new Date(now.getTime() - 2 * ttlMs)), notExists(recentLink))!;
}

async function removeUnconfirmed(tx: Tx, userId: string, due: SQL): Promise<void> {
  // Re-checked under the row lock: a confirmation or another sweep run in between leaves it alone.
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), due))
    .for('update');
  if (!user) return;
  const held = await tx
    .selectDistinct({ partnerId: roleGrants.partnerId })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), isNotNull(roleGrants.partnerId)));
  const partnerIds = held.map((h) => h.partnerId!);
  // Grants, sessions and e-mail links go with the user (ON DELETE CASCADE).
  await tx.delete(users).where(eq(users.id, userId));
  const removedPartnerIds: string[] = [];
  for (const partnerId of partnerIds) if (await removeOrphanPartner(tx, partnerId, userId)) removedPartnerIds.push(partnerId);
  await recordAudit(tx, systemActor('sweep'), {
    action: 'account.unconfirmed_removed',
    targetType: 'user',
    targetId: userId,
    data: { userId, removedPartnerIds, keptPartnerIds: partnerIds.filter((p) => !removedPartnerIds.includes(p)) },
  });
}

/**
 * Deletes the partner when no other user holds it and it has no application. Any other record
 * pointing at it (cameras, loans, authorisations…) keeps it: the delete runs in a savepoint and a
 * foreign-key refusal only means "kept".
 */
async function removeOrphanPartner(tx: Tx, partnerId: string, removedUserId: string): Promise<boolean> {
  const [otherUser] = await tx
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.partnerId, partnerId), ne(roleGrants.userId, removedUserId)))
    .limit(1);
  if (otherUser) return false;
  const [application] = await tx.select({ id: applications.id }).from(applications).where(eq(applications.partnerId, partnerId)).limit(1);
  if (application) return false;
  try {
    const deleted = await tx.transaction((sp) => sp.delete(partners).where(eq(partners.id, partnerId)).returning({ id: partners.id }));
    return deleted.length > 0;
  } catch (err) {
    if (foreignKeyViolation(err)) return false;
    throw err;
  }
}

function foreignKeyViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23503') return true;
  return false;
}
