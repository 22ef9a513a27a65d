import { exportCreateSchema, exportJobSchema, exportVerificationSchema, idParamSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/app-deps.js';
import { actorOf, authOf } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { sendZip } from '../../http/send-file.js';
import { downloadExport } from './download-export.js';
import { listExports, requestExport, viewExport } from './export-jobs.js';
import { loadExportSigningKey } from './export-signing.js';
import { exportsPolicy as policy } from './exports.policy.js';
import { verifyExportZip } from './verify-export-zip.js';

const tags = ['exports'];
const MAX_VERIFY_CONCURRENT = 2;

/** Export jobs (request, progress, download) and the public package verification. */
export function exportsRoutes({ config, database }: AppDeps): FastifyPluginAsyncZod {
  const db = database.db;
  let verifying = 0;
  return async (app) => {
    app.addContentTypeParser(
      ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: config.exports.verifyMaxBytes },
      (_req, body, done) => done(null, body),
    );
    app.post('/api/exports', {
      config: { access: policy.request },
      schema: {
        tags,
        summary: 'Request an export package (cameras in scope, UTC range ≤ 7 days, reason); built by the export-build job',
        body: exportCreateSchema,
        response: { 200: exportJobSchema },
      },
      handler: async (request) => requestExport(db, { auth: authOf(request), actor: actorOf(request) }, request.body),
    });
    app.get('/api/exports', {
      config: { access: policy.view },
      schema: {
        tags,
        summary: 'Own export jobs (admins: all), newest first',
        response: { 200: z.object({ exports: z.array(exportJobSchema) }) },
      },
      handler: async (request) => ({ exports: await listExports(db, authOf(request)) }),
    });
    app.get('/api/exports/:id', {
      config: { access: policy.view },
      schema: { tags, summary: 'An export job with its progress (0–100)', params: idParamSchema, response: { 200: exportJobSchema } },
      handler: async (request) => viewExport(db, authOf(request), request.params.id),
    });
    app.get('/api/exports/:id/download', {
      config: { access: policy.download },
      schema: {
        tags,
        summary: 'Download the package as a ZIP (MP4s, signed manifest, LEIA-ME, signed custody log); audited',
        params: idParamSchema,
      },
      handler: async (request, reply) =>
        sendZip(
          reply,
          await downloadExport(
            db,
            { dataDir: config.dataDir, signingKey: config.exports.signingKey },
            { auth: authOf(request), actor: actorOf(request) },
            request.params.id,
          ),
        ),
    });
    app.post('/api/public/exports/verify', {
      config: { access: policy.verify },
      bodyLimit: config.exports.verifyMaxBytes,
      schema: {
        tags,
        summary:
          'Verify an export package ZIP (body: application/zip) against the published key; names every altered file; a ZIP bomb is refused (413 ZIP_TOO_LARGE_INFLATED)',
        response: { 200: exportVerificationSchema },
      },
      handler: async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw new AppError('VALIDATION_FAILED', 'Envie o arquivo ZIP do pacote (Content-Type: application/zip).');
        if (verifying >= MAX_VERIFY_CONCURRENT) throw new AppError('EXPORT_VERIFY_BUSY');
        verifying++;
        try {
          const key = await loadExportSigningKey({ envKey: config.exports.signingKey, dataDir: config.dataDir });
          return await verifyExportZip(body, key.publicKeyPem, config.exports.verifyZip);
        } finally {
          verifying--;
        }
      },
    });
  };
}
