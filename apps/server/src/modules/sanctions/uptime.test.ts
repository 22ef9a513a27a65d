import { describe, expect, it } from 'vitest';
import { cameraUptime, monthBounds } from './uptime.js';

describe('Art. 25 §3 — uptime over health data ("não medido" without it)', () => {
  const { start, end } = monthBounds('2026-06');
  const now = new Date('2026-08-01T00:00:00Z');
  it('is not measured without monitoring', () => {
    expect(cameraUptime(start, end, null, [], now)).toEqual({ percent: null, outageMinutes: 0 });
  });
  it('subtracts outages clipped to the month', () => {
    const r = cameraUptime(
      start,
      end,
      new Date('2026-01-01T00:00:00Z'),
      [{ startedAt: new Date('2026-05-31T00:00:00Z'), endedAt: new Date('2026-06-01T10:00:00Z') }],
      now,
    );
    expect(r.outageMinutes).toBe(6 * 60);
    expect(r.percent).toBeCloseTo(99.17, 1);
  });
  it('counts only from the start of monitoring', () => {
    const r = cameraUptime(start, end, new Date('2026-06-16T04:00:00Z'), [], now);
    expect(r.percent).toBe(100);
  });
});
