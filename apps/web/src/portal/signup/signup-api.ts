import type { PartnerProfile } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';
import { fetchSession } from '../../shared/api/auth-api';
import type { toSignUpRequest } from './signup-form';

/** Public sign-up of a partner and its first account. Fetches the session first for the CSRF token. */
export async function signUpPartner(body: ReturnType<typeof toSignUpRequest>): Promise<PartnerProfile> {
  await fetchSession();
  return apiRequest<PartnerProfile>('/api/public/partners/sign-up', { method: 'POST', body });
}
