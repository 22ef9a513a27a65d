import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cameraCreateSchema,
  cameraIdParamsSchema,
  cameraListSchema,
  cameraSchema,
  cameraSelfTestListSchema,
  cameraSelfTestParamsSchema,
  cameraSelfTestSchema,
  cameraUpdateSchema,
} from '@vigia/contracts';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { actorOf, authOf } from '../../http/context.js';
import { loadCameraKeys } from './camera-keys.js';
import { camerasPolicy } from './cameras.policy.js';
import { createCamera, deleteCamera, getCamera, listCameras, updateCamera, type CameraDeps } from './cameras.service.js';
import { parseAllowedRanges } from './outbound-guard.js';
import { listSelfTests, readSnapshot, runSelfTest } from './self-test.js';

const tags = ['cameras'];

/** Camera registry and installer self-test (SPEC §3.3, guide §05). */
export function camerasRoutes(deps: { db: Db; config: Config }): FastifyPluginAsyncZod {
  const cam: CameraDeps = {
    db: deps.db,
    keys: loadCameraKeys(deps.config),
    outbound: { enforce: deps.config.cameras.enforceOutbound, allowed: parseAllowedRanges(deps.config.cameras.allowedRanges) },
    dataDir: deps.config.dataDir,
  };
  return async (app) => {
    app.get('/api/cameras', {
      config: { access: camerasPolicy.list },
      schema: { tags, summary: 'Cameras the user may see', querystring: z.object({ partnerId: z.string().uuid().optional() }), response: { 200: cameraListSchema } },
      handler: async (request) => ({ items: await listCameras(deps.db, authOf(request), request.query) }),
    });

    app.post('/api/cameras', {
      config: { access: camerasPolicy.create },
      schema: { tags, summary: 'Register a camera', body: cameraCreateSchema, response: { 201: cameraSchema } },
      handler: async (request, reply) => reply.code(201).send(await createCamera(cam, authOf(request), actorOf(request), request.body)),
    });

    app.get('/api/cameras/:id', {
      config: { access: camerasPolicy.read },
      schema: { tags, summary: 'One camera', params: cameraIdParamsSchema, response: { 200: cameraSchema } },
      handler: async (request) => getCamera(deps.db, authOf(request), request.params.id),
    });

    app.patch('/api/cameras/:id', {
      config: { access: camerasPolicy.update },
      schema: { tags, summary: 'Edit a camera', params: cameraIdParamsSchema, body: cameraUpdateSchema, response: { 200: cameraSchema } },
      handler: async (request) => updateCamera(cam, authOf(request), actorOf(request), request.params.id, request.body),
    });

    app.delete('/api/cameras/:id', {
      config: { access: camerasPolicy.remove },
      schema: { tags, summary: 'Delete a camera', params: cameraIdParamsSchema },
      handler: async (request, reply) => {
        await deleteCamera(cam, authOf(request), actorOf(request), request.params.id);
        return reply.code(204).send();
      },
    });

    app.post('/api/cameras/:id/self-test', {
      config: { access: camerasPolicy.selfTest },
      schema: { tags, summary: 'Run the installer self-test', params: cameraIdParamsSchema, response: { 200: cameraSelfTestSchema } },
      handler: async (request) => runSelfTest(cam, authOf(request), actorOf(request), request.params.id, request.log),
    });

    app.get('/api/cameras/:id/self-tests', {
      config: { access: camerasPolicy.selfTestHistory },
      schema: { tags, summary: 'Self-test history of a camera', params: cameraIdParamsSchema, response: { 200: cameraSelfTestListSchema } },
      handler: async (request) => ({ items: await listSelfTests(deps.db, authOf(request), request.params.id) }),
    });

    app.get('/api/cameras/:id/self-tests/:testId/snapshot', {
      config: { access: camerasPolicy.selfTestSnapshot },
      schema: { tags, summary: 'JPEG captured by a self-test', params: cameraSelfTestParamsSchema },
      handler: async (request, reply) => {
        const jpeg = await readSnapshot(cam, authOf(request), request.params.id, request.params.testId);
        return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(jpeg);
      },
    });
  };
}
