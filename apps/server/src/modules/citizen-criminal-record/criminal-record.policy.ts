import { citizenAccess, definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Criminal-record certificate (free; gov.br prata or ouro, checked by the use case). Citizens
 * request and read their own, and give or revoke consent links to their own certificates; anyone
 * verifies by code (minimum shown); a consent link answers its holder until it expires or is revoked; Politec staff work the analysis queue and keep the records base.
 */
export const criminalRecordPolicy = definePolicy({
  request: citizenAccess,
  listMine: citizenAccess,
  downloadMine: citizenAccess,
  createConsentLink: citizenAccess,
  listMyConsentLinks: citizenAccess,
  revokeConsentLink: citizenAccess,
  verify: publicAccess('certificate authenticity by code: name, masked CPF, dates and result only'),
  consent: publicAccess('consent link given by the citizen: valid / no record as of now, until it expires'),
  queue: rolesAccess('politec_staff', 'admin'),
  decide: rolesAccess('politec_staff'),
  addRecord: rolesAccess('politec_staff'),
  changeRecordStatus: rolesAccess('politec_staff'),
  recordsOfCpf: rolesAccess('politec_staff'),
});
