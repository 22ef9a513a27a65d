import 'leaflet/dist/leaflet.css';
import type { CameraMapView, CameraStatus, MunicipalitySummary } from '@vigia/contracts';
import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MAP_TILES_ATTRIBUTION, MAP_TILES_URL, MT_CENTER, MT_ZOOM } from '../../shared/map/map-config';
import { loadCameraMapView } from '../api/cameras-api';
import { drawView, seatsLayer, viewportQuery } from './map-layers';

interface Props {
  /** Statuses shown (undefined: all). */
  statuses: CameraStatus[] | undefined;
  /** Each answer of the server for the current view (legend, summary). */
  onView: (view: CameraMapView) => void;
  onError: (error: unknown) => void;
  municipalities: MunicipalitySummary[];
  outline: GeoJSON.GeoJsonObject | null;
  registryLink: boolean;
}

const LABEL_ZOOM = 8;
const CONE_ZOOM = 15;

/**
 * Operations map: Mato Grosso's outline and municipality seats (from the platform itself, so the
 * map is readable with no tile server), optional background tiles (VITE_MAP_TILES_URL; an empty
 * value turns them off), and the cameras clustered by the server for the view (issue 13: the answer
 * is as big as the viewport, not as the fleet), coloured by status, with field-of-view cones at
 * street level.
 */
export function OperationsMap({ statuses, onView, onError, municipalities, outline, registryLink }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const cameraLayer = useRef<L.LayerGroup | null>(null);
  const baseLayer = useRef<L.LayerGroup | null>(null);
  const [tiles, setTiles] = useState<'on' | 'failed' | 'off'>(MAP_TILES_URL ? 'on' : 'off');
  const names = useMemo(() => new Map(municipalities.map((m) => [m.ibgeCode, m.name])), [municipalities]);
  const statusParam = statuses?.join(',');
  const callbacks = useRef({ onView, onError });
  callbacks.current = { onView, onError };

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { center: MT_CENTER, zoom: MT_ZOOM, minZoom: 4, maxZoom: 19, preferCanvas: false });
    if (MAP_TILES_URL) {
      const layer = L.tileLayer(MAP_TILES_URL, { attribution: MAP_TILES_ATTRIBUTION, maxZoom: 19 });
      let errors = 0;
      let loaded = 0;
      layer.on('tileload', () => (loaded += 1));
      layer.on('tileerror', () => {
        errors += 1;
        if (errors >= 3 && loaded === 0) {
          map.removeLayer(layer);
          setTiles('failed');
        }
      });
      layer.addTo(map);
    }
    baseLayer.current = L.layerGroup().addTo(map);
    cameraLayer.current = L.layerGroup().addTo(map);
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // Outline and seats (reference layers).
  useEffect(() => {
    const map = mapRef.current;
    const base = baseLayer.current;
    if (!map || !base) return;
    base.clearLayers();
    if (outline) {
      L.geoJSON(outline, {
        style: { color: '#1351b4', weight: 2, fillColor: '#ffffff', fillOpacity: tiles === 'on' ? 0.05 : 0.85 },
        interactive: false,
      }).addTo(base);
    }
    const { dots, labels } = seatsLayer(municipalities);
    dots.addTo(base);
    const toggleLabels = () => {
      if (map.getZoom() >= LABEL_ZOOM) labels.addTo(map);
      else labels.remove();
    };
    toggleLabels();
    map.on('zoomend', toggleLabels);
    return () => {
      map.off('zoomend', toggleLabels);
      labels.remove();
    };
  }, [outline, municipalities, tiles]);

  // Cameras: the server's clusters and markers for the current view, asked again after each move.
  const fitted = useRef(false);
  useEffect(() => {
    const map = mapRef.current;
    const group = cameraLayer.current;
    if (!map || !group) return;
    let pending: AbortController | null = null;
    const refresh = () => {
      pending?.abort();
      const ctrl = new AbortController();
      pending = ctrl;
      const query = { ...viewportQuery(map), ...(statusParam === undefined ? {} : { status: statusParam }) };
      loadCameraMapView(query, ctrl.signal).then(
        (view) => {
          if (ctrl.signal.aborted) return;
          callbacks.current.onView(view);
          drawView(map, group, view, { municipalityName: (ibge) => names.get(ibge), registryLink, coneZoom: CONE_ZOOM });
          // First answer: fit the cameras (or stay on the whole state); the move asks again.
          if (!fitted.current && view.bounds) {
            fitted.current = true;
            const [w, s, e, n] = view.bounds;
            map.fitBounds(L.latLngBounds([s, w], [n, e]), { maxZoom: 14, padding: [40, 40] });
          }
        },
        (err: unknown) => {
          if (!ctrl.signal.aborted) callbacks.current.onError(err);
        },
      );
    };
    refresh();
    map.on('moveend', refresh);
    return () => {
      pending?.abort();
      map.off('moveend', refresh);
    };
  }, [statusParam, names, registryLink]);

  return (
    <figure className="mb-3">
      <div
        ref={container}
        className="vigia-map vigia-map-large"
        role="application"
        aria-label="Mapa de câmeras de Mato Grosso"
        data-testid="operations-map"
      />
      <figcaption className="text-down-01 mt-1">
        Limite do estado e sedes municipais sempre visíveis; aproxime para ver os nomes dos municípios e, no nível da rua, o campo de visão
        de cada câmera.
        {tiles === 'failed' && ' Sem conexão com o servidor de mapas: o mapa aparece sem imagem de fundo.'}
        {tiles === 'off' && ' Mapa de fundo desativado nesta instalação.'}
      </figcaption>
    </figure>
  );
}
