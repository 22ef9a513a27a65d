import type { ProtectionRoute } from '@vigia/contracts';
import { ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { type LatLon, nearestOnPolyline } from './geometry.js';

export interface RouteCamera {
  id: string;
  name: string;
  status: string;
  distanceMeters: number;
}
export interface RouteStretch {
  kind: 'leg' | 'venue';
  name: string;
  alternate: boolean;
  cameras: RouteCamera[];
}

/**
 * The program's cameras within `maxMeters` of each leg (ordered as they are passed) and of each
 * venue (nearest first), with their health. Disabled cameras are left out.
 */
export async function camerasAlongRoute(db: Queryable, route: ProtectionRoute, maxMeters: number): Promise<RouteStretch[]> {
  const all = await db
    .select({ id: cameras.id, name: cameras.name, status: cameras.status, lat: cameras.latitude, lon: cameras.longitude })
    .from(cameras)
    .where(ne(cameras.status, 'disabled'));
  const near = (line: readonly LatLon[]) =>
    all
      .map((c) => ({ c, hit: nearestOnPolyline([c.lat, c.lon], line) }))
      .filter((x) => x.hit.meters <= maxMeters)
      .sort((x, y) => x.hit.position - y.hit.position || x.hit.meters - y.hit.meters)
      .map(({ c, hit }) => ({ id: c.id, name: c.name, status: c.status, distanceMeters: Math.round(hit.meters) }));
  return [
    ...route.legs.map((l) => ({ kind: 'leg' as const, name: l.name, alternate: l.alternate, cameras: near(l.points) })),
    ...route.venues.map((v) => ({
      kind: 'venue' as const,
      name: v.name,
      alternate: false,
      cameras: near([v.point]).sort((x, y) => x.distanceMeters - y.distanceMeters),
    })),
  ];
}
