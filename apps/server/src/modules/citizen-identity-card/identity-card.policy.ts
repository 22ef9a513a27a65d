import { citizenAccess, definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Identity card (RG / CIN). Citizens pre-request and follow their own; anyone follows a protocol
 * (stage and post only) and sees the posts' free places; Politec staff keep the posts, move the
 * stages and decide fee exemptions.
 */
export const identityCardPolicy = definePolicy({
  request: citizenAccess,
  listMine: citizenAccess,
  status: publicAccess('identity-card status by protocol: stage and post only'),
  posts: publicAccess('identification posts and free places per day'),
  addPost: rolesAccess('politec_staff', 'admin'),
  workList: rolesAccess('politec_staff'),
  advance: rolesAccess('politec_staff'),
  decideExemption: rolesAccess('politec_staff'),
});
