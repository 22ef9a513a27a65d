import { createHash, timingSafeEqual } from 'node:crypto';
import net from 'node:net';

/**
 * Who may scrape `/metrics` — the API's and every media node's (issue 12 item 10): metrics name
 * routes, counts and timings, which helps an attacker map the platform, so they are not public.
 * Allowed: a request from this machine (loopback peer and no X-Forwarded-For: a reverse proxy on
 * the same host adds one, so traffic it relays from outside is not "local"), or a request carrying
 * `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time).
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

export interface MetricsRequest {
  remoteAddress: string | undefined;
  authorization: string | string[] | undefined;
  forwarded: boolean;
}

export function mayReadMetrics(req: MetricsRequest, token: string | undefined): boolean {
  const auth = req.authorization;
  if (token && typeof auth === 'string' && auth.startsWith('Bearer ') && sameSecret(auth.slice(7).trim(), token)) return true;
  return !req.forwarded && isLoopback(req.remoteAddress ?? '');
}
