import { createHash, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';

/**
 * Who may scrape /metrics (issue 12 item 10): the metrics name routes, counts and timings, which
 * helps an attacker map the platform, so they are not public. Allowed: a request from this machine
 * (loopback peer and no X-Forwarded-For: a reverse proxy on the same host adds one, so traffic it
 * relays from outside is not "local"), or a request carrying `Authorization: Bearer <METRICS_TOKEN>`.
 */
export function isLoopback(address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (net.isIPv4(plain)) return plain.startsWith('127.');
  return plain === '::1';
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function assertMetricsReader(request: FastifyRequest, token: string | undefined): void {
  const auth = request.headers.authorization;
  if (token && typeof auth === 'string' && auth.startsWith('Bearer ') && sameSecret(auth.slice(7).trim(), token)) return;
  const forwarded = request.headers['x-forwarded-for'] !== undefined;
  if (!forwarded && isLoopback(request.socket.remoteAddress ?? '')) return;
  throw new AppError(
    'FORBIDDEN',
    'As métricas só podem ser lidas a partir do próprio servidor ou com o token de métricas (METRICS_TOKEN).',
  );
}
