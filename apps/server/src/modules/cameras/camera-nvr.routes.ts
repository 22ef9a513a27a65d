import { cameraIdParamsSchema, cameraNvrSchema, cameraNvrUpdateSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { actorOf, authOf } from '../../http/context.js';
import { loadCameraKeys } from './camera-keys.js';
import { type CameraNvrDeps, getCameraNvr, removeCameraNvr, setCameraNvr } from './camera-nvr.service.js';
import { camerasPolicy } from './cameras.policy.js';
import { parseAllowedRanges } from './outbound-guard.js';

const tags = ['cameras'];

/** The partner's own recorder (NVR) of a camera: playback URL template, channel, sealed login. */
export function cameraNvrRoutes(deps: { db: Db; config: Config }): FastifyPluginAsyncZod {
  const nvr: CameraNvrDeps = {
    db: deps.db,
    keys: loadCameraKeys(deps.config),
    outbound: { enforce: deps.config.cameras.enforceOutbound, allowed: parseAllowedRanges(deps.config.cameras.allowedRanges) },
  };
  return async (app) => {
    app.get('/api/cameras/:id/nvr', {
      config: { access: camerasPolicy.nvrRead },
      schema: {
        tags,
        summary: "The camera's partner NVR (template and channel; the login is never returned)",
        params: cameraIdParamsSchema,
        response: { 200: cameraNvrSchema },
      },
      handler: async (request) => getCameraNvr(deps.db, authOf(request), request.params.id),
    });
    app.put('/api/cameras/:id/nvr', {
      config: { access: camerasPolicy.nvrEdit },
      schema: {
        tags,
        summary: "Declare (or change) the partner NVR that also keeps the camera's footage (Art. 25 §2)",
        params: cameraIdParamsSchema,
        body: cameraNvrUpdateSchema,
        response: { 200: cameraNvrSchema },
      },
      handler: async (request) => setCameraNvr(nvr, authOf(request), actorOf(request), request.params.id, request.body),
    });
    app.delete('/api/cameras/:id/nvr', {
      config: { access: camerasPolicy.nvrEdit },
      schema: { tags, summary: 'Remove the partner NVR of a camera', params: cameraIdParamsSchema, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await removeCameraNvr(deps.db, authOf(request), actorOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    });
  };
}
