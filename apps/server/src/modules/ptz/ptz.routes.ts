import {
  ptzApprovedPresetSchema,
  ptzApprovedViewSchema,
  ptzCameraParamsSchema,
  ptzPresetInputSchema,
  ptzPresetParamsSchema,
  ptzStatusSchema,
  ptzVelocitySchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { acting } from '../../http/context.js';
import { ptzPolicy as policy } from './ptz.policy.js';
import {
  acquireLock,
  approvedView,
  ptzGotoPreset,
  ptzHome,
  ptzMove,
  ptzRemovePreset,
  ptzSetPreset,
  ptzStatus,
  ptzStop,
  releaseLock,
  setApprovedPreset,
} from './ptz.service.js';
import { ptzDeps } from './ptz-device.js';

const tags = ['ptz'];
const ok = { 204: z.null() };

export function ptzRoutes({ database, config, clock }: AppDeps): FastifyPluginAsyncZod {
  const deps = ptzDeps(database.db, config, clock);
  const params = ptzCameraParamsSchema;
  return async (app) => {
    app.get('/api/ptz/:cameraId', {
      config: { access: policy.drive },
      schema: {
        tags,
        summary: 'PTZ support, lock, presets and approved preset of a camera in scope',
        params,
        response: { 200: ptzStatusSchema },
      },
      handler: async (request) => ptzStatus(deps, acting(request), request.params.cameraId),
    });
    app.post('/api/ptz/:cameraId/lock', {
      config: { access: policy.drive },
      schema: {
        tags,
        summary: 'Take the PTZ lock (or take it over from a lower priority; audited)',
        params,
        response: { 200: ptzStatusSchema },
      },
      handler: async (request) => acquireLock(deps, acting(request), request.params.cameraId),
    });
    app.delete('/api/ptz/:cameraId/lock', {
      config: { access: policy.drive },
      schema: { tags, summary: 'Release the PTZ lock (ends the move session; audited)', params, response: ok },
      handler: async (request, reply) => {
        await releaseLock(deps, acting(request), request.params.cameraId);
        return reply.code(204).send(null);
      },
    });
    app.post('/api/ptz/:cameraId/move', {
      config: { access: policy.drive },
      schema: {
        tags,
        summary: 'Continuous move (pan, tilt, zoom velocities −1…1); lock holder only',
        params,
        body: ptzVelocitySchema,
        response: ok,
      },
      handler: async (request, reply) => {
        await ptzMove(deps, acting(request), request.params.cameraId, request.body);
        return reply.code(204).send(null);
      },
    });
    app.post('/api/ptz/:cameraId/stop', {
      config: { access: policy.drive },
      schema: { tags, summary: 'Stop moving; lock holder only', params, response: ok },
      handler: async (request, reply) => {
        await ptzStop(deps, acting(request), request.params.cameraId);
        return reply.code(204).send(null);
      },
    });
    app.post('/api/ptz/:cameraId/home', {
      config: { access: policy.drive },
      schema: { tags, summary: 'Go to the home position; lock holder only', params, response: ok },
      handler: async (request, reply) => {
        await ptzHome(deps, acting(request), request.params.cameraId);
        return reply.code(204).send(null);
      },
    });
    app.post('/api/ptz/:cameraId/presets', {
      config: { access: policy.drive },
      schema: {
        tags,
        summary: 'Save the current position as a preset; lock holder only (audited)',
        params,
        body: ptzPresetInputSchema,
        response: { 200: z.object({ token: z.string() }) },
      },
      handler: async (request) => ptzSetPreset(deps, acting(request), request.params.cameraId, request.body.name),
    });
    app.post('/api/ptz/:cameraId/presets/:token/goto', {
      config: { access: policy.drive },
      schema: { tags, summary: 'Go to a preset; lock holder only', params: ptzPresetParamsSchema, response: ok },
      handler: async (request, reply) => {
        await ptzGotoPreset(deps, acting(request), request.params.cameraId, request.params.token);
        return reply.code(204).send(null);
      },
    });
    app.delete('/api/ptz/:cameraId/presets/:token', {
      config: { access: policy.drive },
      schema: {
        tags,
        summary: 'Remove a preset (not the approved view); lock holder only (audited)',
        params: ptzPresetParamsSchema,
        response: ok,
      },
      handler: async (request, reply) => {
        await ptzRemovePreset(deps, acting(request), request.params.cameraId, request.params.token);
        return reply.code(204).send(null);
      },
    });
    app.get('/api/ptz/:cameraId/approved-preset', {
      config: { access: policy.approve },
      schema: {
        tags,
        summary: "The camera's presets and the one registered as the approved view (committee, admin)",
        params,
        response: { 200: ptzApprovedViewSchema },
      },
      handler: async (request) => approvedView(deps, acting(request), request.params.cameraId),
    });
    app.put('/api/ptz/:cameraId/approved-preset', {
      config: { access: policy.approve },
      schema: {
        tags,
        summary: 'Register the preset of the approved view (the camera returns to it after inactivity; audited)',
        params,
        body: ptzApprovedPresetSchema,
        response: ok,
      },
      handler: async (request, reply) => {
        await setApprovedPreset(deps, acting(request), request.params.cameraId, request.body.token);
        return reply.code(204).send(null);
      },
    });
  };
}
