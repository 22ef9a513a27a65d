import L from 'leaflet';
import { useEffect } from 'react';
import { MT_CENTER, MT_ZOOM } from '../../../shared/map/map-config';
import { usePickMap } from '../../../shared/map/use-pick-map';

export interface MapPoint {
  key: string | number;
  label: string;
  latitude: number;
  longitude: number;
  selected?: boolean;
}

interface Props {
  points: MapPoint[];
  /** Called with the clicked position; omit for a read-only map. */
  onPick?: (latitude: number, longitude: number) => void;
  /** Accessible description of what clicking does. */
  description: string;
  id?: string;
}

/**
 * Leaflet map of camera points. Tiles come from MAP_TILES_URL; if they fail (offline machine), the
 * map stays usable without a background and says so. The map never blocks the form: coordinates
 * are also typed in fields.
 */
export function PointMap({ points, onPick, description, id }: Props) {
  const { container, map, layer, tilesFailed, mapFailed } = usePickMap({ center: MT_CENTER, zoom: MT_ZOOM }, onPick);

  useEffect(() => {
    const group = layer.current;
    const instance = map.current;
    if (!group || !instance) return;
    group.clearLayers();
    const valid = points.filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude));
    for (const p of valid) {
      L.circleMarker([p.latitude, p.longitude], {
        radius: p.selected ? 9 : 7,
        color: p.selected ? '#c4001a' : '#1351b4',
        weight: 2,
        fillOpacity: 0.7,
      })
        .bindTooltip(p.label, { permanent: valid.length <= 10, direction: 'top' })
        .addTo(group);
    }
    if (valid.length > 0) {
      const bounds = L.latLngBounds(valid.map((p) => [p.latitude, p.longitude] as [number, number]));
      instance.fitBounds(bounds, { maxZoom: 15, padding: [30, 30] });
    }
  }, [points]);

  if (mapFailed) return <p className="text-down-01">O mapa não pôde ser exibido; informe as coordenadas nos campos.</p>;
  return (
    <figure className="mb-3" id={id}>
      <div ref={container} className="vigia-map" role="application" aria-label={description} />
      <figcaption className="text-down-01 mt-1">
        {description}
        {tilesFailed && ' Sem conexão com o servidor de mapas: o mapa aparece sem imagem de fundo, só com os pontos.'}
      </figcaption>
    </figure>
  );
}
