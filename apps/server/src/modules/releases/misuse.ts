import { type MisuseFlag, type MisuseReport, misuseReportSchema } from '@vigia/contracts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { partners } from '../../db/tables/partners.js';
import { complianceCases } from '../../db/tables/sanctions.js';
import { AppError } from '../../http/errors.js';
import { findUserById } from '../accounts/accounts.repository.js';
import { revokeUserSessions } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';

/**
 * Misuse of images (art. 27, § 2º): the administrator suspends the user (all sessions end at once)
 * and, when the user acts for a partner (partner user or integrator), flags that partner's
 * cooperation for the sanction process — a committee case (`compliance_case`, kind
 * `image_misuse`) that the committee sees beside the other cases and may turn into a sanction
 * process (art. 30). One transaction: suspension, cases and audit rows exist together.
 */
export async function reportMisuse(
  db: Db,
  actor: AuditActor,
  userId: string,
  raw: MisuseReport,
): Promise<{ userId: string; suspended: boolean; flags: MisuseFlag[] }> {
  const input = misuseReportSchema.parse(raw);
  const caseIds = await db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('NOT_FOUND');
    if (user.id === actor.id) throw new AppError('INVALID_STATE', 'Você não pode suspender a própria conta.');
    const reason = `Mau uso das imagens (art. 27, § 2º): ${input.reason}`;
    if (user.status !== 'suspended') {
      await tx.update(users).set({ status: 'suspended', suspendedReason: reason, updatedAt: new Date() }).where(eq(users.id, userId));
      const ended = await revokeUserSessions(tx, userId, 'user_suspended');
      await recordAudit(tx, actor, {
        action: 'user.suspended',
        targetType: 'user',
        targetId: userId,
        reason,
        data: { sessionsEnded: ended, misuse: true },
      });
    }
    const ids: string[] = [];
    if (input.flagPartner) {
      const grants = await tx
        .select({ partnerId: roleGrants.partnerId })
        .from(roleGrants)
        .where(and(eq(roleGrants.userId, userId), inArray(roleGrants.role, ['partner_user', 'integrator'])));
      const partnerIds = [...new Set(grants.map((g) => g.partnerId).filter((p): p is string => p !== null))];
      for (const partnerId of partnerIds) {
        const [c] = await tx
          .insert(complianceCases)
          .values({
            partnerId,
            kind: 'image_misuse',
            subjectType: 'app_user',
            subjectId: userId,
            description: `Usuário ${user.name} suspenso por mau uso das imagens: ${input.reason}`,
          })
          .returning();
        ids.push(c!.id);
        await recordAudit(tx, actor, {
          action: 'partner.misuse_flagged',
          targetType: 'partner',
          targetId: partnerId,
          reason,
          data: { caseId: c!.id, userId },
        });
      }
    }
    await recordAudit(tx, actor, {
      action: 'user.misuse_reported',
      targetType: 'user',
      targetId: userId,
      reason,
      data: { flaggedCases: ids },
    });
    return ids;
  });
  const flags = (await listMisuseFlags(db)).filter((f) => caseIds.includes(f.caseId));
  return { userId, suspended: true, flags };
}

export async function listMisuseFlags(db: Queryable): Promise<MisuseFlag[]> {
  const rows = await db
    .select({ c: complianceCases, partnerName: partners.name, userName: users.name })
    .from(complianceCases)
    .innerJoin(partners, eq(partners.id, complianceCases.partnerId))
    .innerJoin(users, eq(users.id, complianceCases.subjectId))
    .where(eq(complianceCases.kind, 'image_misuse'))
    .orderBy(desc(complianceCases.createdAt))
    .limit(500);
  return rows.map(({ c, partnerName, userName }) => ({
    caseId: c.id,
    userId: c.subjectId,
    userName,
    partnerId: c.partnerId,
    partnerName,
    description: c.description,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
  }));
}
