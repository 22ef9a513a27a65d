import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Recordings (SPEC §3.4). Timeline: whoever may play back (operators, regional operators, partner
 * users, admins), limited to the cameras of their view scope (cameras.scope.ts; else 404). Chain
 * verification: admins and auditors. The export-signing public key is public (anyone verifies).
 */
export const recordingsPolicy = definePolicy({
  timeline: rolesAccess('operator', 'regional_operator', 'partner_user', 'admin'),
  verify: rolesAccess('admin', 'auditor'),
  publicKey: publicAccess('public key that verifies the Ed25519 signature of exported evidence packages'),
});
