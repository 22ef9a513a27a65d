import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Camera events (issue 17): operations centres (their areas / region), admins and the committee,
 * and partners (their own cameras) — scope applied by the service, out of scope is 404.
 */
export const eventsPolicy = definePolicy({
  list: rolesAccess('operator', 'regional_operator', 'admin', 'committee_member', 'partner_user'),
  read: rolesAccess('operator', 'regional_operator', 'admin', 'committee_member', 'partner_user'),
});
