import {
  idParamSchema,
  myPrivacySchema,
  privacyMasksSchema,
  privacyMasksUpdateSchema,
  unmaskGrantCreateSchema,
  unmaskGrantRevokeSchema,
  unmaskGrantSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf, authOf } from '../../http/context.js';
import type { CameraGrant } from '../cameras/camera-grant.js';
import { privacyPolicy as policy } from './privacy.policy.js';
import { grantUnmask, listUnmaskGrants, myPrivacy, readMasks, replaceMasks, revokeUnmask } from './privacy.service.js';

const tags = ['privacy'];

/** Privacy masks per camera and unmask grants (issue 6; SPEC §3.5). */
export function privacyRoutes(deps: { db: Db; cameraGrant?: CameraGrant }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/cameras/:id/privacy-masks', {
      config: { access: policy.readMasks },
      schema: {
        tags,
        summary: "A camera's privacy masks (normalised polygons) and whether the caller sees it unmasked",
        params: idParamSchema,
        response: { 200: privacyMasksSchema },
      },
      handler: async (request) => readMasks(deps.db, authOf(request), request.params.id, deps.cameraGrant),
    });
    app.put('/api/cameras/:id/privacy-masks', {
      config: { access: policy.editMasks },
      schema: {
        tags,
        summary: "Replace a camera's privacy masks (≤ 16 polygons of 3–32 points in 0–1)",
        params: idParamSchema,
        body: privacyMasksUpdateSchema,
        response: { 200: privacyMasksSchema },
      },
      handler: async (request) => replaceMasks(deps.db, authOf(request), actorOf(request), request.params.id, request.body),
    });
    app.get('/api/me/privacy', {
      config: { access: policy.myPrivacy },
      schema: { tags, summary: 'Whether the caller holds an active unmask grant', response: { 200: myPrivacySchema } },
      handler: async (request) => myPrivacy(deps.db, authOf(request)),
    });
    app.get('/api/admin/privacy-unmask', {
      config: { access: policy.listUnmask },
      schema: {
        tags,
        summary: 'Unmask grants (active, expired and revoked)',
        response: { 200: z.object({ grants: z.array(unmaskGrantSchema) }) },
      },
      handler: async () => ({ grants: await listUnmaskGrants(deps.db) }),
    });
    app.post('/api/admin/privacy-unmask', {
      config: { access: policy.grantUnmask },
      schema: {
        tags,
        summary: 'Grant a user the right to see images without privacy masks (reason, optional expiry)',
        body: unmaskGrantCreateSchema,
        response: { 200: unmaskGrantSchema },
      },
      handler: async (request) => grantUnmask(deps.db, actorOf(request), request.body),
    });
    app.post('/api/admin/privacy-unmask/:id/revoke', {
      config: { access: policy.revokeUnmask },
      schema: {
        tags,
        summary: 'Revoke an unmask grant (reason)',
        params: idParamSchema,
        body: unmaskGrantRevokeSchema,
        response: { 200: unmaskGrantSchema },
      },
      handler: async (request) => revokeUnmask(deps.db, actorOf(request), request.params.id, request.body),
    });
  };
}
