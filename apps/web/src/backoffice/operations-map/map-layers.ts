import {
  type CameraMapItem,
  type CameraMapView,
  type CameraStatus,
  cameraStatuses,
  cameraStatusLabels,
  type MunicipalitySummary,
} from '@vigia/contracts';
import L from 'leaflet';
import { cameraStatusColors } from '../cameras/camera-status';
import { fovCone } from './fov';

type Counts = Record<CameraStatus, number>;

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

/** The viewport the server clusters for (padded a little, clamped to valid degrees) and the zoom. */
export function viewportQuery(map: L.Map): { west: number; south: number; east: number; north: number; zoom: number } {
  const b = map.getBounds();
  const clamp = (n: number, lim: number) => Math.max(-lim, Math.min(lim, n));
  return {
    west: clamp(b.getWest() - 0.01, 180),
    south: clamp(b.getSouth() - 0.01, 90),
    east: clamp(b.getEast() + 0.01, 180),
    north: clamp(b.getNorth() + 0.01, 90),
    zoom: Math.max(0, Math.round(map.getZoom())),
  };
}

/** Redraws the clusters, markers and cones the server answered for the map's view (issue 13). */
export function drawView(map: L.Map, group: L.LayerGroup, view: CameraMapView, opts: DrawOptions): void {
  // Every move asks the server again and redraws; the marker whose popup is open stays as it is
  // while its camera is still in the answer (removing a marker closes its popup, and the popup's
  // own auto-pan is a move).
  const open = group.getLayers().find((l): l is L.Marker => l instanceof L.Marker && l.isPopupOpen());
  const openCameraId = open ? markerCamera.get(open) : undefined;
  const keep = openCameraId !== undefined && view.cameras.some((c) => c.id === openCameraId) ? open : undefined;
  for (const layer of group.getLayers()) if (layer !== keep) group.removeLayer(layer);
  const zoom = Math.round(map.getZoom());
  for (const c of view.clusters) {
    L.marker([c.latitude, c.longitude], { icon: clusterIcon(c.count, c.statusCounts), keyboard: true, title: `${c.count} câmeras` })
      .on('click', () => map.setView([c.latitude, c.longitude], Math.min(c.expansionZoom, 18)))
      .addTo(group);
  }
  for (const camera of view.cameras) {
    if (zoom >= opts.coneZoom) {
      L.polygon(fovCone(camera.latitude, camera.longitude, camera.heading, camera.fieldOfView), {
        color: cameraStatusColors[camera.status],
        weight: 1,
        fillOpacity: 0.25,
        interactive: false,
      }).addTo(group);
    }
    if (keep && camera.id === openCameraId) continue;
    const marker = L.marker([camera.latitude, camera.longitude], { icon: cameraIcon(camera), keyboard: true, title: camera.name })
      .bindPopup(() => popupContent(camera, opts.municipalityName(camera.municipalityIbge), opts.registryLink))
      .addTo(group);
    markerCamera.set(marker, camera.id);
  }
}

/** The camera of each marker drawn by `drawView` (to keep its popup open across redraws). */
const markerCamera = new WeakMap<L.Marker, string>();

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
