import type { ServiceRating, ServiceRatingBody } from '@vigia/contracts';
import { serviceRatingBodySchema } from '@vigia/contracts';
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Db, Queryable } from '../../db/client.js';
import { serviceRatings } from '../../db/tables/service-ratings.js';
import type { AuditActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { ratedServiceRegistry } from './rated-service-registry.js';

/** The citizen's own finished request of a service, or null (another's, unknown or not finished). */
export async function finishedUseOf(db: Queryable, service: keyof typeof ratedServiceRegistry, citizenId: string, requestId: string) {
  const s = ratedServiceRegistry[service];
  const [use] = await db
    .select({ protocol: s.protocol })
    .from(s.table)
    .where(and(eq(s.id, requestId), eq(s.citizenId, citizenId), s.finished));
  return use ?? null;
}

/**
 * gov.br's model: one rating (1–5, optional comment) per use of a service, by the citizen who used
 * it, after it finished. Another citizen's request answers the same "not found" as an unknown one;
 * a second rating of the same use is refused (unique per service and request).
 */
export async function rateService(
  db: Db,
  clock: Clock,
  actor: AuditActor,
  citizenId: string,
  body: ServiceRatingBody,
): Promise<ServiceRating> {
  const input = serviceRatingBodySchema.parse(body);
  return db.transaction(async (tx) => {
    if (!(await finishedUseOf(tx, input.service, citizenId, input.requestId))) throw new AppError('SERVICE_USE_NOT_FOUND');
    const [row] = await tx
      .insert(serviceRatings)
      .values({
        service: input.service,
        requestId: input.requestId,
        citizenId,
        score: input.score,
        comment: input.comment || null,
        createdAt: clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('SERVICE_ALREADY_RATED');
    await recordAudit(tx, actor, {
      action: 'service_rating.rated',
      targetType: 'service_rating',
      targetId: row.id,
      data: { service: input.service, score: input.score },
    });
    return {
      id: row.id,
      service: row.service,
      requestId: row.requestId,
      score: row.score,
      comment: row.comment,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
