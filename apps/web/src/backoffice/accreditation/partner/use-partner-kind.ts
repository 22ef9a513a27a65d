import type { ApplicantKind, PartnerProfile } from '@vigia/contracts';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { getOwnPartnerProfile } from '../../api/partner-api';

/** The signed-in partner's profile (GET /api/partner/profile): kind and registered address. */
export function usePartnerProfile() {
  return useApiData<PartnerProfile>(getOwnPartnerProfile);
}

export const kindOf = (p: PartnerProfile | null): ApplicantKind | null => p?.kind ?? null;
