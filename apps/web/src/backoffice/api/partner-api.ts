import type { PartnerProfile } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

export function getOwnPartnerProfile(signal: AbortSignal): Promise<PartnerProfile> {
  return apiRequest<PartnerProfile>('/api/partner/profile', { signal });
}
