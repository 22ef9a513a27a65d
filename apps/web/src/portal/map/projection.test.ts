import { describe, expect, it } from 'vitest';
import { bboxOf, pathOf, projectionFor, ringsOf } from './projection';

describe('public map projection', () => {
  const square = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-60, -18],
              [-50, -18],
              [-50, -8],
              [-60, -8],
              [-60, -18],
            ],
          ],
        },
      },
    ],
  };

  it('reads rings and their bounding box', () => {
    const rings = ringsOf(square);
    expect(rings).toHaveLength(1);
    expect(bboxOf(rings)).toEqual([-60, -18, -50, -8]);
  });

  it('puts north up and west left, keeping the width', () => {
    const p = projectionFor([-60, -18, -50, -8], 1000);
    expect(p.x(-60)).toBe(0);
    expect(p.x(-50)).toBeCloseTo(1000, 6);
    expect(p.y(-8)).toBe(0);
    expect(p.y(-18)).toBeCloseTo(p.height, 6);
    expect(p.height).toBeGreaterThan(1000); // 10° of latitude are longer than 10° of longitude at 13° S
    expect(pathOf(ringsOf(square), p)).toMatch(/^M0\.0,/);
  });
});
