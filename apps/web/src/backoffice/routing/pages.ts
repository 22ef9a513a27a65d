import type { ComponentType } from 'react';
import { CommitteeArea } from '../accreditation/committee/CommitteeArea';
import { HomologationArea } from '../accreditation/homologation/HomologationArea';
import { MunicipalArea } from '../accreditation/municipal/MunicipalArea';
import { PartnerApplicationsArea } from '../accreditation/partner/PartnerApplicationsArea';
import { PartnerTermsPage } from '../accreditation/partner/PartnerTermsPage';
import { RispOpinionsPage } from '../accreditation/risp/RispOpinionsPage';
import { AuditScreen } from '../audit/AuditScreen';
import { CamerasArea } from '../cameras/CamerasArea';
import { PublicAccessRequestsPage } from '../cameras/PublicAccessRequestsPage';
import { PoliceReportQueuePage } from '../civil-police/PoliceReportQueuePage';
import { VehicleRecordsPage } from '../civil-police/VehicleRecordsPage';
import { WarrantsPage } from '../civil-police/WarrantsPage';
import { EventsPage } from '../events/EventsPage';
import { ExportsPage } from '../exports/ExportsPage';
import { HealthPage } from '../health/HealthPage';
import { IntegrationsPage } from '../integrations/IntegrationsPage';
import { CameraSharingPage } from '../integrators/CameraSharingPage';
import { PortfolioPage } from '../integrators/PortfolioPage';
import { SelfTestBatchPage } from '../integrators/SelfTestBatchPage';
import { LiveArea } from '../live/LiveArea';
import { MosaicPage } from '../live/MosaicPage';
import type { AreaId } from '../navigation';
import { CommitteeAccountabilityArea } from '../obligations/accountability/CommitteeAccountabilityArea';
import { PartnerAccountabilityArea } from '../obligations/accountability/PartnerAccountabilityArea';
import { ComplaintsArea } from '../obligations/complaints/ComplaintsArea';
import { InspectionsArea } from '../obligations/inspections/InspectionsArea';
import { CommitteeLoansArea } from '../obligations/loans/CommitteeLoansArea';
import { MunicipalLoansPage } from '../obligations/loans/MunicipalLoansPage';
import { PartnerIncidentsPage } from '../obligations/loans/PartnerIncidentsPage';
import { PartnerLoansArea } from '../obligations/loans/PartnerLoansArea';
import { CommitteeSanctionsArea } from '../obligations/sanctions/CommitteeSanctionsArea';
import { PartnerSanctionsArea } from '../obligations/sanctions/PartnerSanctionsArea';
import { OmbudsmanQueuePage } from '../ombudsman/OmbudsmanQueuePage';
import { UnitInboxPage } from '../ombudsman/UnitInboxPage';
import { OperationsMapPage } from '../operations-map/OperationsMapPage';
import { UsersPage } from '../pages/admin/UsersPage';
import { IdentityChangesPage } from '../partners/IdentityChangesPage';
import { PartnerProfilePage } from '../partners/PartnerProfilePage';
import { PlaybackArea } from '../playback/PlaybackArea';
import { CertificateQueuePage } from '../politec/CertificateQueuePage';
import { CriminalRecordsPage } from '../politec/CriminalRecordsPage';
import { FeesPage } from '../politec/FeesPage';
import { IdentityCardsPage } from '../politec/IdentityCardsPage';
import { ProtectionArea } from '../protection/ProtectionArea';
import { ReferencePlacesPage } from '../protection/ReferencePlacesPage';
import { ReleasesArea } from '../releases/ReleasesArea';
import { SecurityUnitsAdminPage } from '../security-units/SecurityUnitsAdminPage';
import { PlateReviewPage } from '../signage/PlateReviewPage';
import { SignagePlatesPage } from '../signage/SignagePlatesPage';
import { AccidentQueuePage } from '../traffic-police/AccidentQueuePage';

/**
 * The page component of each built area ('ready' in navigation.ts). Each is mounted at `<path>/*`,
 * so an area may declare its own sub-routes (list, detail, wizard) with <Routes>.
 */
export const pages: Partial<Record<AreaId, ComponentType>> = {
  'admin-users': UsersPage,
  'admin-integrations': IntegrationsPage,
  'admin-security-units': SecurityUnitsAdminPage,
  audit: AuditScreen,
  'release-decisions': ReleasesArea,
  'requester-requests': ReleasesArea,
  'admin-homologations': HomologationArea,
  'partner-applications': PartnerApplicationsArea,
  'partner-terms': PartnerTermsPage,
  'partner-profile': PartnerProfilePage,
  'committee-identity-changes': IdentityChangesPage,
  'committee-public-access': PublicAccessRequestsPage,
  'committee-queue': CommitteeArea,
  'risp-opinions': RispOpinionsPage,
  'municipal-applications': MunicipalArea,
  'partner-cameras': CamerasArea,
  'ops-map': OperationsMapPage,
  'ops-live': LiveArea,
  'ops-mosaic': MosaicPage,
  'ops-recordings': PlaybackArea,
  'ops-health': HealthPage,
  'ops-exports': ExportsPage,
  // Obligations (Art. 17–20, 28–30)
  'committee-loans': CommitteeLoansArea,
  'committee-accountability': CommitteeAccountabilityArea,
  'committee-inspections': InspectionsArea,
  'committee-complaints': ComplaintsArea,
  'committee-sanctions': CommitteeSanctionsArea,
  'partner-loans': PartnerLoansArea,
  'partner-incidents': PartnerIncidentsPage,
  'partner-accountability': PartnerAccountabilityArea,
  'partner-sanctions': PartnerSanctionsArea,
  'municipal-loans': MunicipalLoansPage,
  // Integrator portfolio (issue 18)
  'integrator-applications': PortfolioPage,
  'integrator-camera-tests': SelfTestBatchPage,
  'partner-camera-sharing': CameraSharingPage,
  'signage-plates': SignagePlatesPage,
  'committee-signage-plates': PlateReviewPage,
  'protection-missions': ProtectionArea,
  'protection-support': ReferencePlacesPage,
  'traffic-accidents': AccidentQueuePage,
  // Civil police (issue 16)
  'civil-police-reports': PoliceReportQueuePage,
  'ops-events': EventsPage,
  // Politec and treasury (issue 15)
  'politec-identity-cards': IdentityCardsPage,
  'politec-certificates': CertificateQueuePage,
  'politec-criminal-records': CriminalRecordsPage,
  'politec-fees': FeesPage,
  'ombudsman-queue': OmbudsmanQueuePage,
  'ombudsman-unit-inbox': UnitInboxPage,
  // Civil police (issue 16)
  'civil-police-warrants': WarrantsPage,
  'civil-police-vehicles': VehicleRecordsPage,
};
