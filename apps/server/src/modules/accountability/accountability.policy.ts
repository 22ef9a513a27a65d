import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Accountability report (Art. 19). SESP's committee and administrators request, open special
 * audits and review; the partner fills and submits its own; managers and auditors read.
 */
const sesp = rolesAccess('committee_member', 'admin');
const viewers = rolesAccess('partner_user', 'committee_member', 'municipal_manager', 'admin', 'auditor');

export const accountabilityPolicy = definePolicy({
  listReports: viewers,
  viewReport: viewers,
  downloadReportFile: viewers,
  requestReport: sesp,
  saveDraft: rolesAccess('partner_user'),
  submitReport: rolesAccess('partner_user'),
  reviewReport: sesp,
});
