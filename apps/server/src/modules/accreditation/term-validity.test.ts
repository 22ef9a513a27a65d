import { describe, expect, it } from 'vitest';
import { termPeriod } from './term-validity.js';

describe('Art. 5 §3 — 5-year cooperation, renewed automatically while operating', () => {
  it('first period ends the day before the fifth anniversary', () => {
    expect(termPeriod('2026-11-23', '2026-11-23', true)).toEqual({ currentPeriodEndsOn: '2031-11-22', renewals: 0 });
    expect(termPeriod('2026-11-23', '2031-11-22', true)).toEqual({ currentPeriodEndsOn: '2031-11-22', renewals: 0 });
  });
  it('renews automatically, period after period, while the cooperation operates', () => {
    expect(termPeriod('2026-11-23', '2031-11-23', true)).toEqual({ currentPeriodEndsOn: '2036-11-22', renewals: 1 });
    expect(termPeriod('2026-11-23', '2040-01-01', true)).toEqual({ currentPeriodEndsOn: '2041-11-22', renewals: 2 });
  });
  it('an ended cooperation is not renewed', () => {
    expect(termPeriod('2026-11-23', '2031-11-23', false)).toEqual({ currentPeriodEndsOn: null, renewals: 0 });
  });
  it('29 February signatures fall on 28 February', () => {
    expect(termPeriod('2028-02-29', '2028-03-01', true).currentPeriodEndsOn).toBe('2033-02-27');
  });
});
