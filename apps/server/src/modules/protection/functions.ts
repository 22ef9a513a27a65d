import { type ProtectionFunction, protectionFunctionLabels } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { users } from '../../db/tables/accounts.js';
import { protectionFunctionGrants } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Acting, ProtectionDeps } from './deps.js';

export async function functionsOf(db: Queryable, userId: string): Promise<ProtectionFunction[]> {
  const rows = await db.select().from(protectionFunctionGrants).where(eq(protectionFunctionGrants.userId, userId));
  return rows.map((r) => r.function as ProtectionFunction);
}

/** A step reserved to one function of the resolution (e.g. activation: the Delegado-Geral only, Art. 6–7). */
export function requireFunction(fns: readonly ProtectionFunction[], ...allowed: ProtectionFunction[]): void {
  if (!allowed.some((f) => fns.includes(f)))
    throw new AppError(
      'PROTECTION_FUNCTION_REQUIRED',
      `Esta etapa cabe a: ${allowed.map((f) => protectionFunctionLabels[f]).join(' ou ')} (Resolução 121/2025/CSPJC-MT).`,
    );
}

/** Admin: replaces the protection functions of a user (who must hold the protection_staff role). */
export async function grantFunctions(deps: ProtectionDeps, who: Acting, email: string, fns: ProtectionFunction[]) {
  return deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    if (!user) throw new AppError('NOT_FOUND', 'Usuário não encontrado.');
    await tx.delete(protectionFunctionGrants).where(eq(protectionFunctionGrants.userId, user.id));
    if (fns.length)
      await tx.insert(protectionFunctionGrants).values(fns.map((f) => ({ userId: user.id, function: f, grantedBy: who.actor.id })));
    await recordAudit(tx, who.actor, {
      action: 'protection.functions.granted',
      targetType: 'user',
      targetId: user.id,
      data: { functions: fns },
    });
    return { userId: user.id, functions: fns };
  });
}
