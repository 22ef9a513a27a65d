import dns from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF guard for the node's own connections to cameras (production): the host is resolved, every
 * address must be public (or inside CAMERA_ALLOWED_RANGES), and the connection then uses the checked
 * address — never the name again, so DNS cannot rebind between check and use. Mirrors the API's
 * outbound guard (apps/server/src/modules/cameras/outbound-guard.ts), which the node may not import.
 */
const V4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];
const V6 = ['::/128', '::1/128', 'fc00::/7', 'fe80::/10', 'ff00::/8', '2001:db8::/32', '64:ff9b::/96', '100::/64'];

const blocked = new BlockList();
for (const r of V4) blocked.addSubnet(r.split('/')[0]!, Number(r.split('/')[1]), 'ipv4');
for (const r of V6) blocked.addSubnet(r.split('/')[0]!, Number(r.split('/')[1]), 'ipv6');

export function parseRanges(list: string[]): BlockList {
  const b = new BlockList();
  for (const r of list) {
    const [addr, bits] = r.split('/');
    const fam = isIP(addr ?? '');
    if (!fam || bits === undefined || !/^\d+$/.test(bits)) throw new Error(`CAMERA_ALLOWED_RANGES: bad range ${r}`);
    b.addSubnet(addr!, Number(bits), fam === 4 ? 'ipv4' : 'ipv6');
  }
  return b;
}

export function isBlockedAddress(ip: string, allowed?: BlockList): boolean {
  let fam = isIP(ip);
  let addr = ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) {
    addr = mapped[1]!;
    fam = 4;
  }
  const type = fam === 4 ? 'ipv4' : 'ipv6';
  if (allowed?.check(addr, type)) return false;
  return blocked.check(addr, type);
}

export class BlockedAddress extends Error {}

/** The address to connect to: the host itself when not enforcing, else its checked first address. */
export async function cameraAddress(host: string, opts: { enforce: boolean; allowed?: BlockList }): Promise<string> {
  if (!opts.enforce) return host;
  const addrs = isIP(host) ? [host] : (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  if (!addrs.length || addrs.some((a) => isBlockedAddress(a, opts.allowed)))
    throw new BlockedAddress(`camera address not allowed: ${host}`);
  return addrs[0]!;
}
