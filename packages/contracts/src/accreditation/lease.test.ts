import { describe, expect, it } from 'vitest';
import { addYears, leaseRemainingOk, minimumLeaseEnd } from './lease.js';

describe('Art. 10, I, e and II, d — lease with at least 2 years remaining', () => {
  it('accepts exactly 2 years and more, rejects less', () => {
    expect(leaseRemainingOk('2028-11-21', '2026-11-21')).toBe(true);
    expect(leaseRemainingOk('2030-01-01', '2026-11-21')).toBe(true);
    expect(leaseRemainingOk('2028-11-20', '2026-11-21')).toBe(false);
    expect(leaseRemainingOk('2026-01-01', '2026-11-21')).toBe(false);
  });
  it('handles 29 February', () => {
    expect(addYears('2028-02-29', 2)).toBe('2030-02-28');
    expect(minimumLeaseEnd('2028-02-29')).toBe('2030-02-28');
    expect(leaseRemainingOk('2030-02-28', '2028-02-29')).toBe(true);
  });
  it('rejects malformed dates', () => {
    expect(() => leaseRemainingOk('2028-02-30', '2026-11-21')).toThrow(RangeError);
    expect(() => leaseRemainingOk('2028-11-21', '21/11/2026')).toThrow(RangeError);
  });
});
