import { lookup } from 'node:dns/promises';
import net from 'node:net';

/**
 * SSRF guard for connections the platform opens to camera addresses (self-test, ingest). In
 * production, addresses in loopback, private, shared (CGNAT), link-local (including cloud metadata
 * 169.254.169.254), unspecified, multicast and reserved ranges are refused unless an administrator
 * allowed a range. Every address a name resolves to is checked, so a DNS name cannot smuggle a
 * private address past the guard.
 */
const blockedV4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const blockedV6: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
];

function buildList(ranges: [string, number][], type: 'ipv4' | 'ipv6'): net.BlockList {
  const list = new net.BlockList();
  for (const [addr, prefix] of ranges) list.addSubnet(addr, prefix, type);
  return list;
}
const blocked4 = buildList(blockedV4, 'ipv4');
const blocked6 = buildList(blockedV6, 'ipv6');

/** Parses "10.20.0.0/16" style ranges an administrator allowed. Throws on malformed input. */
export function parseAllowedRanges(cidrs: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const [addr, bits] = cidr.split('/');
    const type = net.isIPv4(addr ?? '') ? 'ipv4' : net.isIPv6(addr ?? '') ? 'ipv6' : null;
    const prefix = Number(bits);
    if (!type || !Number.isInteger(prefix) || prefix < 0 || prefix > (type === 'ipv4' ? 32 : 128)) {
      throw new Error(`invalid CIDR range: ${cidr}`);
    }
    list.addSubnet(addr!, prefix, type);
  }
  return list;
}

export function isBlockedAddress(address: string): boolean {
  if (net.isIPv4(address)) return blocked4.check(address, 'ipv4');
  if (net.isIPv6(address)) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked4.check(mapped[1]!, 'ipv4');
    return blocked6.check(address, 'ipv6');
  }
  return true;
}

export interface OutboundPolicy {
  /** Off in development and tests (simulated cameras live on loopback). */
  enforce: boolean;
  allowed: net.BlockList;
}

export type OutboundVerdict = { ok: true; addresses: string[] } | { ok: false; reason: 'dns_failed' | 'blocked_address'; address?: string };

/** Resolves `host` and checks every address against the policy. */
export async function checkOutbound(
  host: string,
  policy: OutboundPolicy,
  resolve: (h: string) => Promise<string[]> = async (h) => (await lookup(h, { all: true, verbatim: true })).map((a) => a.address),
): Promise<OutboundVerdict> {
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : await resolve(host);
  } catch {
    return { ok: false, reason: 'dns_failed' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'dns_failed' };
  if (!policy.enforce) return { ok: true, addresses };
  for (const a of addresses) {
    const type = net.isIPv4(a) ? 'ipv4' : 'ipv6';
    if (isBlockedAddress(a) && !policy.allowed.check(a, type)) return { ok: false, reason: 'blocked_address', address: a };
  }
  return { ok: true, addresses };
}
