import { and, eq, sql } from 'drizzle-orm';
import { users } from '../../db/tables/accounts.js';
import { protectionAssignments, protectionFunctionGrants } from '../../db/tables/protection.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Acting, ProtectionDeps } from './deps.js';
import { requireFunction } from './functions.js';
import { loadMission, scopeOf } from './scope.js';
import { requireStatus } from './transition.js';

/** Art. 12 §ú: the coordination places a member of CORE's intelligence nucleus on the mission to gather its details. */
export async function assignCoreIntelligence(deps: ProtectionDeps, who: Acting, id: string, email: string): Promise<void> {
  const scope = await scopeOf(deps.db, who.auth);
  await deps.db.transaction(async (tx) => {
    await loadMission(tx, scope, id, true).then((m) => requireStatus(m, 'planning'));
    requireFunction(scope.functions, 'core_coordination');
    const [u] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(
        protectionFunctionGrants,
        and(eq(protectionFunctionGrants.userId, users.id), eq(protectionFunctionGrants.function, 'core_intelligence')),
      )
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);
    if (!u)
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'email', message: 'Nenhum membro do Núcleo de Inteligência da CORE com este e-mail.' },
      ]);
    await tx.insert(protectionAssignments).values({ missionId: id, userId: u.id, kind: 'core_intelligence' }).onConflictDoNothing();
    await recordAudit(tx, who.actor, {
      action: 'protection.core_intelligence.assigned',
      targetType: 'protection_mission',
      targetId: id,
      data: { userId: u.id },
    });
  });
}
