import type { RispOpinion } from '@vigia/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applications, rispOpinions } from '../../db/tables/accreditation.js';
import { securityRegions } from '../../db/tables/regions.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { pointsOf, regionsOfPoints } from './application.repository.js';
import type { Acting } from './deps.js';

/** The regions a RISP coordinator answers for (from the grant, never from the request). */
const regionsOf = (auth: AuthContext) =>
  auth.grants.filter((g) => g.role === 'risp_coordinator' && g.securityRegionId).map((g) => g.securityRegionId!);

async function toOpinion(db: Db, o: typeof rispOpinions.$inferSelect, regionName: string): Promise<RispOpinion> {
  const { regions } = await regionsOfPoints(db, await pointsOf(db, o.applicationId));
  return {
    id: o.id,
    applicationId: o.applicationId,
    securityRegionId: o.securityRegionId,
    securityRegionName: regionName,
    municipalities: regions.get(o.securityRegionId)?.municipalities ?? [],
    status: o.status,
    reasons: o.reasons,
    decidedAt: o.decidedAt?.toISOString() ?? null,
  };
}

/** Art. 12: the opinions asked of the coordinator's regions. */
export async function listRispOpinions(db: Db, auth: AuthContext): Promise<RispOpinion[]> {
  const regions = regionsOf(auth);
  if (regions.length === 0) return [];
  const rows = await db
    .select({ o: rispOpinions, name: securityRegions.name })
    .from(rispOpinions)
    .innerJoin(securityRegions, eq(securityRegions.id, rispOpinions.securityRegionId))
    .where(inArray(rispOpinions.securityRegionId, regions))
    .orderBy(asc(rispOpinions.createdAt));
  return Promise.all(rows.map(({ o, name }) => toOpinion(db, o, name)));
}

/** Art. 12: favourable or unfavourable, always with reasons; only while the application is in analysis. */
export async function giveRispOpinion(
  db: Db,
  who: Acting,
  opinionId: string,
  input: { favourable: boolean; reasons: string },
): Promise<RispOpinion> {
  const regions = regionsOf(who.auth);
  const { row, name } = await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ o: rispOpinions, name: securityRegions.name, status: applications.status, number: applications.number })
      .from(rispOpinions)
      .innerJoin(securityRegions, eq(securityRegions.id, rispOpinions.securityRegionId))
      .innerJoin(applications, eq(applications.id, rispOpinions.applicationId))
      .where(
        and(
          eq(rispOpinions.id, opinionId),
          regions.length ? inArray(rispOpinions.securityRegionId, regions) : eq(rispOpinions.id, '00000000-0000-0000-0000-000000000000'),
        ),
      )
      .limit(1);
    if (!found) throw new AppError('NOT_FOUND', 'Parecer não encontrado entre os da sua região.');
    if (found.status !== 'in_analysis') throw new AppError('INVALID_STATE', 'O pedido não está em análise.');
    const [updated] = await tx
      .update(rispOpinions)
      .set({
        status: input.favourable ? 'favourable' : 'unfavourable',
        reasons: input.reasons,
        decidedBy: who.auth.user.id,
        decidedAt: new Date(),
      })
      .where(eq(rispOpinions.id, opinionId))
      .returning();
    await recordAudit(tx, who.actor, {
      action: input.favourable ? 'risp_opinion.favourable' : 'risp_opinion.unfavourable',
      targetType: 'application',
      targetId: found.o.applicationId,
      reason: input.reasons,
      data: { opinionId, securityRegionId: found.o.securityRegionId, number: found.number, previous: found.o.status },
    });
    return { row: updated!, name: found.name };
  });
  return toOpinion(db, row, name);
}
