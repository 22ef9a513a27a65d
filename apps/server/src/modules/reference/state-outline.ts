import { lazy, readDataset } from './csv.js';

/** [longitude, latitude], GeoJSON order. */
export type Position = readonly [number, number];
export type Ring = readonly Position[];

export interface StateOutline {
  /** Rings of every polygon (outer rings and holes); even-odd rule decides inside. */
  rings: readonly Ring[];
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: readonly [number, number, number, number];
}

/**
 * Points closer than this to the outline (in degrees, ≈0.1 mm) count as ON the boundary, and
 * boundary points count as inside. The outline itself is only precise to ≈1 m (5 decimals), so
 * within metres of the state line the answer reflects the data, not the ground.
 */
const EDGE_TOLERANCE_DEG = 1e-9;

interface GeoJsonGeometry {
  type: string;
  coordinates: unknown;
}

function toRing(raw: unknown): Ring {
  if (!Array.isArray(raw)) throw new Error('mt_estado_limite.geojson: ring is not an array');
  return raw.map((p): Position => {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
      throw new Error('mt_estado_limite.geojson: bad position');
    }
    return [p[0], p[1]];
  });
}

function polygonsOf(geometry: GeoJsonGeometry): unknown[][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as unknown[]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as unknown[][];
  throw new Error(`mt_estado_limite.geojson: unsupported geometry ${geometry.type}`);
}

export const loadStateOutline = lazy((): StateOutline => {
  const doc = JSON.parse(readDataset('mt_estado_limite.geojson')) as {
    features?: { geometry: GeoJsonGeometry }[];
    geometry?: GeoJsonGeometry;
  };
  const geometries = doc.features ? doc.features.map((f) => f.geometry) : doc.geometry ? [doc.geometry] : [];
  const rings = geometries.flatMap((g) => polygonsOf(g).flatMap((poly) => poly.map(toRing)));
  if (rings.length === 0) throw new Error('mt_estado_limite.geojson: no polygon');
  let minLon = Infinity,
    minLat = Infinity,
    maxLon = -Infinity,
    maxLat = -Infinity;
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return { rings, bbox: [minLon, minLat, maxLon, maxLat] };
});

function onSegment(x: number, y: number, a: Position, b: Position): boolean {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  const px = ax + t * dx - x;
  const py = ay + t * dy - y;
  return px * px + py * py <= EDGE_TOLERANCE_DEG * EDGE_TOLERANCE_DEG;
}

/**
 * Even-odd ray casting against the given rings. A horizontal ray goes east from the point; the
 * half-open test `(yi > y) !== (yj > y)` counts a vertex lying exactly on the ray once, so the
 * result is deterministic. Points on an edge or vertex (see EDGE_TOLERANCE_DEG) are inside.
 */
export function pointInRings(lon: number, lat: number, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j]!;
      const b = ring[i]!;
      if (onSegment(lon, lat, a, b)) return true;
      const [xi, yi] = b;
      const [xj, yj] = a;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Whether a WGS84 point lies in Mato Grosso (Decree 1.522/2022 Art. 3 sole §: only properties and
 * cameras inside the state are admitted). Non-finite or out-of-range input returns false.
 */
export function isInsideMatoGrosso(latitude: number, longitude: number): boolean {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return false;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return false;
  const { rings, bbox } = loadStateOutline();
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const slack = EDGE_TOLERANCE_DEG;
  if (longitude < minLon - slack || longitude > maxLon + slack || latitude < minLat - slack || latitude > maxLat + slack) {
    return false;
  }
  return pointInRings(longitude, latitude, rings);
}
