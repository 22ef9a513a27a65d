import { alertSchema, idParamSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { actorOf, authOf } from '../../http/context.js';
import { alertsPolicy as policy } from './alerts.policy.js';
import { acknowledgeAlert, listAlerts } from './alerts.service.js';

const tags = ['alerts'];

export function alertsRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const db = database.db;
  return async (app) => {
    app.get('/api/alerts', {
      config: { access: policy.list },
      schema: {
        tags,
        summary: 'Health alerts of cameras in scope (open first)',
        querystring: z.object({ open: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ alerts: z.array(alertSchema) }) },
      },
      handler: async (request) => ({ alerts: await listAlerts(db, authOf(request), { openOnly: request.query.open === 'true' }) }),
    });
    app.post('/api/alerts/:id/ack', {
      config: { access: policy.acknowledge },
      schema: { tags, summary: 'Acknowledge an alert (audited)', params: idParamSchema, response: { 200: alertSchema } },
      handler: async (request) => acknowledgeAlert(db, { auth: authOf(request), actor: actorOf(request) }, request.params.id),
    });
  };
}
