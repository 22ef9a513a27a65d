import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { MAP_TILES_ATTRIBUTION, MAP_TILES_URL } from '../accreditation/map/map-config';

export type LatLng = [number, number];
export interface DrawnLeg {
  name: string;
  alternate: boolean;
  points: LatLng[];
}

/** Cuiabá, where most missions start; the map fits the drawn route once there is one. */
const CUIABA: LatLng = [-15.598, -56.097];

/**
 * Leaflet map of the itinerary: every leg as a line (alternates dashed), the leg being edited in
 * red; a click adds a point to it. Same tiles as the other maps (offline: drawn without a background).
 */
export function RouteDrawMap({ legs, current, onPick }: { legs: DrawnLeg[]; current: number; onPick: (p: LatLng) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  const fitted = useRef(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [mapFailed, setMapFailed] = useState(false);
  pick.current = onPick;

  useEffect(() => {
    if (!container.current) return;
    let instance: L.Map;
    try {
      instance = L.map(container.current, { center: CUIABA, zoom: 13 });
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
    instance.on('click', (e: L.LeafletMouseEvent) => pick.current([round(e.latlng.lat), round(e.latlng.lng)]));
    layer.current = L.layerGroup().addTo(instance);
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
      layer.current = null;
    };
  }, []);

  useEffect(() => {
    const group = layer.current;
    const instance = map.current;
    if (!group || !instance) return;
    group.clearLayers();
    legs.forEach((leg, i) => {
      const color = i === current ? '#c4001a' : '#1351b4';
      if (leg.points.length > 1)
        L.polyline(leg.points, { color, weight: 4, ...(leg.alternate ? { dashArray: '8 6' } : {}) })
          .bindTooltip(leg.name || `Trecho ${i + 1}`)
          .addTo(group);
      for (const p of leg.points) L.circleMarker(p, { radius: 5, color, weight: 2, fillOpacity: 0.8 }).addTo(group);
    });
    const all = legs.flatMap((l) => l.points);
    if (!fitted.current && all.length > 1) {
      fitted.current = true;
      instance.fitBounds(L.latLngBounds(all), { maxZoom: 15, padding: [30, 30] });
    }
  }, [legs, current]);

  if (mapFailed) return <p className="text-down-01">O mapa não pôde ser exibido; informe as coordenadas nos campos.</p>;
  const description = 'Mapa do itinerário: clique para acrescentar um ponto ao trecho em edição.';
  return (
    <figure className="mb-3">
      <div ref={container} className="vigia-map" role="application" aria-label={description} data-testid="route-draw-map" />
      <figcaption className="text-down-01 mt-1">
        {description}
        {tilesFailed && ' Sem conexão com o servidor de mapas: o mapa aparece sem imagem de fundo, só com o traçado.'}
      </figcaption>
    </figure>
  );
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
