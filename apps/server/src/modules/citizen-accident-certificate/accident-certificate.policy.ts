import { citizenAccess, definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Traffic-accident certificate (free; gov.br prata or ouro, checked by the use cases). Citizens
 * declare, follow, correct and download their own; other parties named by CPF see and confirm
 * theirs (others' personal data left out); anyone authenticates a certificate by code (minimum
 * shown); the traffic police work the queue.
 */
export const accidentCertificatePolicy = definePolicy({
  uploadPhoto: citizenAccess,
  declare: citizenAccess,
  listMine: citizenAccess,
  showMine: citizenAccess,
  resubmit: citizenAccess,
  downloadMine: citizenAccess,
  participations: citizenAccess,
  confirm: citizenAccess,
  verify: publicAccess('accident certificate authenticity by code: protocol, dates, municipality and masked CPFs only'),
  queue: rolesAccess('traffic_police', 'admin'),
  show: rolesAccess('traffic_police'),
  photo: rolesAccess('traffic_police'),
  decide: rolesAccess('traffic_police'),
});
