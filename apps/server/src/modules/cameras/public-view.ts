import { type Camera, type CameraMapItem, PUBLIC_MAP_DECIMALS } from '@vigia/contracts';
import { findMunicipality } from '../reference/index.js';

/**
 * What the public map gives about a camera open to the public (camera-map.service.ts `publicMap`):
 * its id, a generic label, the point rounded to ≈1 km and the municipality. A partner user looking
 * at another partner's open camera gets exactly this — no name (it may carry an address), exact
 * point, heading, owner, serial or technical detail.
 */
export const roundPublic = (n: number) => Number(n.toFixed(PUBLIC_MAP_DECIMALS));

export function publicLabel(municipalityIbge: string, n?: number): string {
  const name = findMunicipality(municipalityIbge)?.name ?? '';
  return `Câmera aberta ao público${n === undefined ? '' : ` ${n}`} — ${name}`;
}

export function publicViewOfMapItem(c: CameraMapItem): CameraMapItem {
  return {
    id: c.id,
    name: publicLabel(c.municipalityIbge),
    partnerId: '',
    latitude: roundPublic(c.latitude),
    longitude: roundPublic(c.longitude),
    municipalityIbge: c.municipalityIbge,
    heading: 0,
    fieldOfView: 0,
    status: c.status,
    openToPublic: true,
  };
}

export function publicViewOfCamera(c: Camera): Camera {
  return {
    ...c,
    partnerId: '',
    cameraPointId: null,
    assetSerial: null,
    name: publicLabel(c.municipalityIbge),
    host: '',
    rtspPort: 0,
    httpPort: 0,
    rtspPath: '',
    latitude: roundPublic(c.latitude),
    longitude: roundPublic(c.longitude),
    heading: 0,
    fieldOfView: 0,
    mounting: 'other',
    rtspTransport: null,
    hasCredentials: false,
    hasPushCredentials: false,
    lastSelfTestAt: null,
    createdAt: '',
    updatedAt: '',
  };
}
