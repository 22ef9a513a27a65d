import type { AcceptedResponse } from '@vigia/contracts';
import { solveAltcha } from '../../shared/altcha/solve-altcha';
import { apiRequest } from '../../shared/api/api-client';
import { fetchSession } from '../../shared/api/auth-api';
import type { toSignUpRequest } from './signup-form';

/**
 * Public sign-up of a partner and its first account. Fetches the session first for the CSRF
 * token and solves the proof-of-work challenge; the account waits for e-mail confirmation.
 */
export async function signUpPartner(body: ReturnType<typeof toSignUpRequest>): Promise<AcceptedResponse> {
  await fetchSession();
  const altcha = await solveAltcha();
  return apiRequest<AcceptedResponse>('/api/public/partners/sign-up', { method: 'POST', body: { ...body, altcha } });
}
