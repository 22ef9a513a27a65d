import type { CameraMapItem, CameraStatus, CameraStatusCounts } from '@vigia/contracts';
import { cameraStatuses } from '@vigia/contracts';
import Supercluster from 'supercluster';

/** Point properties: the camera itself (single cameras are answered as they are), one status counted. */
export type PointProps = { camera: CameraMapItem } & CameraStatusCounts;
export type ClusterIndex = Supercluster<PointProps, CameraStatusCounts>;

export const zeroCounts = (): CameraStatusCounts => ({ online: 0, offline: 0, pending: 0, disabled: 0 });

/**
 * Clustering parameters: the same as the web map had when it clustered in the browser (60 px at
 * the map's 256 px tiles; from zoom 18 on, every camera stands alone).
 */
export const CLUSTER_RADIUS = 60;
export const CLUSTER_MAX_ZOOM = 17;

/**
 * Supercluster index of `items`, each cluster carrying how many cameras of each status it holds.
 * Synchronous: 20,000 cameras take tens of milliseconds of the event loop (docs/benchmarks.md);
 * the cache (map-index-cache.ts) builds one per scope and status filter, not per request.
 */
export function buildClusterIndex(items: readonly CameraMapItem[]): ClusterIndex {
  const index = new Supercluster<PointProps, CameraStatusCounts>({
    radius: CLUSTER_RADIUS,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: (p) => ({ online: p.online, offline: p.offline, pending: p.pending, disabled: p.disabled }),
    reduce: (acc, p) => {
      for (const s of cameraStatuses) acc[s] += p[s];
    },
  });
  index.load(
    items.map((camera) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [camera.longitude, camera.latitude] },
      properties: { camera, ...zeroCounts(), [camera.status]: 1 },
    })),
  );
  return index;
}

/** What a scope's cameras summarise to, whatever the viewport: the legend's counts and the first fit. */
export function summarise(items: readonly CameraMapItem[]): {
  statusCounts: CameraStatusCounts;
  bounds: [number, number, number, number] | null;
} {
  const statusCounts = zeroCounts();
  if (!items.length) return { statusCounts, bounds: null };
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const c of items) {
    statusCounts[c.status] += 1;
    w = Math.min(w, c.longitude);
    e = Math.max(e, c.longitude);
    s = Math.min(s, c.latitude);
    n = Math.max(n, c.latitude);
  }
  return { statusCounts, bounds: [w, s, e, n] };
}

/** The cache key of a status filter (undefined = every status). */
export function statusKey(statuses: readonly CameraStatus[] | undefined): string {
  return statuses ? [...new Set(statuses)].sort().join(',') : '*';
}
