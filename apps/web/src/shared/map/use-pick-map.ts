import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { MAP_TILES_ATTRIBUTION, MAP_TILES_URL } from './map-config';

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * A Leaflet map one clicks to pick a position (camera points, a mission's itinerary): tiles from
 * MAP_TILES_URL — if they fail (offline machine) the map stays usable without a background
 * (`tilesFailed`); if Leaflet cannot start at all, `mapFailed` and the caller falls back to typed
 * coordinates. `layer` is the group the caller redraws its shapes into; `map` fits bounds.
 */
export function usePickMap(view: { center: L.LatLngExpression; zoom: number }, onPick: ((lat: number, lon: number) => void) | undefined) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [mapFailed, setMapFailed] = useState(false);
  pick.current = onPick;
  const initial = useRef(view);

  useEffect(() => {
    if (!container.current) return;
    let instance: L.Map;
    try {
      instance = L.map(container.current, { center: initial.current.center, zoom: initial.current.zoom, attributionControl: true });
    } catch {
      setMapFailed(true);
      return;
    }
    const tiles = L.tileLayer(MAP_TILES_URL, { attribution: MAP_TILES_ATTRIBUTION, maxZoom: 19 });
    let errors = 0;
    tiles.on('tileerror', () => {
      errors += 1;
      if (errors === 1) setTilesFailed(true);
      if (errors > 4) instance.removeLayer(tiles);
    });
    tiles.addTo(instance);
    instance.on('click', (e: L.LeafletMouseEvent) => pick.current?.(round(e.latlng.lat), round(e.latlng.lng)));
    layer.current = L.layerGroup().addTo(instance);
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
      layer.current = null;
    };
  }, []);

  return { container, map, layer, tilesFailed, mapFailed };
}
