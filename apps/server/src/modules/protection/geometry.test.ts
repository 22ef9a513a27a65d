import { describe, expect, it } from 'vitest';
import { nearestOnPolyline, pointToSegmentMeters } from './geometry.js';

describe('point-to-segment distance in meters', () => {
  it('measures the perpendicular distance to the middle of a segment (0.001° of latitude ≈ 111 m)', () => {
    const d = pointToSegmentMeters([-15.601, -56.1], [-15.6, -56.11], [-15.6, -56.09]);
    expect(d).toBeGreaterThan(110);
    expect(d).toBeLessThan(112);
  });

  it('measures to the nearer end when the foot of the perpendicular falls outside the segment', () => {
    const d = pointToSegmentMeters([-15.6, -56.08], [-15.6, -56.11], [-15.6, -56.09]);
    // 0.01° of longitude at 15.6° S ≈ 1071 m
    expect(d).toBeGreaterThan(1065);
    expect(d).toBeLessThan(1077);
  });

  it('takes the nearest segment of a polyline and handles a degenerate segment', () => {
    const line = [
      [-15.6, -56.11],
      [-15.6, -56.1],
      [-15.59, -56.1],
    ] as const;
    const hit = nearestOnPolyline([-15.595, -56.1], line);
    expect(hit.meters).toBeLessThan(1);
    expect(hit.position).toBeCloseTo(1.5, 2);
    expect(nearestOnPolyline([-15.6, -56.1], [[-15.6, -56.1]]).meters).toBe(0);
  });
});
