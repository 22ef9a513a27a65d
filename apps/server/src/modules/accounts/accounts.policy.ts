import { definePolicy, publicAccess, rolesAccess, stageAccess } from '../../http/access.js';

export const accountsPolicy = definePolicy({
  session: publicAccess('tells the browser whether it is signed in; returns only its own session'),
  login: publicAccess('sign-in form'),
  logout: publicAccess('ends whatever session the cookie names'),
  altchaChallenge: publicAccess('proof-of-work challenge for the public account forms; no data'),
  confirmEmail: publicAccess('the link mailed at sign-up activates the account; the token is the credential'),
  resendConfirmation: publicAccess('asks for a new confirmation link; same answer for any e-mail; rate-limited, proof of work'),
  requestPasswordReset: publicAccess('forgotten password; same answer for any e-mail; rate-limited, proof of work'),
  resetPassword: publicAccess('sets a new password with the mailed single-use token'),
  mfaEnrol: stageAccess('mfa_enrol'),
  mfaVerify: stageAccess('mfa_verify'),
  listUsers: rolesAccess('admin'),
  createUser: rolesAccess('admin'),
  suspendUser: rolesAccess('admin'),
  reactivateUser: rolesAccess('admin'),
});
