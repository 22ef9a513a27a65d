import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * PTZ (issue 17). Driving: operations centres and admins (cameras in their scope), partners (their
 * own non-program cameras, when the program allows — checked by the service). The preset of the
 * approved view is the committee's and the administration's (executive project).
 */
export const ptzPolicy = definePolicy({
  drive: rolesAccess('operator', 'regional_operator', 'admin', 'partner_user'),
  approve: rolesAccess('admin', 'committee_member'),
});
