import type { ComplaintPublic } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';
import { fetchSession } from '../../shared/api/auth-api';

/** Public complaint routes (apps/server/src/modules/complaints/complaints.routes.ts). */
export interface ComplaintForm {
  anonymous: boolean;
  name?: string;
  email?: string;
  about: 'site' | 'partner';
  subject: string;
  municipalityIbge?: string;
  description: string;
  /** Honeypot: stays empty for people. */
  website: string;
}

/** Files a complaint; the session call first sets the anonymous CSRF cookie/token. */
export async function fileComplaint(body: ComplaintForm): Promise<{ protocol: string; message: string }> {
  await fetchSession();
  return apiRequest('/api/public/complaints', { method: 'POST', body });
}

export function lookupComplaint(protocol: string, signal?: AbortSignal): Promise<ComplaintPublic> {
  return apiRequest<ComplaintPublic>(`/api/public/complaints/${encodeURIComponent(protocol)}`, { signal });
}
