import multipart from '@fastify/multipart';
import { idParamSchema, storedFileSchema } from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { actorOf, authOf } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { localFileStorage } from './file-storage.js';
import { filesPolicy } from './files.policy.js';
import { findOwnFile } from './files.repository.js';
import { toStoredFile, uploadFile } from './upload-file.js';

const tags = ['files'];

export function filesRoutes(deps: { db: Db; config: Config }): FastifyPluginAsyncZod {
  const storage = localFileStorage(deps.config.dataDir);
  const maxBytes = deps.config.uploads.maxBytes;
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });

    app.post('/api/files', {
      config: { access: filesPolicy.upload },
      schema: {
        tags,
        summary: 'Upload one file (PDF, JPEG or PNG; checked by content)',
        consumes: ['multipart/form-data'],
        response: { 200: storedFileSchema },
      },
      handler: async (request) => {
        const auth = authOf(request);
        const part = await request.file();
        if (!part) throw new AppError('BAD_REQUEST', 'Envie um arquivo no campo "file".');
        return uploadFile({ db: deps.db, storage, maxBytes }, { ...actorOf(request), id: auth.user.id }, part);
      },
    });

    app.get('/api/files/:id', {
      config: { access: filesPolicy.ownFile },
      schema: { tags, summary: 'Metadata of a file you uploaded', params: idParamSchema, response: { 200: storedFileSchema } },
      handler: async (request) => {
        const row = await findOwnFile(deps.db, authOf(request).user.id, request.params.id);
        if (!row) throw new AppError('NOT_FOUND');
        return toStoredFile(row);
      },
    });
  };
}
