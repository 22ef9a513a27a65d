import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

export const partnersPolicy = definePolicy({
  signUp: publicAccess('public sign-up of a partner (ente proponente) and its first partner_user account (Art. 3, Art. 8)'),
  ownProfile: rolesAccess('partner_user'),
  updateOwnProfile: rolesAccess('partner_user'),
});
