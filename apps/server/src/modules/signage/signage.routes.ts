import { signagePlateDecisionSchema, signagePlatePhotoSchema, signagePlateSchema, signagePlateStatusSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { actorOf, authOf } from '../../http/context.js';
import { sendFile } from '../../http/send-file.js';
import { localFileStorage } from '../files/file-storage.js';
import { signagePolicy } from './signage.policy.js';
import { decidePlate, listPlates, plateArtwork, platePhoto, type SignageDeps, submitPlatePhoto } from './signage-plates.js';

const tags = ['signage'];
const cameraParams = z.object({ cameraId: z.string().uuid() });

/** Signage plates: artwork per site, geotagged installation photo, committee decision (SPEC §3.7). */
export function signageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const svc: SignageDeps = {
    db: deps.database.db,
    clock: deps.clock,
    storage: localFileStorage(deps.config.dataDir),
    publicUrl: deps.config.publicUrl,
    plateDeadlineDays: deps.config.signage.plateDeadlineDays,
  };
  return async (app) => {
    app.get('/api/signage-plates', {
      config: { access: signagePolicy.list },
      schema: {
        tags,
        summary: 'Plates of the sites in scope (committee: all), optionally by status',
        querystring: z.object({ status: signagePlateStatusSchema.optional() }),
        response: { 200: z.object({ plates: z.array(signagePlateSchema) }) },
      },
      handler: async (request) => ({ plates: await listPlates(svc.db, authOf(request), request.query.status) }),
    });
    app.get('/api/signage-plates/:cameraId/artwork', {
      config: { access: signagePolicy.artwork },
      schema: { tags, summary: 'Plate artwork (PDF): site code and QR to the program’s public page', params: cameraParams },
      handler: async (request, reply) => sendFile(reply, await plateArtwork(svc, authOf(request), request.params.cameraId)),
    });
    app.get('/api/signage-plates/:cameraId/photo', {
      config: { access: signagePolicy.photo },
      schema: { tags, summary: 'The installation photo of a site (the committee reviews it); the view is audited', params: cameraParams },
      handler: async (request, reply) => sendFile(reply, await platePhoto(svc, authOf(request), actorOf(request), request.params.cameraId)),
    });
    app.post('/api/signage-plates/:cameraId/photo', {
      config: { access: signagePolicy.submitPhoto },
      schema: {
        tags,
        summary: 'Send the geotagged installation photo (EXIF GPS, else the browser’s position)',
        params: cameraParams,
        body: signagePlatePhotoSchema,
        response: { 200: signagePlateSchema },
      },
      handler: async (request) => submitPlatePhoto(svc, authOf(request), actorOf(request), request.params.cameraId, request.body),
    });
    app.post('/api/signage-plates/:cameraId/decision', {
      config: { access: signagePolicy.decide },
      schema: {
        tags,
        summary: 'The committee approves the plate photo or asks for a new one',
        params: cameraParams,
        body: signagePlateDecisionSchema,
        response: { 200: signagePlateSchema },
      },
      handler: async (request) => decidePlate(svc, authOf(request), actorOf(request), request.params.cameraId, request.body),
    });
  };
}
