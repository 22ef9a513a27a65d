/**
 * Plate carrée scaled by cos(latitude) at the centre of Mato Grosso: a faithful-enough flat map
 * of one state for an SVG, with no map library and no tile server (the portal stays light and
 * works on a closed network).
 */
export interface Projection {
  x(longitude: number): number;
  y(latitude: number): number;
  width: number;
  height: number;
}

export function projectionFor(bbox: readonly [number, number, number, number], width = 1000): Projection {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * k);
  const height = (maxLat - minLat) * scale;
  return {
    x: (lon) => (lon - minLon) * k * scale,
    y: (lat) => (maxLat - lat) * scale,
    width,
    height,
  };
}

type Ring = number[][];

/** Polygon rings of a GeoJSON Feature/FeatureCollection/geometry (Polygon and MultiPolygon). */
export function ringsOf(geo: unknown): Ring[] {
  const g = geo as { type?: string; features?: unknown[]; geometry?: unknown; coordinates?: unknown };
  if (g?.type === 'FeatureCollection' && Array.isArray(g.features)) return g.features.flatMap(ringsOf);
  if (g?.type === 'Feature') return ringsOf(g.geometry);
  if (g?.type === 'Polygon') return g.coordinates as Ring[];
  if (g?.type === 'MultiPolygon') return (g.coordinates as Ring[][]).flat();
  return [];
}

export function bboxOf(rings: Ring[]): [number, number, number, number] {
  let minLon = Infinity,
    minLat = Infinity,
    maxLon = -Infinity,
    maxLat = -Infinity;
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      minLon = Math.min(minLon, lon!);
      maxLon = Math.max(maxLon, lon!);
      minLat = Math.min(minLat, lat!);
      maxLat = Math.max(maxLat, lat!);
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}

export function pathOf(rings: Ring[], p: Projection): string {
  return rings.map((ring) => `M${ring.map(([lon, lat]) => `${p.x(lon!).toFixed(1)},${p.y(lat!).toFixed(1)}`).join('L')}Z`).join('');
}
