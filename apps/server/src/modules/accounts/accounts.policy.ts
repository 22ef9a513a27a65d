import { definePolicy, publicAccess, rolesAccess, stageAccess } from '../../http/access.js';

export const accountsPolicy = definePolicy({
  session: publicAccess('tells the browser whether it is signed in; returns only its own session'),
  login: publicAccess('sign-in form'),
  logout: publicAccess('ends whatever session the cookie names'),
  mfaEnrol: stageAccess('mfa_enrol'),
  mfaVerify: stageAccess('mfa_verify'),
  listUsers: rolesAccess('admin'),
  createUser: rolesAccess('admin'),
  suspendUser: rolesAccess('admin'),
  reactivateUser: rolesAccess('admin'),
});
