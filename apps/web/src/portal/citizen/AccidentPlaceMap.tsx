import L from 'leaflet';
import { useEffect } from 'react';
import { MT_CENTER, MT_ZOOM } from '../../shared/map/map-config';
import { usePickMap } from '../../shared/map/use-pick-map';

/** The place of the accident: click the map to mark it (the server checks it is inside Mato Grosso). */
export function AccidentPlaceMap({
  point,
  onPick,
}: {
  point: { latitude: number; longitude: number } | null;
  onPick: (latitude: number, longitude: number) => void;
}) {
  const { container, map, layer, tilesFailed, mapFailed } = usePickMap({ center: MT_CENTER, zoom: MT_ZOOM }, onPick);
  useEffect(() => {
    const group = layer.current;
    if (!group || !map.current) return;
    group.clearLayers();
    if (!point) return;
    L.circleMarker([point.latitude, point.longitude], { radius: 9, color: '#c4001a', weight: 2, fillOpacity: 0.7 })
      .bindTooltip('Local do acidente', { direction: 'top' })
      .addTo(group);
    map.current.setView([point.latitude, point.longitude], Math.max(map.current.getZoom(), 14));
  }, [point]);
  if (mapFailed) return <p className="text-down-01">Não foi possível abrir o mapa: informe a latitude e a longitude nos campos abaixo.</p>;
  return (
    <figure className="mb-3">
      <div ref={container} className="vigia-map" role="application" aria-label="Mapa: clique no local do acidente" />
      <figcaption className="text-down-01 mt-1">
        Clique no mapa para marcar o local do acidente.
        {tilesFailed && ' O mapa de fundo não carregou; você ainda pode marcar o ponto ou digitar as coordenadas.'}
      </figcaption>
    </figure>
  );
}
