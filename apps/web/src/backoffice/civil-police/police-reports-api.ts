import type { PoliceReport, PoliceReportDecisionBody, PoliceStation } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/** Civil police: the online police station's queue (apps/server/src/modules/police-reports). */
export const fetchPoliceStations = (signal?: AbortSignal) =>
  apiRequest<{ stations: PoliceStation[] }>('/api/police-reports/stations', { signal });

export const fetchPoliceQueue = (stationId: string, state: 'open' | 'validated', signal?: AbortSignal) =>
  apiRequest<{ reports: PoliceReport[] }>(`/api/police-reports/queue?state=${state}${stationId ? `&stationId=${stationId}` : ''}`, {
    signal,
  });

export const fetchPoliceReport = (id: string, signal?: AbortSignal) => apiRequest<PoliceReport>(`/api/police-reports/${id}`, { signal });

export const decidePoliceReport = (id: string, body: PoliceReportDecisionBody) =>
  apiRequest<PoliceReport>(`/api/police-reports/${id}/decision`, { method: 'POST', body });

export const writeToCitizen = (id: string, text: string) =>
  apiRequest<PoliceReport>(`/api/police-reports/${id}/messages`, { method: 'POST', body: { text } });

export const recordProtectiveMeasure = (id: string, body: { court: string; reference: string }) =>
  apiRequest<PoliceReport>(`/api/police-reports/${id}/protective-measure`, { method: 'POST', body });

export const recordVehicleRecovery = (id: string, objectIndex: number) =>
  apiRequest<PoliceReport>(`/api/police-reports/${id}/vehicle-recovery`, { method: 'POST', body: { objectIndex } });

export const policeAttachmentUrl = (id: string, fileId: string) => `/api/police-reports/${id}/attachments/${fileId}`;
