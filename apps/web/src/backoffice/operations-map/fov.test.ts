import { describe, expect, it } from 'vitest';
import { fovCone } from './fov';

describe('fovCone', () => {
  it('starts at the camera and opens around the heading (90° = east)', () => {
    const cone = fovCone(-15.6, -56.1, 90, 60, 100, 2);
    expect(cone[0]).toEqual([-15.6, -56.1]);
    const middle = cone[2]!;
    expect(middle[0]).toBeCloseTo(-15.6, 6);
    expect(middle[1]).toBeGreaterThan(-56.1);
    // 100 m east at this latitude ≈ 0.000934°
    expect(middle[1] - -56.1).toBeCloseTo(100 / (111_320 * Math.cos((15.6 * Math.PI) / 180)), 7);
  });

  it('points north for heading 0 and draws a circle for a 360° view', () => {
    const north = fovCone(-10, -55, 0, 2, 50, 2);
    expect(north[2]![0]).toBeGreaterThan(-10);
    const ring = fovCone(-10, -55, 0, 360, 50, 8);
    expect(ring).toHaveLength(9);
    expect(ring[0]![0]).toBeCloseTo(ring[8]![0], 9);
  });
});
