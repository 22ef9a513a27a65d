import { fleetViewSchema, healthDashboardSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/app-deps.js';
import { authOf } from '../../http/context.js';
import { fleetView } from './fleet-view.js';
import { healthPolicy as policy } from './health.policy.js';
import { healthDashboard } from './health-dashboard.js';

export function healthRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/health/dashboard', {
      config: { access: policy.dashboard },
      schema: {
        tags: ['health'],
        summary: 'CIOSP health dashboard: cameras down by region/partner, longest outages, worst partners of the month, open alerts',
        response: { 200: healthDashboardSchema },
      },
      handler: async (request) => healthDashboard(database.db, authOf(request)),
    });
    app.get('/api/health/fleet', {
      config: { access: policy.fleet },
      schema: {
        tags: ['health'],
        summary: 'CIOSP fleet view: media nodes with region, load, cameras held, last heartbeat, lease state and spool backlog',
        response: { 200: fleetViewSchema },
      },
      handler: async () => fleetView(database.db, { objectStorage: config.objectStorage !== undefined }),
    });
  };
}
