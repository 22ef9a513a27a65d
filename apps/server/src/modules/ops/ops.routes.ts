import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/client.js';
import { definePolicy, publicAccess } from '../../http/access.js';
import type { Metrics } from './metrics.js';
import { assertMetricsReader } from './metrics-access.js';

export const opsPolicy = definePolicy({
  health: publicAccess('liveness/readiness probe; reports no data'),
  metrics: publicAccess('Prometheus scrape; the handler admits loopback or the METRICS_TOKEN bearer only (metrics-access.ts)'),
});

export function opsRoutes(deps: { database: Database; metrics: Metrics; config: Pick<Config, 'metricsToken'> }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/healthz', {
      config: { access: opsPolicy.health },
      schema: {
        tags: ['ops'],
        summary: 'Health check (database reachable)',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
      handler: async () => {
        await deps.database.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: deps.database.kind };
      },
    });

    app.get('/metrics', {
      config: { access: opsPolicy.metrics },
      schema: { tags: ['ops'], summary: 'Prometheus metrics', hide: false },
      handler: async (request, reply) => {
        assertMetricsReader(request, deps.config.metricsToken);
        reply.type(deps.metrics.registry.contentType);
        return deps.metrics.registry.metrics();
      },
    });
  };
}
