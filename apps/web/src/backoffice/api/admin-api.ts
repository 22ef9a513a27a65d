import type { CreateUserRequest, UserSummary } from '@vigia/contracts';
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
