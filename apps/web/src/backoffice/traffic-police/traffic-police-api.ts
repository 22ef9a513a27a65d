import type { AccidentDecisionBody, AccidentDeclaration } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/** Traffic police: the accident-declaration queue (apps/server/src/modules/citizen-accident-certificate). */
export const fetchAccidentQueue = (signal?: AbortSignal) =>
  apiRequest<{ declarations: AccidentDeclaration[] }>('/api/accident-certificates/queue', { signal });

export const fetchAccident = (id: string, signal?: AbortSignal) =>
  apiRequest<AccidentDeclaration>(`/api/accident-certificates/${id}`, { signal });

export const decideAccident = (id: string, body: AccidentDecisionBody) =>
  apiRequest<AccidentDeclaration>(`/api/accident-certificates/${id}/decision`, { method: 'POST', body });

export const accidentPhotoUrl = (id: string, fileId: string) => `/api/accident-certificates/${id}/photos/${fileId}`;
