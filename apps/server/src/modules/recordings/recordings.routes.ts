import {
  recordingCameraParamsSchema,
  recordingChainReportSchema,
  recordingTimelineQuerySchema,
  recordingTimelineSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { authOf } from '../../http/context.js';
import { recordingStorage } from '../../media-tools/recording-storage.js';
import { loadCamera, playbackScope } from '../cameras/cameras.scope.js';
import { loadExportSigningKey } from '../exports/export-signing.js';
import { recordingTimeline } from './recording-timeline.js';
import { recordingsPolicy } from './recordings.policy.js';
import { verifyRecordings } from './verify-recordings.js';

const tags = ['recordings'];

export function recordingsRoutes({ config, database }: AppDeps): FastifyPluginAsyncZod {
  const storage = recordingStorage(config.dataDir, config.objectStorage?.s3);
  return async (app) => {
    app.get('/api/recordings/:cameraId/timeline', {
      config: { access: recordingsPolicy.timeline },
      schema: {
        tags,
        summary: 'Recorded spans and gaps (with causes) of a camera',
        params: recordingCameraParamsSchema,
        querystring: recordingTimelineQuerySchema,
        response: { 200: recordingTimelineSchema },
      },
      handler: async (request) => {
        const camera = await loadCamera(database.db, playbackScope(authOf(request)), request.params.cameraId);
        return recordingTimeline(database.db, camera.id, new Date(request.query.from), new Date(request.query.to));
      },
    });
    app.post('/api/recordings/:cameraId/verify', {
      config: { access: recordingsPolicy.verify },
      schema: {
        tags,
        summary: 'Verify the hash chain and files of a camera’s recordings, naming every bad segment',
        params: recordingCameraParamsSchema,
        response: { 200: recordingChainReportSchema },
      },
      handler: async (request) => verifyRecordings(database.db, storage, request.params.cameraId),
    });
    app.get('/api/public/exports/public-key', {
      config: { access: recordingsPolicy.publicKey },
      schema: {
        tags,
        summary: 'Ed25519 public key (PEM) of export manifests',
        response: { 200: z.object({ algorithm: z.literal('Ed25519'), publicKey: z.string() }) },
      },
      handler: async () => {
        const key = await loadExportSigningKey({ envKey: config.exports.signingKey, dataDir: config.dataDir });
        return { algorithm: 'Ed25519' as const, publicKey: key.publicKeyPem };
      },
    });
  };
}
