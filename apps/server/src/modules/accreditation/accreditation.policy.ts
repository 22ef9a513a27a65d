import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Who may call each accreditation use case. Object scope is enforced in the queries (scope.ts):
 * a partner reaches only its own applications (404 otherwise), a municipal manager only its queue
 * (Art. 8 §1), a RISP coordinator only the opinions of its regions; SESP's committee sees all.
 */
const partner = rolesAccess('partner_user');
const reviewers = rolesAccess('committee_member', 'municipal_manager');
/** Art. 15: integrators prepare drafts and camera data of partners that authorised them (scope.ts). */
const preparers = rolesAccess('partner_user', 'integrator');
const viewers = rolesAccess('partner_user', 'integrator', 'committee_member', 'municipal_manager', 'admin', 'auditor');

export const accreditationPolicy = definePolicy({
  listApplications: viewers,
  viewApplication: viewers,
  downloadApplicationFile: viewers,
  createApplication: preparers,
  updateApplication: preparers,
  setCameraPoints: preparers,
  attachDocument: preparers,
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
  viewRispCase: rolesAccess('risp_coordinator'),
  applicationHistory: viewers,
  homologateApplication: rolesAccess('admin'),
  listCooperationTerms: rolesAccess('partner_user', 'committee_member', 'municipal_manager', 'admin', 'auditor'),
  signCooperationTerm: rolesAccess('admin'),
  endCooperationTerm: rolesAccess('admin'),
});
