import { describe, expect, it } from 'vitest';
import { checkOutbound, isBlockedAddress, parseAllowedRanges } from './outbound-guard.js';

const enforce = { enforce: true, allowed: parseAllowedRanges([]) };

describe('outbound connection guard (SSRF)', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.5',
    '192.168.0.10',
    '169.254.169.254',
    '100.64.1.1',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '224.0.0.1',
  ])('refuses %s', (a) => expect(isBlockedAddress(a)).toBe(true));

  it.each(['200.152.38.1', '177.39.10.20', '2804:14c::1'])('allows public address %s', (a) => expect(isBlockedAddress(a)).toBe(false));

  it('checks every address a name resolves to', async () => {
    const verdict = await checkOutbound('camera.example', enforce, async () => ['200.152.38.1', '10.0.0.7']);
    expect(verdict).toEqual({ ok: false, reason: 'blocked_address', address: '10.0.0.7' });
  });

  it('lets an administrator allow a private range', async () => {
    const policy = { enforce: true, allowed: parseAllowedRanges(['10.20.0.0/16']) };
    expect((await checkOutbound('10.20.3.4', policy)).ok).toBe(true);
    expect((await checkOutbound('10.21.3.4', policy)).ok).toBe(false);
  });

  it('reports a name that does not resolve', async () => {
    const verdict = await checkOutbound('nao-existe.invalid', enforce, async () => {
      throw new Error('ENOTFOUND');
    });
    expect(verdict).toEqual({ ok: false, reason: 'dns_failed' });
  });

  it('does not enforce outside production (simulated cameras on loopback)', async () => {
    expect((await checkOutbound('127.0.0.1', { enforce: false, allowed: parseAllowedRanges([]) })).ok).toBe(true);
  });

  it('rejects a malformed allowed range', () => {
    expect(() => parseAllowedRanges(['10.0.0.0/33'])).toThrow(/invalid CIDR/);
    expect(() => parseAllowedRanges(['câmera/8'])).toThrow(/invalid CIDR/);
  });
});
