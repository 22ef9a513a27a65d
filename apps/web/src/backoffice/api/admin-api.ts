import type { CreateUserRequest, UnmaskGrant, UserSummary } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

const base = '/api/admin/users';

export async function listUsers(signal: AbortSignal): Promise<UserSummary[]> {
  return (await apiRequest<{ users: UserSummary[] }>(base, { signal })).users;
}

export function createUser(request: CreateUserRequest): Promise<UserSummary> {
  return apiRequest<UserSummary>(base, { method: 'POST', body: request });
}

export function suspendUser(id: string, reason: string): Promise<UserSummary> {
  return apiRequest<UserSummary>(`${base}/${encodeURIComponent(id)}/suspend`, { method: 'POST', body: { reason } });
}

export function reactivateUser(id: string, reason: string): Promise<UserSummary> {
  return apiRequest<UserSummary>(`${base}/${encodeURIComponent(id)}/reactivate`, {
    method: 'POST',
    body: { reason },
  });
}

/** Permissions to see images without privacy masks (SPEC §3.5), granted and revoked with a reason. */
export const listUnmaskGrants = async (signal: AbortSignal): Promise<UnmaskGrant[]> =>
  (await apiRequest<{ grants: UnmaskGrant[] }>('/api/admin/privacy-unmask', { signal })).grants;

export function grantUnmask(body: { userId: string; reason: string; expiresAt?: string }): Promise<unknown> {
  return apiRequest('/api/admin/privacy-unmask', { method: 'POST', body });
}

export function revokeUnmask(id: string, reason: string): Promise<unknown> {
  return apiRequest(`/api/admin/privacy-unmask/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: { reason } });
}
