import { type CameraMapItem, type CameraStatus, cameraStatuses, cameraStatusLabels, type MunicipalitySummary } from '@vigia/contracts';
import L from 'leaflet';
import Supercluster from 'supercluster';
import { cameraStatusColors } from '../cameras/camera-status';
import { fovCone } from './fov';

type Counts = Record<CameraStatus, number>;
type PointProps = { camera: CameraMapItem } & Counts;
type ClusterProps = Counts;

const zero = (): Counts => ({ online: 0, offline: 0, pending: 0, disabled: 0 });

/** Supercluster index of the cameras, with the count of each status carried up every cluster. */
export function buildIndex(cameras: CameraMapItem[]): Supercluster<PointProps, ClusterProps> {
  const index = new Supercluster<PointProps, ClusterProps>({
    radius: 60,
    maxZoom: 17,
    map: (p) => ({ online: p.online, offline: p.offline, pending: p.pending, disabled: p.disabled }),
    reduce: (acc, p) => {
      for (const s of cameraStatuses) acc[s] += p[s];
    },
  });
  index.load(
    cameras.map((camera) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [camera.longitude, camera.latitude] },
      properties: { camera, ...zero(), [camera.status]: 1 },
    })),
  );
  return index;
}

/** A conic gradient with one slice per status, in proportion. */
function statusGradient(c: Counts): string {
  const total = cameraStatuses.reduce((n, s) => n + c[s], 0) || 1;
  let at = 0;
  const stops = cameraStatuses
    .filter((s) => c[s] > 0)
    .map((s) => {
      const from = (at / total) * 360;
      at += c[s];
      return `${cameraStatusColors[s]} ${from}deg ${(at / total) * 360}deg`;
    });
  return `conic-gradient(${stops.join(', ')})`;
}

function clusterIcon(count: number, c: Counts): L.DivIcon {
  const size = count < 10 ? 34 : count < 100 ? 42 : 50;
  const el = document.createElement('div');
  el.className = 'vigia-cluster';
  el.style.background = statusGradient(c);
  el.style.width = el.style.height = `${size}px`;
  const inner = document.createElement('span');
  inner.textContent = String(count);
  el.appendChild(inner);
  el.setAttribute(
    'aria-label',
    `${count} câmeras: ${cameraStatuses
      .filter((s) => c[s] > 0)
      .map((s) => `${c[s]} ${cameraStatusLabels[s].toLowerCase()}`)
      .join(', ')}`,
  );
  return L.divIcon({ html: el, className: '', iconSize: [size, size] });
}

function cameraIcon(camera: CameraMapItem): L.DivIcon {
  const el = document.createElement('div');
  el.className = 'vigia-cam-marker';
  el.dataset.status = camera.status;
  el.style.background = cameraStatusColors[camera.status];
  el.setAttribute('aria-label', `${camera.name} — ${cameraStatusLabels[camera.status]}`);
  el.innerHTML = '<i class="fas fa-video" aria-hidden="true"></i>';
  return L.divIcon({ html: el, className: '', iconSize: [26, 26] });
}

/** Popup built with DOM nodes (camera names are user text: never innerHTML). */
function popupContent(camera: CameraMapItem, municipality: string | undefined, registryLink: boolean): HTMLElement {
  const box = document.createElement('div');
  box.className = 'vigia-map-popup';
  const title = document.createElement('strong');
  title.textContent = camera.name;
  const status = document.createElement('div');
  status.textContent = `${cameraStatusLabels[camera.status]}${municipality ? ` — ${municipality}` : ''}`;
  const view = document.createElement('div');
  view.textContent = `Direção ${camera.heading}°, campo de visão ${camera.fieldOfView}°`;
  const live = document.createElement('a');
  live.href = `/app/operacoes/ao-vivo/${encodeURIComponent(camera.id)}`;
  live.textContent = 'Ver ao vivo';
  live.className = 'br-button small primary mt-2 mr-1';
  box.append(title, status, view, live);
  if (registryLink) {
    const reg = document.createElement('a');
    reg.href = `/app/cameras/${encodeURIComponent(camera.id)}`;
    reg.textContent = 'Cadastro';
    reg.className = 'br-button small secondary mt-2';
    box.append(reg);
  }
  return box;
}

export interface DrawOptions {
  municipalityName: (ibge: string) => string | undefined;
  registryLink: boolean;
  /** Cones are drawn from this zoom on (street level). */
  coneZoom: number;
}

/** Redraws clusters, markers and cones for the map's current view. */
export function drawCameras(map: L.Map, group: L.LayerGroup, index: Supercluster<PointProps, ClusterProps>, opts: DrawOptions): void {
  group.clearLayers();
  const b = map.getBounds();
  const zoom = Math.round(map.getZoom());
  const features = index.getClusters([b.getWest() - 0.01, b.getSouth() - 0.01, b.getEast() + 0.01, b.getNorth() + 0.01], zoom);
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const props = f.properties;
    if ('cluster' in props && props.cluster) {
      const clusterId = props.cluster_id;
      L.marker([lat, lon], { icon: clusterIcon(props.point_count, props), keyboard: true, title: `${props.point_count} câmeras` })
        .on('click', () => map.setView([lat, lon], Math.min(index.getClusterExpansionZoom(clusterId), 18)))
        .addTo(group);
      continue;
    }
    const camera = (props as PointProps).camera;
    if (zoom >= opts.coneZoom) {
      L.polygon(fovCone(camera.latitude, camera.longitude, camera.heading, camera.fieldOfView), {
        color: cameraStatusColors[camera.status],
        weight: 1,
        fillOpacity: 0.25,
        interactive: false,
      }).addTo(group);
    }
    L.marker([lat, lon], { icon: cameraIcon(camera), keyboard: true, title: camera.name })
      .bindPopup(() => popupContent(camera, opts.municipalityName(camera.municipalityIbge), opts.registryLink))
      .addTo(group);
  }
}

/** Municipality seats: dots always, names from `labelZoom` on (a usable map without tiles). */
export function seatsLayer(municipalities: MunicipalitySummary[]): { dots: L.LayerGroup; labels: L.LayerGroup } {
  const dots = L.layerGroup();
  const labels = L.layerGroup();
  for (const m of municipalities) {
    L.circleMarker([m.latitude, m.longitude], { radius: 3, color: '#555', weight: 1, fillColor: '#fff', fillOpacity: 1, interactive: true })
      .bindTooltip(m.name, { direction: 'top' })
      .addTo(dots);
    L.marker([m.latitude, m.longitude], {
      icon: L.divIcon({ className: 'vigia-seat-label', html: '', iconSize: [0, 0] }),
      interactive: false,
      keyboard: false,
    })
      .bindTooltip(m.name, { permanent: true, direction: 'right', className: 'vigia-seat-tooltip', offset: [4, 0] })
      .addTo(labels);
  }
  return { dots, labels };
}
