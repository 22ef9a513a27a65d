import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { acting } from '../../http/context.js';
import { eventsPolicy as policy } from '../events/events.policy.js';
import { readEventImage } from './view-change-images.js';

const tags = ['events'];

/** The pictures of view-change events (the event list links to them); same access and scope as the events. */
export function viewChangeRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const db = database.db;
  return async (app) => {
    app.get('/api/events/:id/images/:which', {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'A view-change picture: the approved view (reference) or the one that differed (current); audited',
        params: z.object({ id: z.uuid(), which: z.enum(['reference', 'current']) }),
      },
      handler: async (request, reply) => {
        const jpeg = await readEventImage(db, acting(request), config.dataDir, request.params.id, request.params.which);
        return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, no-store').send(jpeg);
      },
    });
  };
}
