import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { usePickMap } from '../../shared/map/use-pick-map';

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
  const { container, map, layer, tilesFailed, mapFailed } = usePickMap({ center: CUIABA, zoom: 13 }, (lat, lon) => onPick([lat, lon]));
  const fitted = useRef(false);

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
