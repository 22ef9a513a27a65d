import type { LoginRequest, MfaEnrolment, SessionResponse } from '@vigia/contracts';
import { apiRequest, setCsrfToken } from './api-client';

/** Every session-shaped response refreshes the CSRF token used by later writes. */
function remember(session: SessionResponse): SessionResponse {
  setCsrfToken(session.csrfToken);
  return session;
}

export async function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  return remember(await apiRequest<SessionResponse>('/api/auth/session', { signal }));
}

export async function login(credentials: LoginRequest): Promise<SessionResponse> {
  return remember(await apiRequest<SessionResponse>('/api/auth/login', { method: 'POST', body: credentials }));
}

export function startMfaEnrolment(): Promise<MfaEnrolment> {
  return apiRequest<MfaEnrolment>('/api/auth/mfa/enrol', { method: 'POST' });
}

export async function confirmMfaEnrolment(code: string): Promise<SessionResponse> {
  return remember(await apiRequest<SessionResponse>('/api/auth/mfa/enrol/confirm', { method: 'POST', body: { code } }));
}

export async function verifyMfa(code: string): Promise<SessionResponse> {
  return remember(await apiRequest<SessionResponse>('/api/auth/mfa/verify', { method: 'POST', body: { code } }));
}

export async function logout(): Promise<void> {
  await apiRequest<void>('/api/auth/logout', { method: 'POST' });
  setCsrfToken(null);
}
