import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';

/**
 * Maps every error to the stable body `{ error: { code, message, details? } }`. Validation errors
 * list each field in Portuguese; a 5xx never leaks its internal message.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, 'app error');
      return reply.code(err.status).send(err.toBody(request.id));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: String(v.instancePath || '')
          .replace(/^\//, '')
          .replaceAll('/', '.'),
        message: v.message ?? 'Valor inválido.',
      }));
      return reply.code(400).send(new AppError('VALIDATION_FAILED', undefined, details).toBody(request.id));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(new AppError('PAYLOAD_TOO_LARGE').toBody(request.id));
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send(new AppError('UNSUPPORTED_MEDIA_TYPE').toBody(request.id));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(new AppError('BAD_REQUEST').toBody(request.id));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(new AppError('INTERNAL').toBody(request.id));
  });
}
