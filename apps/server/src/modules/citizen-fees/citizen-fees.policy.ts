import { citizenAccess, definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Security fees. Citizens read, download and reissue their own; the bank/PSP confirms payments
 * through a webhook signed with HMAC (the signature is the credential, so it carries no session or
 * CSRF token); Politec staff (and administrators) confirm a payment by hand with its reference.
 */
export const citizenFeesPolicy = definePolicy({
  listMine: citizenAccess,
  slip: citizenAccess,
  reissue: citizenAccess,
  webhook: { ...publicAccess('payment notice of the bank/PSP, authenticated by its HMAC-SHA256 signature'), signed: true },
  pending: rolesAccess('politec_staff', 'admin'),
  confirmByHand: rolesAccess('politec_staff', 'admin'),
});
