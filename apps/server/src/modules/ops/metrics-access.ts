import { mayReadMetrics } from '@vigia/contracts/metrics-access';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';

/** Loopback or the METRICS_TOKEN bearer only (`@vigia/contracts/metrics-access`, shared with the media nodes). */
export function assertMetricsReader(request: FastifyRequest, token: string | undefined): void {
  const allowed = mayReadMetrics(
    {
      remoteAddress: request.socket.remoteAddress,
      authorization: request.headers.authorization,
      forwarded: request.headers['x-forwarded-for'] !== undefined,
    },
    token,
  );
  if (allowed) return;
  throw new AppError(
    'FORBIDDEN',
    'As métricas só podem ser lidas a partir do próprio servidor ou com o token de métricas (METRICS_TOKEN).',
  );
}
