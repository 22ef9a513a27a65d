import { type CameraMapView, type CameraStatus, cameraStatuses, cameraStatusLabels } from '@vigia/contracts';
import { useCallback, useMemo, useState } from 'react';
import { apiRequest } from '../../shared/api/api-client';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { cameraStatusColors } from '../cameras/camera-status';
import { useMunicipalities } from '../cameras/use-municipalities';
import { areaById, mayUse } from '../navigation';
import { useSession } from '../session/session-context';
import { OperationsMap } from './OperationsMap';

const loadOutline = (signal: AbortSignal) => apiRequest<GeoJSON.GeoJsonObject>('/api/public/reference/state-outline', { signal });

/**
 * /app/operacoes/mapa: every camera the user may see (scope applied by the server), clustered by
 * the server for the view (GET /api/cameras/map/view, issue 13).
 */
export function OperationsMapPage() {
  useDocumentTitle('Mapa de operações');
  const { activeRole } = useSession();
  const [view, setView] = useState<CameraMapView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const outline = useApiData(loadOutline);
  const municipalities = useMunicipalities();
  const [hidden, setHidden] = useState<Set<CameraStatus>>(new Set());
  const statuses = useMemo(() => (hidden.size ? cameraStatuses.filter((s) => !hidden.has(s)) : undefined), [hidden]);
  const counts = view?.statusCounts ?? { online: 0, offline: 0, pending: 0, disabled: 0 };
  const onView = useCallback((v: CameraMapView) => {
    setView(v);
    setError(null);
  }, []);
  const toggle = (s: CameraStatus) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  return (
    <>
      <Breadcrumb items={[{ label: 'Operações' }, { label: 'Mapa' }]} />
      <h1>Mapa de operações</h1>
      <ApiErrorMessage error={error} />
      {view?.truncated && <Message kind="warning">Há mais câmeras nesta área do que o mapa mostra de uma vez; aproxime o mapa.</Message>}
      <fieldset className="d-flex flex-wrap align-items-center mb-2" aria-label="Filtrar por situação">
        <legend className="sr-only">Situação das câmeras</legend>
        {cameraStatuses.map((s) => (
          <div className="br-checkbox mr-4" key={s}>
            <input id={`map-status-${s}`} type="checkbox" checked={!hidden.has(s)} onChange={() => toggle(s)} />
            <label htmlFor={`map-status-${s}`}>
              <span className="vigia-legend-dot" style={{ background: cameraStatusColors[s] }} aria-hidden="true" />
              {cameraStatusLabels[s]} ({counts[s]})
            </label>
          </div>
        ))}
      </fieldset>
      {!view && !error && <Loading label="Carregando câmeras…" />}
      <OperationsMap
        statuses={statuses}
        onView={onView}
        onError={(e) => setError(toApiError(e))}
        municipalities={municipalities.data ?? []}
        outline={outline.data}
        registryLink={mayUse(activeRole, areaById('partner-cameras'))}
      />
      <p className="text-down-01" data-testid="map-summary">
        {view?.total ?? 0} câmera(s) no mapa.
      </p>
    </>
  );
}
