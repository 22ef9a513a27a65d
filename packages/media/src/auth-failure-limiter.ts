/**
 * Failed authentications per source address, in memory (one limiter per listener, so per media
 * node): `maxFailures` within `windowMs` block the address for `blockMs`. IPv6 addresses count
 * per /64 (one subscriber usually holds a whole /64, so counting single addresses would be
 * trivially bypassed); IPv4-mapped IPv6 counts as the IPv4 address. At most `maxTracked`
 * addresses are remembered: beyond that, expired entries are dropped, then the oldest.
 */
import net from 'node:net';

export interface AuthFailureLimiterOptions {
  maxFailures: number;
  windowMs: number;
  blockMs: number;
  maxTracked?: number;
  now?: () => number;
}

/** The key an address is counted under: IPv4 as is, IPv6 by its /64 prefix. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!net.isIPv6(address)) return address;
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export class AuthFailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly now: () => number;

  constructor(readonly options: AuthFailureLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Addresses currently blocked. */
  get blockedCount(): number {
    const t = this.now();
    let n = 0;
    for (const until of this.blockedUntil.values()) if (until > t) n++;
    return n;
  }

  isBlocked(address: string | undefined): boolean {
    if (!address) return false;
    const key = addressKey(address);
    const until = this.blockedUntil.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.blockedUntil.delete(key);
    return false;
  }

  /** Records one failure; returns true when it blocks the address (from now on). */
  fail(address: string | undefined): boolean {
    if (!address || this.options.maxFailures <= 0) return false;
    const key = addressKey(address);
    const t = this.now();
    const recent = (this.failures.get(key) ?? []).filter((at) => at > t - this.options.windowMs);
    recent.push(t);
    this.failures.delete(key); // re-insert: Map order = least recently failed first
    if (recent.length >= this.options.maxFailures) {
      this.blockedUntil.set(key, t + this.options.blockMs);
      this.trim(this.blockedUntil, (until) => until <= t);
      return true;
    }
    this.failures.set(key, recent);
    this.trim(this.failures, (times) => times[times.length - 1]! <= t - this.options.windowMs);
    return false;
  }

  private trim<V>(map: Map<string, V>, expired: (v: V) => boolean): void {
    const max = this.options.maxTracked ?? 10_000;
    if (map.size <= max) return;
    for (const [k, v] of map) if (expired(v)) map.delete(k);
    for (const k of map.keys()) {
      if (map.size <= max) break;
      map.delete(k);
    }
  }
}
