import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Signage plates (SPEC §3.7; seed 002). The partner and its integrator print the artwork and send the
 * installation photo of the sites they manage; the committee approves or asks for a new photo.
 */
export const signagePolicy = definePolicy({
  list: rolesAccess('partner_user', 'integrator', 'committee_member', 'admin'),
  artwork: rolesAccess('partner_user', 'integrator', 'admin'),
  submitPhoto: rolesAccess('partner_user', 'integrator'),
  photo: rolesAccess('partner_user', 'integrator', 'committee_member', 'admin'),
  decide: rolesAccess('committee_member'),
});
