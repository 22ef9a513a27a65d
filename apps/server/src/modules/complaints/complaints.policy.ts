import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Complaints (Art. 28 §2). Citizens file and follow by protocol on the public portal; SESP's
 * committee and administrators triage; auditors read. Partners never see complaints (protects the
 * complainant); the public lookup shows only status and the published outcome.
 */
export const complaintsPolicy = definePolicy({
  fileComplaint: publicAccess('citizen complaint channel, Decree 1.522/2022 Art. 28 §2 (rate- and size-limited)'),
  lookupComplaint: publicAccess('complaint status by protocol: status and published outcome only'),
  listComplaints: rolesAccess('committee_member', 'admin', 'auditor'),
  viewComplaint: rolesAccess('committee_member', 'admin', 'auditor'),
  triageComplaint: rolesAccess('committee_member', 'admin'),
  publishOutcome: rolesAccess('committee_member', 'admin'),
});
