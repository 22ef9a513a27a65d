import {
  liveCameraParamsSchema,
  liveTokenBatchRequestSchema,
  liveTokenBatchSchema,
  liveTokenRequestSchema,
  liveTokenSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../../http/context.js';
import { livePolicy } from './live.policy.js';
import { issueLiveToken, issueLiveTokens, issuePublicLiveToken, type LiveDeps } from './live.service.js';

const tags = ['live'];

/** Stream tokens for the live view (SPEC §3.4); the video itself flows from the media node. */
export function liveRoutes(deps: LiveDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/live/:cameraId/token', {
      config: { access: livePolicy.token },
      schema: {
        tags,
        summary: 'Short-lived stream token for the live view of a camera the user may see',
        params: liveCameraParamsSchema,
        body: liveTokenRequestSchema,
        response: { 200: liveTokenSchema },
      },
      handler: async (request) => issueLiveToken(deps, authOf(request), request.params.cameraId, request.body.nonceHash),
    });

    app.post('/api/live/tokens', {
      config: { access: livePolicy.token },
      schema: {
        tags,
        summary: 'Stream tokens for several cameras at once (a console layout); each item its token or its error',
        body: liveTokenBatchRequestSchema,
        response: { 200: liveTokenBatchSchema },
      },
      handler: async (request) => issueLiveTokens(deps, authOf(request), request.body),
    });

    app.post('/api/public/live/:cameraId/token', {
      config: { access: livePolicy.publicToken },
      schema: {
        tags,
        summary: 'Stream token for an anonymous viewer of a camera open to the public',
        params: liveCameraParamsSchema,
        body: liveTokenRequestSchema,
        response: { 200: liveTokenSchema },
      },
      handler: async (request) => issuePublicLiveToken(deps, request.params.cameraId, request.body.nonceHash),
    });
  };
}
