import type { AcceptedResponse } from '@vigia/contracts';
import { solveAltcha } from '../../shared/altcha/solve-altcha';
import { apiRequest } from '../../shared/api/api-client';
import { fetchSession } from '../../shared/api/auth-api';

/** Public account requests. Each fetches the session first for the CSRF token. */
export async function confirmEmail(token: string): Promise<AcceptedResponse> {
  await fetchSession();
  return apiRequest<AcceptedResponse>('/api/public/accounts/confirm-email', { method: 'POST', body: { token } });
}

export async function requestPasswordReset(email: string): Promise<AcceptedResponse> {
  await fetchSession();
  const altcha = await solveAltcha();
  return apiRequest<AcceptedResponse>('/api/public/accounts/password-reset', { method: 'POST', body: { email, altcha } });
}

export async function resetPassword(token: string, password: string): Promise<AcceptedResponse> {
  await fetchSession();
  return apiRequest<AcceptedResponse>('/api/public/accounts/password-reset/confirm', { method: 'POST', body: { token, password } });
}

export async function resendConfirmation(email: string): Promise<AcceptedResponse> {
  await fetchSession();
  const altcha = await solveAltcha();
  return apiRequest<AcceptedResponse>('/api/public/accounts/confirm-email/resend', { method: 'POST', body: { email, altcha } });
}
