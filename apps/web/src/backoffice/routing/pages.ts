import type { ComponentType } from 'react';
import type { AreaId } from '../navigation';
import { CommitteeArea } from '../accreditation/committee/CommitteeArea';
import { HomologationArea } from '../accreditation/homologation/HomologationArea';
import { MunicipalArea } from '../accreditation/municipal/MunicipalArea';
import { PartnerTermsPage } from '../accreditation/partner/PartnerTermsPage';
import { PartnerApplicationsArea } from '../accreditation/partner/PartnerApplicationsArea';
import { RispOpinionsPage } from '../accreditation/risp/RispOpinionsPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { UsersPage } from '../pages/admin/UsersPage';

/**
 * The page component of each built area ('ready' in navigation.ts). Each is mounted at `<path>/*`,
 * so an area may declare its own sub-routes (list, detail, wizard) with <Routes>.
 */
export const pages: Partial<Record<AreaId, ComponentType>> = {
  'admin-users': UsersPage,
  audit: AuditPage,
  'admin-homologations': HomologationArea,
  'partner-applications': PartnerApplicationsArea,
  'partner-terms': PartnerTermsPage,
  'committee-queue': CommitteeArea,
  'risp-opinions': RispOpinionsPage,
  'municipal-applications': MunicipalArea,
};
