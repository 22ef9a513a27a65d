import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Who may call each accreditation use case. Object scope is enforced in the queries (scope.ts):
 * a partner reaches only its own applications (404 otherwise), a municipal manager only its queue
 * (Art. 8 §1), a RISP coordinator only the opinions of its regions; SESP's committee sees all.
 */
const partner = rolesAccess('partner_user');
const reviewers = rolesAccess('committee_member', 'municipal_manager');

export const accreditationPolicy = definePolicy({
  listApplications: rolesAccess('partner_user', 'committee_member', 'municipal_manager', 'admin', 'auditor'),
  viewApplication: rolesAccess('partner_user', 'committee_member', 'municipal_manager', 'admin', 'auditor'),
  downloadApplicationFile: rolesAccess('partner_user', 'committee_member', 'municipal_manager', 'admin', 'auditor'),
  createApplication: partner,
  updateApplication: partner,
  setCameraPoints: partner,
  attachDocument: partner,
  submitApplication: partner,
  answerDeficiencyNotice: partner,
  decideDirectHandling: rolesAccess('committee_member'),
  startAnalysis: reviewers,
  recordChecklist: reviewers,
  scheduleTechnicalVisit: reviewers,
  recordTechnicalVisit: reviewers,
  issueDeficiencyNotice: reviewers,
  approveApplication: reviewers,
  rejectApplication: reviewers,
  listRispOpinions: rolesAccess('risp_coordinator'),
  giveRispOpinion: rolesAccess('risp_coordinator'),
  homologateApplication: rolesAccess('admin'),
  listCooperationTerms: rolesAccess('partner_user', 'committee_member', 'municipal_manager', 'admin', 'auditor'),
  signCooperationTerm: rolesAccess('admin'),
  endCooperationTerm: rolesAccess('admin'),
});
