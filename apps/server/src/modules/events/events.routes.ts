import { cameraEventQuerySchema, cameraEventSchema, idParamSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { authOf } from '../../http/context.js';
import { eventsPolicy as policy } from './events.policy.js';
import { getCameraEvent, listCameraEvents } from './events.service.js';

const tags = ['events'];

export function eventsRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const db = database.db;
  return async (app) => {
    app.get('/api/events', {
      config: { access: policy.list },
      schema: {
        tags,
        summary: 'Camera events in scope (down/up, PTZ takeover, view changed, ONVIF motion/tamper), newest first',
        querystring: cameraEventQuerySchema,
        response: { 200: z.object({ events: z.array(cameraEventSchema) }) },
      },
      handler: async (request) => ({ events: await listCameraEvents(db, authOf(request), request.query) }),
    });
    app.get('/api/events/:id', {
      config: { access: policy.read },
      schema: { tags, summary: 'One camera event in scope (else 404)', params: idParamSchema, response: { 200: cameraEventSchema } },
      handler: async (request) => getCameraEvent(db, authOf(request), request.params.id),
    });
  };
}
