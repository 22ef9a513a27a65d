import { type SecurityUnitKind, securityUnitKindLabels, securityUnitKinds } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { fetchMunicipalities, fetchUnits, formatDistance, unitsCsvUrl, unitsGeoJsonUrl } from './security-units-api';
import { kindColors, UnitsMap } from './UnitsMap';

type Here = { latitude: number; longitude: number };

/** Why the browser gave no position, in words a visitor understands. */
function geolocationProblem(error: GeolocationPositionError | null): string {
  if (!error) return 'Este navegador não informa a localização. Escolha o município na lista.';
  if (error.code === error.PERMISSION_DENIED)
    return 'Você não permitiu o acesso à sua localização. Sem ela, escolha o município ou o tipo de unidade nos filtros.';
  return 'Não foi possível obter sua localização agora. Tente de novo ou escolha o município nos filtros.';
}

/**
 * /unidades — the directory of security units (issue 16): a map, filters by kind and municipality,
 * the list, and "Perto de mim" with the browser's geolocation (optional: the position is used only
 * to order the list and is not stored). Its own lazy chunk, as it pulls Leaflet.
 */
export default function SecurityUnitsPage() {
  useDocumentTitle('Unidades de segurança');
  const [kind, setKind] = useState<SecurityUnitKind | ''>('');
  const [municipality, setMunicipality] = useState('');
  const [here, setHere] = useState<Here | null>(null);
  const [locating, setLocating] = useState(false);
  const [locateProblem, setLocateProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const load = useCallback((signal: AbortSignal) => fetchUnits({ kind, municipality, near: here }, signal), [kind, municipality, here]);
  const units = useApiData(load);
  const municipalities = useApiData(fetchMunicipalities);
  const list = units.data?.units ?? [];

  const locate = () => {
    setLocateProblem(null);
    if (!('geolocation' in navigator)) {
      setLocateProblem(geolocationProblem(null));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setMunicipality('');
        setHere({ latitude: p.coords.latitude, longitude: p.coords.longitude });
      },
      (e) => {
        setLocating(false);
        setLocateProblem(geolocationProblem(e));
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };
  const select = useCallback((id: string) => {
    setSelected(id);
    document.getElementById(`unit-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, []);

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Serviços ao cidadão', to: '/cidadao' }, { label: 'Unidades de segurança' }]} />
      <h1>Unidades de segurança pública</h1>
      <p>
        Batalhões e companhias da Polícia Militar, delegacias da Polícia Civil, postos da Politec, unidades do Corpo de Bombeiros, bases
        comunitárias e diretorias de Mato Grosso, com endereço, telefones, horário e serviços. Em emergência, ligue <strong>190</strong>{' '}
        (Polícia Militar) ou <strong>193</strong> (Bombeiros).
      </p>
      <form className="row mb-3" onSubmit={(e) => e.preventDefault()} aria-label="Filtros">
        <div className="col-md-4 br-input mb-2">
          <label htmlFor="units-kind">Tipo de unidade</label>
          <select id="units-kind" className="vigia-select" value={kind} onChange={(e) => setKind(e.target.value as SecurityUnitKind | '')}>
            <option value="">Todos os tipos</option>
            {securityUnitKinds.map((k) => (
              <option key={k} value={k}>
                {securityUnitKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-4 br-input mb-2">
          <label htmlFor="units-municipality">Município</label>
          <select
            id="units-municipality"
            className="vigia-select"
            value={municipality}
            onChange={(e) => {
              setMunicipality(e.target.value);
              if (e.target.value) setHere(null);
            }}
          >
            <option value="">Todo o estado</option>
            {(municipalities.data ?? []).map((m) => (
              <option key={m.ibgeCode} value={m.ibgeCode}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-4 mb-2 d-flex align-items-end">
          <button type="button" className="br-button secondary mr-1" onClick={locate} disabled={locating} data-testid="units-near-me">
            <i className="fas fa-location-arrow mr-1" aria-hidden="true" />
            {locating ? 'Localizando…' : 'Perto de mim'}
          </button>
          {here && (
            <button type="button" className="br-button tertiary" onClick={() => setHere(null)}>
              Limpar posição
            </button>
          )}
        </div>
      </form>
      {locateProblem && (
        <Message kind="warning" title="Localização indisponível">
          {locateProblem}
        </Message>
      )}
      {here && (
        <p className="text-down-01" role="status">
          Lista em ordem de distância da sua posição (usada só nesta página, não é guardada).
        </p>
      )}
      <ApiErrorMessage error={units.error} />
      <UnitsMap units={list} here={here} onSelect={select} />
      <ul className="list-inline text-down-01" aria-label="Legenda">
        {securityUnitKinds.map((k) => (
          <li key={k} className="list-inline-item mr-3">
            <span className="vigia-legend-dot" style={{ background: kindColors[k] }} aria-hidden="true" />
            {securityUnitKindLabels[k]}
          </li>
        ))}
      </ul>
      {units.loading && <Loading label="Carregando unidades…" />}
      {!units.loading && units.data && list.length === 0 && <p>Nenhuma unidade encontrada com estes filtros.</p>}
      <ol className="vigia-unit-list list-unstyled" aria-label="Unidades encontradas" data-testid="units-list">
        {list.map((u) => (
          <li
            key={u.id}
            id={`unit-${u.id}`}
            className={`br-card p-3 mb-2${selected === u.id ? ' border border-primary' : ''}`}
            data-testid="unit-item"
          >
            <h2 className="h5 mt-0 mb-1">
              {u.name} {u.illustrative && <span className="br-tag text warning">ilustrativo</span>}
            </h2>
            <p className="mb-1 text-down-01">
              {securityUnitKindLabels[u.kind]}
              {u.distanceMeters !== undefined && (
                <>
                  {' '}
                  — <strong data-testid="unit-distance">{formatDistance(u.distanceMeters)}</strong> de você
                </>
              )}
            </p>
            <p className="mb-1">
              {u.address} — {u.municipality}
            </p>
            {u.phones.length > 0 && (
              <p className="mb-1">
                Telefone{u.phones.length > 1 ? 's' : ''}:{' '}
                {u.phones.map((p, i) => (
                  <span key={p}>
                    {i > 0 && ', '}
                    <a href={`tel:${p.replace(/[^\d+]/g, '')}`}>{p}</a>
                  </span>
                ))}
              </p>
            )}
            {u.hours && <p className="mb-1">Horário: {u.hours}</p>}
            {u.services.length > 0 && <p className="mb-1">Serviços: {u.services.join('; ')}</p>}
            <p className="mb-0 text-down-02">
              <a href={`https://www.openstreetmap.org/?mlat=${u.latitude}&mlon=${u.longitude}#map=17/${u.latitude}/${u.longitude}`}>
                Ver no mapa (OpenStreetMap)
              </a>{' '}
              · Fonte: {u.source}
            </p>
          </li>
        ))}
      </ol>
      <section aria-labelledby="units-open-data" className="mt-4">
        <h2 id="units-open-data">Dados abertos</h2>
        <p>
          A lista completa está disponível em endereço permanente, em{' '}
          <a href={unitsGeoJsonUrl} data-testid="units-geojson">
            GeoJSON
          </a>{' '}
          e em{' '}
          <a href={unitsCsvUrl} download>
            planilha CSV
          </a>
          . {units.data?.licence}
        </p>
      </section>
    </div>
  );
}
