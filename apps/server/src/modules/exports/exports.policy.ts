import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Evidence export (SPEC §3.4, issue 5). Operations centres (state and regional, camera scope in
 * SQL) and administrators request, follow and download their own exports (admins: all). A
 * release grant's package goes only to the requester (modules/releases). Anyone may verify a
 * package against the published key.
 */
export const exportsPolicy = definePolicy({
  request: rolesAccess('operator', 'regional_operator', 'admin'),
  view: rolesAccess('operator', 'regional_operator', 'admin'),
  download: rolesAccess('operator', 'regional_operator', 'admin'),
  verify: publicAccess('anyone checks an export package (ZIP) against the published Ed25519 key; size- and concurrency-limited'),
});
