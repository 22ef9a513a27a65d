import { describe, expect, it } from 'vitest';
import { installationDueOn, loanPeriod, remindersDue } from './loan-period.js';

describe('Art. 18 §4 — loan up to 5 years, renewed automatically while the cooperation operates', () => {
  it('first period ends the day before the fifth anniversary of pickup', () => {
    expect(loanPeriod('2026-03-10', '2026-03-10', true)).toEqual({ currentPeriodEndsOn: '2031-03-09', renewals: 0, returnDue: false });
  });
  it('renews for a new 5-year period while the cooperation operates', () => {
    expect(loanPeriod('2020-03-10', '2026-01-01', true)).toEqual({ currentPeriodEndsOn: '2030-03-09', renewals: 1, returnDue: false });
  });
  it('never renews once the cooperation stopped, and the return is due', () => {
    expect(loanPeriod('2020-03-10', '2026-01-01', false)).toEqual({ currentPeriodEndsOn: '2025-03-09', renewals: 0, returnDue: true });
  });
});

describe('guide §04 — 90 days to install, reminders at 30, 60 and 80 days', () => {
  it('counts calendar days from pickup', () => {
    expect(installationDueOn('2026-01-01')).toBe('2026-04-01');
  });
  it('lists the reminders due and not yet sent', () => {
    expect(remindersDue('2026-01-01', '2026-01-30', [])).toEqual([]);
    expect(remindersDue('2026-01-01', '2026-01-31', [])).toEqual([30]);
    expect(remindersDue('2026-01-01', '2026-03-23', [30])).toEqual([60, 80]);
    expect(remindersDue('2026-01-01', '2026-03-23', [30, 60, 80])).toEqual([]);
  });
});
