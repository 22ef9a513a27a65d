import { citizenAccess, definePolicy, publicAccess } from '../../http/access.js';

/**
 * Citizen identity (gov.br Login Único). Signing in starts anonymous by nature; everything about
 * the citizen's own requests needs the citizen session (never a staff session).
 */
export const citizenAccountsPolicy = definePolicy({
  session: publicAccess('citizen session state: whether gov.br sign-in is available and who is signed in'),
  startSignIn: publicAccess('starts the gov.br sign-in (redirect with PKCE); nothing is read'),
  finishSignIn: publicAccess('gov.br redirects back here with the authorization code'),
  signOut: citizenAccess,
  myLookups: citizenAccess,
  myLookupsByName: citizenAccess,
});
