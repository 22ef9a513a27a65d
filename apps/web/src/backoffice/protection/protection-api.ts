import type { ActionPlan, MissionStatus, MissionSummary, ProtectionFunction, ProtectionRequest, ReferencePlace } from '@vigia/contracts';
import { apiRequest, apiUpload } from '../../shared/api/api-client';

const base = '/api/protection/missions';

export interface RouteCamera {
  id: string;
  name: string;
  status: string;
  distanceMeters: number;
}
export interface MissionDetail extends MissionSummary {
  status: MissionStatus;
  statusLabel: string;
  readOnly: boolean;
  full: boolean;
  functions: ProtectionFunction[];
  convocations: {
    id: string;
    officer: string;
    superior: string | null;
    role: string | null;
    unit: string | null;
    acknowledgedAt: string | null;
    presentedAt: string | null;
    checklistSignedAt: string | null;
    mine: 'officer' | 'superior' | null;
  }[];
  acts: { id: string; kind: string; issuedAt: string; code: string }[];
  protectee?: { name: string; office: string };
  requestingUnit?: string;
  blockers?: { path: string; message: string }[];
  route?: { kind: 'leg' | 'venue'; name: string; alternate: boolean; cameras: RouteCamera[] }[];
  support?: { kind: 'leg' | 'venue'; name: string; alternate: boolean; places: (ReferencePlace & { distanceMeters: number })[] }[];
  plan?: (Partial<ActionPlan> & { supportDistanceMeters?: number }) | null;
  vehicles?: MissionVehicle[] | null;
  reminder?: { daysToEnd: number } | null;
  log?: { id: string; kind: string; text: string; at: string }[];
}

const url = (id: string, path = '') => `${base}/${encodeURIComponent(id)}${path}`;

export const listMissions = async (signal: AbortSignal) => (await apiRequest<{ missions: MissionSummary[] }>(base, { signal })).missions;
export const getMission = (id: string, signal?: AbortSignal) => apiRequest<MissionDetail>(url(id), signal ? { signal } : {});
export const requestProtection = (body: ProtectionRequest) => apiRequest<{ id: string }>(base, { method: 'POST', body });
export const decideActivation = (id: string, activate: boolean, reasons: string) =>
  apiRequest<MissionDetail>(url(id, '/activation'), { method: 'POST', body: { activate, reasons } });
export const onConvocation = (id: string, convocationId: string, step: 'acknowledge' | 'present') =>
  apiRequest<MissionDetail>(url(id, `/convocations/${encodeURIComponent(convocationId)}/${step}`), { method: 'POST', body: {} });
export const actPdfUrl = (id: string, actId: string) => url(id, `/acts/${encodeURIComponent(actId)}/pdf`);

export interface RouteMosaic {
  missionId: string;
  startedAt: string;
  currentLeg: number;
  stretches: {
    kind: 'leg' | 'venue';
    leg: number | null;
    name: string;
    alternate: boolean;
    position: 'travelling' | 'ahead' | 'behind';
    cameras: RouteCamera[];
  }[];
}
export const getRouteMosaic = (id: string, signal?: AbortSignal) =>
  apiRequest<RouteMosaic>(url(id, '/route-mosaic'), signal ? { signal } : {});
export const setCurrentLeg = (id: string, leg: number) =>
  apiRequest<MissionDetail>(url(id, '/current-leg'), { method: 'POST', body: { leg } });

export const listReferencePlaces = async (signal: AbortSignal) =>
  (await apiRequest<{ places: ReferencePlace[] }>('/api/protection/reference-places', { signal })).places;
export const referenceTemplateUrl = (format: 'csv' | 'xlsx') => `/api/protection/reference-places/template?format=${format}`;
export function importReferencePlaces(file: File) {
  const form = new FormData();
  form.append('file', file);
  return apiUpload<{ imported: number }>('/api/protection/reference-places/import', form);
}

/** One step of the mission (each route validates its body with the contract's schema and answers the detail). */
export const missionStep = (id: string, path: string, body: unknown = {}, method: 'POST' | 'PUT' = 'POST') =>
  apiRequest<unknown>(url(id, path), { method, body });

/** A vehicle of the mission (Art. 20), as `vehicleSchema` of the contracts. */
export interface MissionVehicle {
  plate: string;
  armoured: boolean;
  soundAndLightSignals: boolean;
  kind: 'team' | 'authority_own' | 'institutional';
  drivenByTeam: boolean;
}
