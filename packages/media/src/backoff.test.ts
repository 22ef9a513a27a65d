import { describe, expect, it } from 'vitest';
import { computeBackoff } from './backoff';

describe('computeBackoff', () => {
  const mid = () => 0.5; // no jitter offset

  it('grows exponentially from initialMs', () => {
    const o = { initialMs: 100, maxMs: 10_000, factor: 2, jitter: 0.2 };
    expect([0, 1, 2, 3].map((a) => computeBackoff(a, o, mid))).toEqual([100, 200, 400, 800]);
  });

  it('is capped at maxMs, jitter included', () => {
    const o = { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0.5 };
    expect(computeBackoff(10, o, mid)).toBe(1000);
    expect(computeBackoff(10, o, () => 0.999)).toBe(1000);
    expect(computeBackoff(10_000, o, mid)).toBe(1000);
  });

  it('applies symmetric jitter', () => {
    const o = { initialMs: 1000, maxMs: 60_000, factor: 2, jitter: 0.2 };
    expect(computeBackoff(0, o, () => 0)).toBe(800);
    expect(computeBackoff(0, o, () => 0.9999999)).toBe(1200);
  });

  it('handles negative or fractional attempts and uses defaults', () => {
    expect(computeBackoff(-3, { jitter: 0 })).toBe(500);
    expect(computeBackoff(1.7, { jitter: 0 })).toBe(1000);
    const d = computeBackoff(100);
    expect(d).toBeGreaterThanOrEqual(24_000);
    expect(d).toBeLessThanOrEqual(30_000);
  });
});
