import type { AuditEvent, AuditVerifyResult } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

export function verifyAuditChain(): Promise<AuditVerifyResult> {
  return apiRequest<AuditVerifyResult>('/api/audit/verify');
}

/** One page of the audit search, newest first; `query` is the filter query string (may be empty). */
export function searchAuditEvents(query: string, beforeSeq?: number): Promise<{ events: AuditEvent[]; nextBeforeSeq: number | null }> {
  return apiRequest(`/api/audit/search?limit=100${query ? `&${query}` : ''}${beforeSeq ? `&beforeSeq=${beforeSeq}` : ''}`);
}
