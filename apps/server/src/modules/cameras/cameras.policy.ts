import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Camera registry (SPEC §3.3). Object scope is enforced in the queries (cameras.scope.ts):
 * partner users and integrators only ever see their own partner's cameras; regional operators the
 * cameras of their security region's municipalities; admins, committee and CIOSP operators all.
 */
export const camerasPolicy = definePolicy({
  list: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member', 'operator', 'regional_operator'),
  read: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member', 'operator', 'regional_operator'),
  create: rolesAccess('partner_user', 'integrator', 'admin'),
  update: rolesAccess('partner_user', 'integrator', 'admin'),
  remove: rolesAccess('partner_user', 'integrator', 'admin'),
  selfTest: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member'),
  selfTestHistory: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member'),
  selfTestSnapshot: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member'),
});
