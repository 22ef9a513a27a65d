import type { AuthContext } from '../accounts/session.service.js';

/**
 * The PTZ lock rules, pure (issue 17): one person drives a camera at a time; someone of a
 * strictly higher priority may take over; a lock whose holder has been idle too long is free.
 */

/**
 * A user's rank in the configured priority list (0 = highest): the best entry they match, where an
 * entry is a role (`admin`) or an operations-centre unit (`operator:intelligence` = an operator of
 * that unit). Someone matching nothing ranks after every entry.
 */
export function ptzRank(auth: Pick<AuthContext, 'roles' | 'grants'>, priority: readonly string[]): number {
  const matches = (entry: string) => {
    const [role, unit] = entry.split(':');
    if (unit) return auth.grants.some((g) => g.role === role && g.unit === unit);
    return auth.roles.some((r) => r === role);
  };
  const i = priority.findIndex(matches);
  return i === -1 ? priority.length : i;
}

export interface HeldLock {
  userId: string;
  rank: number;
  lastActivityAt: Date;
}

export type LockDecision = 'take' | 'keep' | 'take_over' | 'refuse';

/**
 * What happens when `me` asks for the lock: free or lapsed → take; mine → keep (renew); held by
 * someone of lower priority (greater rank) → take over; otherwise → refuse.
 */
export function decideLock(held: HeldLock | null, me: { userId: string; rank: number }, now: Date, idleMs: number): LockDecision {
  if (!held || now.getTime() - held.lastActivityAt.getTime() >= idleMs) return 'take';
  if (held.userId === me.userId) return 'keep';
  return me.rank < held.rank ? 'take_over' : 'refuse';
}
