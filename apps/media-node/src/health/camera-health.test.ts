import { describe, expect, it } from 'vitest';
import { isReceiving } from './camera-health.js';

describe('isReceiving (watchdog)', () => {
  it('is down without any frame or after the watchdog window', () => {
    expect(isReceiving(undefined, 10_000, 4000)).toBe(false);
    expect(isReceiving(5000, 10_000, 4000)).toBe(false);
    expect(isReceiving(7000, 10_000, 4000)).toBe(true);
  });
});
