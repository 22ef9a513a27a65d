import type { OmbudsmanManifestation, OmbudsmanQueueItem, OmbudsmanUnit, UnitManifestation } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/** Ombudsman back office (apps/server/src/modules/ombudsman/ombudsman.routes.ts). */
export const fetchOmbudsmanQueue = (signal?: AbortSignal) =>
  apiRequest<{ items: OmbudsmanQueueItem[] }>('/api/ombudsman/queue', { signal });
export const fetchManifestation = (id: string, signal?: AbortSignal) =>
  apiRequest<OmbudsmanManifestation>(`/api/ombudsman/manifestations/${id}`, { signal });

const post = (id: string, action: string, body: object) =>
  apiRequest<OmbudsmanManifestation>(`/api/ombudsman/manifestations/${id}/${action}`, { method: 'POST', body });
export const routeManifestation = (id: string, unit: OmbudsmanUnit, note: string) => post(id, 'route', { unit, note });
export const extendDeadline = (id: string, justification: string) => post(id, 'extend', { justification });
export const answerManifestation = (id: string, text: string) => post(id, 'answer', { text });
export const messageCitizen = (id: string, text: string) => post(id, 'messages', { text });

export const fetchUnitInbox = (signal?: AbortSignal) =>
  apiRequest<{ items: UnitManifestation[] }>('/api/ombudsman/unit/manifestations', { signal });
export const unitAnswer = (id: string, text: string) =>
  apiRequest<UnitManifestation>(`/api/ombudsman/unit/manifestations/${id}/answer`, { method: 'POST', body: { text } });
export const unitExtend = (id: string, justification: string) =>
  apiRequest<UnitManifestation>(`/api/ombudsman/unit/manifestations/${id}/extend`, { method: 'POST', body: { justification } });
