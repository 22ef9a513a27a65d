import multipart from '@fastify/multipart';
import { authenticityCodeSchema, documentVerificationSchema, publicDocumentSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { documentsPolicy } from './documents.policy.js';
import { lookupDocument, verifyDocument } from './documents.service.js';

const tags = ['documents'];

export function documentsRoutes(deps: { db: Db; config: Config }): FastifyPluginAsyncZod {
  const maxBytes = deps.config.uploads.maxBytes;
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });

    app.get('/api/public/documents/:code', {
      config: { access: documentsPolicy.lookup },
      schema: {
        tags,
        summary: 'Authenticity check: metadata and SHA-256 of the act issued under a code',
        params: z.object({ code: authenticityCodeSchema }),
        response: { 200: publicDocumentSchema },
      },
      handler: async (request) => lookupDocument(deps.db, request.params.code),
    });

    app.post('/api/public/documents/verify', {
      config: { access: documentsPolicy.verify },
      schema: {
        tags,
        summary: 'Upload a copy (multipart: field "code" first, then "file") and check it against the issued SHA-256',
        consumes: ['multipart/form-data'],
        response: { 200: documentVerificationSchema },
      },
      handler: async (request) => {
        const part = await request.file();
        if (!part) throw new AppError('BAD_REQUEST', 'Envie o arquivo no campo "file".');
        const raw = (part.fields.code as { value?: unknown } | undefined)?.value;
        const code = authenticityCodeSchema.safeParse(typeof raw === 'string' ? raw : '');
        if (!code.success) {
          part.file.resume();
          throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'code', message: code.error.issues[0]!.message }]);
        }
        return verifyDocument(deps.db, code.data, part, maxBytes);
      },
    });
  };
}
