import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

export const partnersPolicy = definePolicy({
  signUp: publicAccess(
    'public sign-up of a partner (ente proponente) and its first partner_user account (Art. 3, Art. 8); rate-limited, proof of work',
  ),
  ownProfile: rolesAccess('partner_user'),
  updateOwnProfile: rolesAccess('partner_user'),
  // Art. 15: the partner authorises integrators; an integrator lists who authorised it.
  listIntegrators: rolesAccess('partner_user'),
  authoriseIntegrator: rolesAccess('partner_user'),
  revokeIntegrator: rolesAccess('partner_user'),
  myAuthorisations: rolesAccess('integrator'),
  // Alteração cadastral (issue 12, item 7): the partner files, the committee decides.
  fileIdentityChange: rolesAccess('partner_user'),
  listOwnIdentityChanges: rolesAccess('partner_user'),
  listIdentityChanges: rolesAccess('committee_member', 'admin', 'auditor'),
  decideIdentityChange: rolesAccess('committee_member'),
});
