import type { SecurityUnit, SecurityUnitKind } from '@vigia/contracts';
import L from 'leaflet';
import { useEffect } from 'react';
import { MT_CENTER, MT_ZOOM } from '../../shared/map/map-config';
import { usePickMap } from '../../shared/map/use-pick-map';

export const kindColors: Record<SecurityUnitKind, string> = {
  pm_battalion: '#1351b4',
  pm_company: '#2670e8',
  civil_police_station: '#0c326f',
  politec_post: '#6c2a91',
  fire_brigade: '#c4001a',
  community_base: '#168821',
  directorate: '#555555',
};

/** A tooltip built as DOM text: unit names are data, never HTML. */
function label(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/** The units as coloured dots (and "you are here" when the visitor shared a position). */
export function UnitsMap({
  units,
  here,
  onSelect,
}: {
  units: SecurityUnit[];
  here: { latitude: number; longitude: number } | null;
  onSelect: (id: string) => void;
}) {
  const { container, map, layer, tilesFailed, mapFailed } = usePickMap({ center: MT_CENTER, zoom: MT_ZOOM }, undefined);
  useEffect(() => {
    const group = layer.current;
    const m = map.current;
    if (!group || !m) return;
    group.clearLayers();
    const points: L.LatLngExpression[] = [];
    for (const u of units) {
      const marker = L.circleMarker([u.latitude, u.longitude], {
        radius: 8,
        color: '#ffffff',
        weight: 2,
        fillColor: kindColors[u.kind],
        fillOpacity: 0.9,
      });
      marker.bindTooltip(label(u.name), { direction: 'top' });
      marker.on('click', () => onSelect(u.id));
      marker.addTo(group);
      points.push([u.latitude, u.longitude]);
    }
    if (here) {
      L.circleMarker([here.latitude, here.longitude], { radius: 7, color: '#000000', weight: 3, fillColor: '#ffcd07', fillOpacity: 1 })
        .bindTooltip(label('Você está aqui'), { direction: 'top' })
        .addTo(group);
      // The visitor and the nearest units.
      const nearest = units.slice(0, 3).map((u) => [u.latitude, u.longitude] as L.LatLngTuple);
      m.fitBounds(L.latLngBounds([[here.latitude, here.longitude], ...nearest]).pad(0.2), { maxZoom: 15 });
    } else if (points.length > 0) {
      m.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 14 });
    } else {
      m.setView(MT_CENTER, MT_ZOOM);
    }
  }, [units, here, onSelect]);
  if (mapFailed) return <p className="text-down-01">Não foi possível abrir o mapa: a lista abaixo traz as mesmas unidades.</p>;
  return (
    <figure className="mb-3">
      <div ref={container} className="vigia-map" role="application" aria-label="Mapa das unidades de segurança" data-testid="units-map" />
      <figcaption className="text-down-01 mt-1">
        Passe o mouse sobre um ponto para ver o nome da unidade; clique para destacá-la na lista.
        {tilesFailed && ' O mapa de fundo não carregou; os pontos continuam nas posições corretas.'}
      </figcaption>
    </figure>
  );
}
