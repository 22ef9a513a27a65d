import { describe, expect, it } from 'vitest';
import { limitationOn } from './limitation.js';

describe('Art. 30 §2–3 — 5-year limitation from the accountability report, interrupted by an investigating act', () => {
  it('runs 5 years from the presentation of the report', () => {
    expect(limitationOn('2019-03-01', [], '2024-03-01').timeBarred).toBe(false);
    expect(limitationOn('2019-03-01', [], '2024-03-02').timeBarred).toBe(true);
  });
  it('restarts in full from an investigating act', () => {
    const l = limitationOn('2019-03-01', ['2023-05-10'], '2026-01-01');
    expect(l).toMatchObject({ interruptedOn: '2023-05-10', endsOn: '2028-05-10', timeBarred: false });
  });
  it('an act after the period ran out does not revive it', () => {
    expect(limitationOn('2019-03-01', ['2025-01-01'], '2026-01-01').timeBarred).toBe(true);
  });
  it('has not started without a report', () => {
    expect(limitationOn(null, [], '2040-01-01').timeBarred).toBe(false);
  });
});
