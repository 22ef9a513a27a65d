import type { IdentityChange } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/** Alteração cadastral: the partner files, the committee decides (issue 12, item 7). */
export interface IdentityChangeBody {
  proposed: { kind: string; name: string; document: string; legalRepresentative: Record<string, string> };
  reason: string;
}

export const listOwnIdentityChanges = (signal: AbortSignal) =>
  apiRequest<{ changes: IdentityChange[] }>('/api/partner/identity-changes', { signal }).then((r) => r.changes);

export const fileIdentityChange = (body: IdentityChangeBody) =>
  apiRequest<IdentityChange>('/api/partner/identity-changes', { method: 'POST', body });

export const listPendingIdentityChanges = (signal: AbortSignal) =>
  apiRequest<{ changes: IdentityChange[] }>('/api/accreditation/identity-changes?status=pending', { signal }).then((r) => r.changes);

export const decideIdentityChange = (id: string, approve: boolean, reason: string) =>
  apiRequest<IdentityChange>(`/api/accreditation/identity-changes/${encodeURIComponent(id)}/decide`, {
    method: 'POST',
    body: { approve, reason },
  });
