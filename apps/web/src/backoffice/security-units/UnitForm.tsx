import {
  type SecurityUnit,
  type SecurityUnitInput,
  type SecurityUnitKind,
  securityUnitKindLabels,
  securityUnitKinds,
} from '@vigia/contracts';
import L from 'leaflet';
import { type FormEvent, useEffect, useState } from 'react';
import type { ApiError } from '../../shared/api/api-error';
import { toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { MunicipalityCodeField } from '../../shared/components/MunicipalityCodeField';
import { MT_CENTER, MT_ZOOM } from '../../shared/map/map-config';
import { usePickMap } from '../../shared/map/use-pick-map';

const splitList = (text: string) =>
  text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

interface Draft {
  kind: SecurityUnitKind;
  name: string;
  address: string;
  municipalityIbge: string;
  phones: string;
  hours: string;
  services: string;
  latitude: string;
  longitude: string;
  source: string;
}

const draftOf = (u: SecurityUnit | null): Draft => ({
  kind: u?.kind ?? 'civil_police_station',
  name: u?.name ?? '',
  address: u?.address ?? '',
  municipalityIbge: u?.municipalityIbge ?? '',
  phones: u?.phones.join(' | ') ?? '',
  hours: u?.hours ?? '',
  services: u?.services.join(' | ') ?? '',
  latitude: u ? String(u.latitude) : '',
  longitude: u ? String(u.longitude) : '',
  source: u?.source ?? '',
});

/** Create or edit one unit; a click on the map fills latitude and longitude (the server checks the point is in Mato Grosso). */
export function UnitForm({
  unit,
  onSave,
  onCancel,
}: {
  unit: SecurityUnit | null;
  onSave: (body: SecurityUnitInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(unit));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value }));
  const { container, map, layer, tilesFailed, mapFailed } = usePickMap({ center: MT_CENTER, zoom: MT_ZOOM }, (lat, lon) =>
    setD((x) => ({ ...x, latitude: String(lat), longitude: String(lon) })),
  );
  const lat = Number(d.latitude.replace(',', '.'));
  const lon = Number(d.longitude.replace(',', '.'));
  const hasPoint = d.latitude !== '' && d.longitude !== '' && Number.isFinite(lat) && Number.isFinite(lon);
  useEffect(() => {
    const group = layer.current;
    if (!group || !map.current) return;
    group.clearLayers();
    if (!hasPoint) return;
    L.circleMarker([lat, lon], { radius: 9, color: '#c4001a', weight: 2, fillOpacity: 0.7 }).addTo(group);
    map.current.setView([lat, lon], Math.max(map.current.getZoom(), 13));
  }, [hasPoint, lat, lon]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSave({
        kind: d.kind,
        name: d.name,
        address: d.address,
        municipalityIbge: d.municipalityIbge,
        phones: splitList(d.phones),
        hours: d.hours,
        services: splitList(d.services),
        latitude: lat,
        longitude: lon,
        source: d.source,
      });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="br-card p-3 mb-4" aria-label={unit ? `Editar ${unit.name}` : 'Nova unidade'}>
      <h2 className="h4 mt-0">{unit ? `Editar: ${unit.name}` : 'Nova unidade'}</h2>
      <div className="row">
        <div className="col-md-4 br-input mb-2">
          <label htmlFor="unit-kind">Tipo</label>
          <select id="unit-kind" className="vigia-select" value={d.kind} onChange={set('kind')}>
            {securityUnitKinds.map((k) => (
              <option key={k} value={k}>
                {securityUnitKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-8 br-input mb-2">
          <label htmlFor="unit-name">Nome</label>
          <input id="unit-name" value={d.name} onChange={set('name')} required maxLength={200} />
        </div>
        <div className="col-md-8 br-input mb-2">
          <label htmlFor="unit-address">Endereço</label>
          <input id="unit-address" value={d.address} onChange={set('address')} required maxLength={255} />
        </div>
        <div className="col-md-4 mb-2">
          <MunicipalityCodeField
            id="unit-municipality"
            value={d.municipalityIbge}
            onChange={(v) => setD((x) => ({ ...x, municipalityIbge: v }))}
            required
          />
        </div>
        <div className="col-md-6 br-input mb-2">
          <label htmlFor="unit-phones">Telefones (separe com |)</label>
          <input id="unit-phones" value={d.phones} onChange={set('phones')} />
        </div>
        <div className="col-md-6 br-input mb-2">
          <label htmlFor="unit-hours">Horário de atendimento</label>
          <input id="unit-hours" value={d.hours} onChange={set('hours')} maxLength={255} />
        </div>
        <div className="col-12 br-input mb-2">
          <label htmlFor="unit-services">Serviços (separe com |)</label>
          <input id="unit-services" value={d.services} onChange={set('services')} />
        </div>
        <div className="col-md-3 br-input mb-2">
          <label htmlFor="unit-latitude">Latitude</label>
          <input id="unit-latitude" value={d.latitude} onChange={set('latitude')} inputMode="decimal" required />
        </div>
        <div className="col-md-3 br-input mb-2">
          <label htmlFor="unit-longitude">Longitude</label>
          <input id="unit-longitude" value={d.longitude} onChange={set('longitude')} inputMode="decimal" required />
        </div>
        <div className="col-md-6 br-input mb-2">
          <label htmlFor="unit-source">Fonte do dado</label>
          <input id="unit-source" value={d.source} onChange={set('source')} required maxLength={255} />
        </div>
      </div>
      {!mapFailed && (
        <figure className="mb-2">
          <div ref={container} className="vigia-map" role="application" aria-label="Mapa: clique na posição da unidade" />
          <figcaption className="text-down-01 mt-1">
            Clique no mapa para preencher latitude e longitude.
            {tilesFailed && ' O mapa de fundo não carregou; digite as coordenadas.'}
          </figcaption>
        </figure>
      )}
      <ApiErrorMessage error={error} />
      <button type="submit" className="br-button primary mr-1" disabled={saving}>
        {unit ? 'Salvar alterações' : 'Cadastrar unidade'}
      </button>
      <button type="button" className="br-button secondary" onClick={onCancel}>
        Cancelar
      </button>
    </form>
  );
}
