import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Recordings (SPEC §3.4). Timeline: operations centre and admins (camera-scope filtering for
 * regional operators and partners is not wired yet, so they are left out for now). Chain
 * verification: admins and auditors. The export-signing public key is public (anyone verifies).
 */
export const recordingsPolicy = definePolicy({
  timeline: rolesAccess('operator', 'admin'),
  verify: rolesAccess('admin', 'auditor'),
  publicKey: publicAccess('public key that verifies the Ed25519 signature of exported evidence packages'),
});
