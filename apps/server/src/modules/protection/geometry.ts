/** [latitude, longitude] in degrees. */
export type LatLon = readonly [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * Distance in meters from a point to the segment a–b, on a local equirectangular projection
 * centred on the point (accurate to well under 1% at the few kilometres of a route leg).
 */
export function pointToSegmentMeters(p: LatLon, a: LatLon, b: LatLon): number {
  return projectOnSegment(p, a, b).meters;
}

/** The distance to a–b and where the nearest point lies on it (t: 0 at a, 1 at b). */
function projectOnSegment(p: LatLon, a: LatLon, b: LatLon): { meters: number; t: number } {
  const k = Math.cos(p[0] * RAD) * RAD * EARTH_RADIUS_M;
  const toXY = (q: LatLon): [number, number] => [(q[1] - p[1]) * k, (q[0] - p[0]) * RAD * EARTH_RADIUS_M];
  const [ax, ay] = toXY(a);
  const [bx, by] = toXY(b);
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return { meters: Math.hypot(ax + t * dx, ay + t * dy), t };
}

/**
 * Distance in meters from a point to a polyline (or a single point) and where along it the nearest
 * point lies (`position`: segment index + t), to order what is passed on the way.
 */
export function nearestOnPolyline(p: LatLon, line: readonly LatLon[]): { meters: number; position: number } {
  if (line.length === 1) return { meters: pointToSegmentMeters(p, line[0]!, line[0]!), position: 0 };
  let best = { meters: Number.POSITIVE_INFINITY, position: 0 };
  for (let i = 1; i < line.length; i++) {
    const hit = projectOnSegment(p, line[i - 1]!, line[i]!);
    if (hit.meters < best.meters) best = { meters: hit.meters, position: i - 1 + hit.t };
  }
  return best;
}
