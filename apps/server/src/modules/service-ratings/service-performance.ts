import { type PendingRating, type RatedServiceId, ratedServiceIds, ratedServices, type ServicePerformanceReport } from '@vigia/contracts';
import { and, count, desc, eq, notExists, sql } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Db } from '../../db/client.js';
import { serviceRatings } from '../../db/tables/service-ratings.js';
import { ratedServiceRegistry } from './rated-service-registry.js';

/** Open data: the figures are the platform's own, published under CC BY 4.0. */
export const SERVICE_PERFORMANCE_LICENCE = 'Creative Commons Atribuição 4.0 (CC BY 4.0) — SESP-MT, Vigia Mais MT';

const int = (e: ReturnType<typeof sql>) => sql<number>`(${e})::int`;

async function figuresOf(db: Db, id: RatedServiceId, now: Date) {
  const s = ratedServiceRegistry[id];
  const [f] = await db
    .select({
      requests: int(sql`count(*)`),
      finished: int(sql`count(*) filter (where ${s.finished})`),
      due: s.deadline ? int(sql`count(*) filter (where ${s.deadline.due(now)})`) : sql<number>`0`,
      within: s.deadline ? int(sql`count(*) filter (where ${s.deadline.within})`) : sql<number>`0`,
    })
    .from(s.table);
  return f!;
}

/** The public page and its open data: per service the volume, the ratings and the share in time. */
export async function servicePerformance(db: Db, clock: Clock): Promise<ServicePerformanceReport> {
  const now = clock.now();
  const scores = await db
    .select({ service: serviceRatings.service, score: serviceRatings.score, n: count() })
    .from(serviceRatings)
    .groupBy(serviceRatings.service, serviceRatings.score);
  const services = [];
  for (const meta of ratedServices) {
    const f = await figuresOf(db, meta.id, now);
    const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (const s of scores)
      if (s.service === meta.id && s.score >= 1 && s.score <= 5) distribution[s.score - 1] = (distribution[s.score - 1] ?? 0) + Number(s.n);
    const ratings = distribution.reduce((a, b) => a + b, 0);
    const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
    services.push({
      service: meta.id,
      title: meta.title,
      legalDeadline: meta.legalDeadline,
      requests: Number(f.requests),
      finished: Number(f.finished),
      withinDeadlineShare: meta.legalDeadline && Number(f.due) > 0 ? Number(f.within) / Number(f.due) : null,
      ratings,
      averageScore: ratings ? Math.round((sum / ratings) * 100) / 100 : null,
      distribution,
    });
  }
  return { generatedAt: now.toISOString(), licence: SERVICE_PERFORMANCE_LICENCE, services };
}

/** The citizen's finished uses not rated yet, newest first (the portal's rating prompt). */
export async function pendingRatings(db: Db, citizenId: string): Promise<PendingRating[]> {
  const out: PendingRating[] = [];
  for (const id of ratedServiceIds) {
    const s = ratedServiceRegistry[id];
    const rows = await db
      .select({ requestId: sql<string>`${s.id}`, protocol: sql<string>`${s.protocol}`, finishedAt: s.finishedAt })
      .from(s.table)
      .where(
        and(
          eq(s.citizenId, citizenId),
          s.finished,
          notExists(
            db
              .select({ one: sql`1` })
              .from(serviceRatings)
              .where(and(eq(serviceRatings.service, id), sql`${serviceRatings.requestId} = ${s.id}`)),
          ),
        ),
      )
      .orderBy(desc(s.finishedAt))
      .limit(20);
    const title = ratedServices.find((m) => m.id === id)!.title;
    for (const r of rows)
      out.push({
        service: id,
        serviceTitle: title,
        requestId: r.requestId,
        protocol: r.protocol,
        finishedAt: new Date(r.finishedAt).toISOString(),
      });
  }
  return out.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
}
