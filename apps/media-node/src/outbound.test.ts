import { describe, expect, it } from 'vitest';
import { cameraAddress, isBlockedAddress, parseRanges } from './outbound';

describe('node outbound guard', () => {
  it('blocks private, loopback, link-local and mapped addresses, admits public ones', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.0.10',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isBlockedAddress(ip), ip).toBe(true);
    }
    for (const ip of ['200.1.2.3', '8.8.8.8', '2804:14c::1']) expect(isBlockedAddress(ip), ip).toBe(false);
  });

  it('admits ranges an administrator allowed', () => {
    expect(isBlockedAddress('10.8.0.5', parseRanges(['10.8.0.0/16']))).toBe(false);
    expect(() => parseRanges(['nope'])).toThrow(/bad range/);
  });

  it('connects to the checked address, or refuses', async () => {
    expect(await cameraAddress('cam.example', { enforce: false })).toBe('cam.example');
    expect(await cameraAddress('200.1.2.3', { enforce: true })).toBe('200.1.2.3');
    await expect(cameraAddress('127.0.0.1', { enforce: true })).rejects.toThrow(/not allowed/);
  });
});
