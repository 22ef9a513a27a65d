import {
  nvrPlaybackTokenSchema,
  PLAYBACK_HEADERS,
  playbackEndRequestSchema,
  playbackMediaQuerySchema,
  playbackRenewRequestSchema,
  playbackSnapshotRequestSchema,
  playbackTokenRequestSchema,
  playbackTokenSchema,
  recordingCameraParamsSchema,
} from '@vigia/contracts';
import { loadStreamTokenKey } from '@vigia/contracts/stream-token';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { actorOf, authOf } from '../../http/context.js';
import { recordingStorage } from '../../media-tools/recording-storage.js';
import type { CameraGrant } from '../cameras/camera-grant.js';
import { startNvrPlayback } from './nvr-playback.service.js';
import { playbackPolicy } from './playback.policy.js';
import {
  checkMediaAccess,
  endPlayback,
  type PlaybackDeps,
  playbackChunk,
  recordSnapshot,
  renewPlayback,
  startPlayback,
} from './playback.service.js';

const tags = ['playback'];

/**
 * Playback (docs/recording.md "Playback"): served by the API straight from the segment index —
 * each media answer is the init part of one recorded segment plus its fragments from a keyframe at
 * or before the asked instant (video/mp4, fed to MSE by the player).
 */
export function playbackRoutes({ config, database, cameraGrant }: AppDeps & { cameraGrant?: CameraGrant }): FastifyPluginAsyncZod {
  let deps: PlaybackDeps | undefined;
  const getDeps = async (): Promise<PlaybackDeps> =>
    (deps ??= {
      db: database.db,
      tokenKey: await loadStreamTokenKey({ envKey: config.media.streamTokenKey, dataDir: config.dataDir }),
      storage: recordingStorage(config.dataDir, config.objectStorage?.s3),
      ...(cameraGrant ? { grant: cameraGrant } : {}),
    });
  return async (app) => {
    app.post('/api/playback/:cameraId/token', {
      config: { access: playbackPolicy.start },
      schema: {
        tags,
        summary: 'Start a playback (reason required, audited) and get its short-lived token',
        params: recordingCameraParamsSchema,
        body: playbackTokenRequestSchema,
        response: { 200: playbackTokenSchema },
      },
      handler: async (request) => startPlayback(await getDeps(), authOf(request), actorOf(request), request.params.cameraId, request.body),
    });
    app.post('/api/playback/:cameraId/renew', {
      config: { access: playbackPolicy.renew },
      schema: {
        tags,
        summary: 'Renew the token of a running playback (same nonce, session and camera)',
        params: recordingCameraParamsSchema,
        body: playbackRenewRequestSchema,
        response: { 200: playbackTokenSchema },
      },
      handler: async (request) => renewPlayback(await getDeps(), authOf(request), request.params.cameraId, request.body),
    });
    app.get('/api/playback/:cameraId/media', {
      config: { access: playbackPolicy.media },
      schema: {
        tags,
        summary: 'fMP4 bytes (init + fragments from a keyframe at or before `at`) of a recorded camera',
        params: recordingCameraParamsSchema,
        querystring: playbackMediaQuerySchema,
        headers: z.object({ [PLAYBACK_HEADERS.token]: z.string().max(4096), [PLAYBACK_HEADERS.nonce]: z.string().max(200) }),
      },
      handler: async (request, reply) => {
        const d = await getDeps();
        const h = request.headers as Record<string, string>;
        checkMediaAccess(d, authOf(request), request.params.cameraId, h[PLAYBACK_HEADERS.token]!, h[PLAYBACK_HEADERS.nonce]!);
        const chunk = await playbackChunk(d, request.params.cameraId, new Date(request.query.at), request.query.maxMs);
        reply.header('cache-control', 'no-store');
        if (!chunk) return reply.code(204).send();
        reply.header(PLAYBACK_HEADERS.wallMs, String(Math.round(chunk.wallMs)));
        reply.header(PLAYBACK_HEADERS.mediaStart, String(chunk.mediaStart));
        reply.header(PLAYBACK_HEADERS.endMs, String(Math.round(chunk.endMs)));
        if (chunk.nextMs !== undefined) reply.header(PLAYBACK_HEADERS.nextMs, String(Math.round(chunk.nextMs)));
        if (chunk.fps) reply.header(PLAYBACK_HEADERS.fps, chunk.fps.toFixed(3));
        reply.header('access-control-expose-headers', Object.values(PLAYBACK_HEADERS).join(', '));
        return reply.type('video/mp4').send(chunk.bytes);
      },
    });
    app.post('/api/playback/:cameraId/end', {
      config: { access: playbackPolicy.end },
      schema: {
        tags,
        summary: "The player was closed: ends the caller's playback (audited `playback.ended` with the duration)",
        params: recordingCameraParamsSchema,
        body: playbackEndRequestSchema,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await endPlayback(await getDeps(), authOf(request), actorOf(request), request.params.cameraId, request.body.playbackId);
        return reply.code(204).send(null);
      },
    });
    app.post('/api/playback/:cameraId/nvr/token', {
      config: { access: playbackPolicy.nvr },
      schema: {
        tags,
        summary:
          "Play a range from the partner's own recorder (NVR) through a media node (reason required, audited with source partner_nvr)",
        params: recordingCameraParamsSchema,
        body: playbackTokenRequestSchema,
        response: { 200: nvrPlaybackTokenSchema },
      },
      handler: async (request) =>
        startNvrPlayback(await getDeps(), authOf(request), actorOf(request), request.params.cameraId, request.body),
    });
    app.post('/api/playback/:cameraId/snapshot', {
      config: { access: playbackPolicy.snapshot },
      schema: {
        tags,
        summary: 'Record (audit) that a frame of a playback was captured as a snapshot',
        params: recordingCameraParamsSchema,
        body: playbackSnapshotRequestSchema,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await recordSnapshot(await getDeps(), authOf(request), actorOf(request), request.params.cameraId, request.body);
        return reply.code(204).send(null);
      },
    });
  };
}
