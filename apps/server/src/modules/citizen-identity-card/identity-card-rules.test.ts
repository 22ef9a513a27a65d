import { describe, expect, it } from 'vitest';
import { ageOn, nextStage, validityUntil } from './identity-card-rules.js';

describe('Decreto 10.977/2022 — validity of the identity card by the holder’s age', () => {
  it('under 12: 5 years', () => {
    expect(validityUntil('2015-06-10', '2026-06-09')).toBe('2031-06-09');
  });
  it('from 12 to 59: 10 years (12 reached on the birthday)', () => {
    expect(validityUntil('2014-06-10', '2026-06-10')).toBe('2036-06-10');
    expect(validityUntil('1967-06-11', '2026-06-10')).toBe('2036-06-10');
  });
  it('60 or more: indefinite', () => {
    expect(validityUntil('1966-06-10', '2026-06-10')).toBeNull();
  });
  it('a 29 February issue ends on 1 March when the target year is not a leap year', () => {
    expect(validityUntil('1990-01-01', '2028-02-29')).toBe('2038-03-01');
  });
  it('counts age in whole years', () => {
    expect(ageOn('2000-12-31', '2026-12-30')).toBe(25);
    expect(ageOn('2000-12-31', '2026-12-31')).toBe(26);
  });
});

describe('stages', () => {
  it('go scheduled → biometrics → production → shipped → available → delivered', () => {
    expect(nextStage('scheduled')).toBe('biometrics');
    expect(nextStage('available')).toBe('delivered');
    expect(nextStage('delivered')).toBeNull();
    expect(nextStage('awaiting_payment')).toBeNull();
  });
});
