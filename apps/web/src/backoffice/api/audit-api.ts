import type { AuditEvent, AuditVerifyResult } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

export async function listAuditEvents(signal: AbortSignal, limit = 100): Promise<AuditEvent[]> {
  return (await apiRequest<{ events: AuditEvent[] }>(`/api/audit/events?limit=${limit}`, { signal })).events;
}

export function verifyAuditChain(): Promise<AuditVerifyResult> {
  return apiRequest<AuditVerifyResult>('/api/audit/verify');
}
