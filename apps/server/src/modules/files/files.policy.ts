import { definePolicy, rolesAccess } from '../../http/access.js';

/** Uploads: whoever fills applications, analyses them or answers deficiency notices. */
export const filesPolicy = definePolicy({
  upload: rolesAccess('partner_user', 'integrator', 'committee_member', 'municipal_manager', 'risp_coordinator', 'admin'),
  ownFile: rolesAccess('partner_user', 'integrator', 'committee_member', 'municipal_manager', 'risp_coordinator', 'admin'),
});
