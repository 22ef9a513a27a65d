import { definePolicy, rolesAccess } from '../../http/access.js';

/** Inspections (Art. 28 §1): SESP schedules and records; the partner reads its own (never an unannounced one beforehand). */
const sesp = rolesAccess('committee_member', 'admin');
const viewers = rolesAccess('partner_user', 'committee_member', 'municipal_manager', 'admin', 'auditor');

export const inspectionsPolicy = definePolicy({
  listInspections: viewers,
  viewInspection: viewers,
  downloadInspectionFile: viewers,
  scheduleInspection: sesp,
  recordInspection: sesp,
  closeFollowUp: sesp,
});
