import { citizenAccess, definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Ombudsman (Lei 13.460/2017). Citizens file identified or confidential manifestations signed in
 * with gov.br, or anonymous ones without sign-in (proof of work + per-address limit); anyone with
 * the protocol and the access code follows and replies. Ombudsman staff work the queue and see who
 * filed a confidential one; the units answer what is routed to them, never seeing that identity.
 */
const unitRoles = ['politec_staff', 'traffic_police', 'civil_police', 'committee_member'] as const;

export const ombudsmanPolicy = definePolicy({
  fileSignedIn: citizenAccess,
  fileAnonymous: publicAccess('anonymous ombudsman manifestation, Lei 13.460/2017 (proof of work and per-address limit)'),
  followUp: publicAccess('manifestation follow-up by protocol and access code (rate-limited; wrong pair: not found)'),
  replyPublic: publicAccess('the requester replies by protocol and access code (rate-limited)'),
  listMine: citizenAccess,
  showMine: citizenAccess,
  replyMine: citizenAccess,
  queue: rolesAccess('ombudsman_staff'),
  show: rolesAccess('ombudsman_staff'),
  route: rolesAccess('ombudsman_staff'),
  extend: rolesAccess('ombudsman_staff'),
  answer: rolesAccess('ombudsman_staff'),
  message: rolesAccess('ombudsman_staff'),
  unitInbox: rolesAccess(...unitRoles),
  unitShow: rolesAccess(...unitRoles),
  unitAnswer: rolesAccess(...unitRoles),
  unitExtend: rolesAccess(...unitRoles),
});
