import { describe, expect, it } from 'vitest';
import { fractionOf, instantAt, originFor, ticks, windowFor } from './timeline-scale';

describe('playback timeline scale', () => {
  it('maps clicks to instants and back inside the window', () => {
    const now = new Date(2026, 10, 21, 14, 37, 12).getTime();
    const hour = windowFor('hour', now);
    expect(new Date(hour.from).getHours()).toBe(14);
    expect(hour.to - hour.from).toBe(3_600_000);
    expect(instantAt(hour, 0.5)).toBe(hour.from + 1_800_000);
    expect(instantAt(hour, 2)).toBe(hour.to);
    expect(fractionOf(hour, now)).toBeCloseTo((37 * 60 + 12) / 3600);
    const day = windowFor('day', now);
    expect(new Date(day.from).getHours()).toBe(0);
    expect(ticks('day', day)).toHaveLength(13);
    expect(ticks('hour', hour)).toHaveLength(7);
  });

  it('puts the media origin a day before the local midnight', () => {
    const now = new Date(2026, 10, 21, 1, 0, 0).getTime();
    expect(now - originFor(now)).toBe(25 * 3_600_000);
  });
});
