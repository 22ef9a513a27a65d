import { consoleCamerasSchema, consoleLayoutInputSchema, consoleLayoutSchema, consoleLayoutsSchema, idParamSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/app-deps.js';
import { authOf } from '../../http/context.js';
import { consolePolicy as policy } from './console.policy.js';
import { consoleCameras } from './console-cameras.js';
import { createLayout, deleteLayout, listLayouts, updateLayout } from './console-layouts.js';

const tags = ['console'];

/** Operations console (issue 17): camera tree and saved layouts / tours (docs/console.md). */
export function consoleRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const db = database.db;
  return async (app) => {
    app.get('/api/console/cameras', {
      config: { access: policy.cameras },
      schema: {
        tags,
        summary: 'Cameras the user may watch live, with partner, municipality and region names',
        response: { 200: consoleCamerasSchema },
      },
      handler: async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return { items: await consoleCameras(db, authOf(request)) };
      },
    });
    app.get('/api/console/layouts', {
      config: { access: policy.listLayouts },
      schema: { tags, summary: "The user's layouts and those shared with their unit", response: { 200: consoleLayoutsSchema } },
      handler: async (request) => ({ items: await listLayouts(db, authOf(request)) }),
    });
    app.post('/api/console/layouts', {
      config: { access: policy.saveLayout },
      schema: {
        tags,
        summary: 'Save a layout (personal, or shared with the unit)',
        body: consoleLayoutInputSchema,
        response: { 201: consoleLayoutSchema },
      },
      handler: async (request, reply) => reply.code(201).send(await createLayout(db, authOf(request), request.body)),
    });
    app.put('/api/console/layouts/:id', {
      config: { access: policy.saveLayout },
      schema: {
        tags,
        summary: 'Change one of your layouts',
        params: idParamSchema,
        body: consoleLayoutInputSchema,
        response: { 200: consoleLayoutSchema },
      },
      handler: async (request) => updateLayout(db, authOf(request), request.params.id, request.body),
    });
    app.delete('/api/console/layouts/:id', {
      config: { access: policy.deleteLayout },
      schema: { tags, summary: 'Delete one of your layouts', params: idParamSchema },
      handler: async (request, reply) => {
        await deleteLayout(db, authOf(request), request.params.id);
        return reply.code(204).send();
      },
    });
  };
}
