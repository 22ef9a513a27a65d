import { describe, expect, it } from 'vitest';
import { AuthFailureLimiter, addressKey } from './auth-failure-limiter';

describe('failed authentications per source address', () => {
  it('counts IPv4 as is, IPv4-mapped IPv6 as IPv4 and IPv6 per /64', () => {
    expect(addressKey('200.1.2.3')).toBe('200.1.2.3');
    expect(addressKey('::ffff:200.1.2.3')).toBe('200.1.2.3');
    expect(addressKey('2804:14c:0065:0001:aaaa::1')).toBe('2804:14c:65:1::/64');
    expect(addressKey('2804:14c:65:1:bbbb:cccc:dddd:eeee')).toBe('2804:14c:65:1::/64');
    expect(addressKey('2804::1')).toBe('2804:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('10 failures within 5 minutes block for 15 minutes; older failures fall out of the window', () => {
    let now = 0;
    const l = new AuthFailureLimiter({ maxFailures: 10, windowMs: 5 * 60_000, blockMs: 15 * 60_000, now: () => now });
    for (let i = 0; i < 9; i++) expect(l.fail('200.1.2.3')).toBe(false);
    now = 5 * 60_000 + 1; // the first nine are now older than the window
    expect(l.fail('200.1.2.3')).toBe(false);
    for (let i = 0; i < 8; i++) expect(l.fail('200.1.2.3')).toBe(false);
    expect(l.isBlocked('200.1.2.3')).toBe(false);
    expect(l.fail('200.1.2.3')).toBe(true);
    expect(l.isBlocked('200.1.2.3')).toBe(true);
    expect(l.isBlocked('200.1.2.4')).toBe(false);
    expect(l.blockedCount).toBe(1);
    now += 15 * 60_000 - 1;
    expect(l.isBlocked('200.1.2.3')).toBe(true);
    now += 1;
    expect(l.isBlocked('200.1.2.3')).toBe(false);
  });

  it('remembers a bounded number of addresses', () => {
    const l = new AuthFailureLimiter({ maxFailures: 2, windowMs: 1000, blockMs: 1000, maxTracked: 3, now: () => 0 });
    for (const a of ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4']) l.fail(a);
    expect(l.fail('1.1.1.1')).toBe(false); // forgotten (oldest), so this is its first failure again
    expect(l.fail('4.4.4.4')).toBe(true);
  });
});
