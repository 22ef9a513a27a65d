import net from 'node:net';

/**
 * Which peers may tell us the client's address (X-Forwarded-For). Only the reverse proxies named in
 * TRUSTED_PROXIES (IP addresses or CIDR ranges); by default none, so a forged header is ignored and
 * `request.ip` is the socket's peer. Sign-in lockout, the complaint limit and the audit trail's
 * origin all read `request.ip`, so believing any header would let a client pick its own address.
 *
 * The list is handed to Fastify's `trustProxy` (proxy-addr): hops are walked from the socket
 * backwards and the first address not in the list is the client.
 */
export type TrustProxy = false | string[];

const KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, a CIDR range (`10.0.0.0/8`, `fd00::/8`) or a proxy-addr keyword (loopback, linklocal, uniquelocal). */
export function isProxyEntry(entry: string): boolean {
  if (KEYWORDS.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length || !address) return false;
  const family = net.isIP(address);
  if (!family) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export function trustProxyOption(entries: readonly string[]): TrustProxy {
  return entries.length ? [...entries] : false;
}
