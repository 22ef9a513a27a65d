import { pendingRatingSchema, servicePerformanceReportSchema, serviceRatingBodySchema, serviceRatingSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../config/clock.js';
import type { Db } from '../../db/client.js';
import { citizenActorOf, citizenOf } from '../../http/context.js';
import { rateService } from './rate-service.js';
import { pendingRatings, servicePerformance } from './service-performance.js';
import { serviceRatingsPolicy as policy } from './service-ratings.policy.js';

const tags = ['service ratings'];

/** The stable open-data URL of the service-performance figures. */
export const SERVICE_PERFORMANCE_URL = '/api/public/service-performance.json';

export function serviceRatingsRoutes(deps: { db: Db; clock: Clock }): FastifyPluginAsyncZod {
  return async (r) => {
    r.post('/api/citizen/service-ratings', {
      config: { access: policy.rate },
      bodyLimit: 8_192,
      schema: {
        tags,
        summary: 'Rate a finished use of a service (1–5, once)',
        body: serviceRatingBodySchema,
        response: { 200: serviceRatingSchema },
      },
      handler: async (request) => rateService(deps.db, deps.clock, citizenActorOf(request), citizenOf(request).citizen.id, request.body),
    });
    r.get('/api/citizen/service-ratings/pending', {
      config: { access: policy.pending },
      schema: { tags, summary: 'Finished uses not rated yet', response: { 200: z.object({ pending: z.array(pendingRatingSchema) }) } },
      handler: async (request) => ({ pending: await pendingRatings(deps.db, citizenOf(request).citizen.id) }),
    });
    r.get(SERVICE_PERFORMANCE_URL, {
      config: { access: policy.performance },
      schema: {
        tags,
        summary: 'Open data: per service the volume, the ratings and the share answered within the legal deadline',
        response: { 200: servicePerformanceReportSchema },
      },
      handler: async () => servicePerformance(deps.db, deps.clock),
    });
  };
}
