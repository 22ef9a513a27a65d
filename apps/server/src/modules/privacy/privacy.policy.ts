import { anyUser, definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Privacy masks (issue 6; SPEC §3.5). Read: whoever may see the camera (view scope in SQL, 404
 * otherwise). Edit: the partner that owns the camera, admins and the committee (self-test scope).
 * Unmask grants are an administration act.
 */
export const privacyPolicy = definePolicy({
  /** Protection staff: only the route cameras of their mission in progress (camera grant). */
  readMasks: rolesAccess(
    'partner_user',
    'integrator',
    'admin',
    'committee_member',
    'operator',
    'regional_operator',
    'municipal_manager',
    'protection_staff',
  ),
  editMasks: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member'),
  myPrivacy: anyUser,
  listUnmask: rolesAccess('admin'),
  grantUnmask: rolesAccess('admin'),
  revokeUnmask: rolesAccess('admin'),
});
