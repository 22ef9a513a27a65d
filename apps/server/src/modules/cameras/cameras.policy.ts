import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Camera registry (SPEC §3.3). Object scope is enforced in the queries (cameras.scope.ts):
 * partner users their own partner's cameras and the open ones (Art. 26 §2); integrators the
 * authorising partners'; regional operators their security region's; municipal managers their
 * municipality's partners'; CIOSP operators their areas of interest; admins and committee all.
 */
export const camerasPolicy = definePolicy({
  list: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member', 'operator', 'regional_operator', 'municipal_manager'),
  /** Camera pickers (light page of the list): the same people and scope as the list. */
  options: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member', 'operator', 'regional_operator', 'municipal_manager'),
  read: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member', 'operator', 'regional_operator', 'municipal_manager'),
  create: rolesAccess('partner_user', 'integrator', 'admin'),
  update: rolesAccess('partner_user', 'integrator', 'admin'),
  remove: rolesAccess('partner_user', 'integrator', 'admin'),
  /** RTSP push credentials (cameras without a public IP): same people as camera edit. */
  pushCredentials: rolesAccess('partner_user', 'integrator', 'admin'),
  selfTest: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member'),
  selfTestHistory: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member'),
  selfTestSnapshot: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member'),
  /** Partner NVR (Art. 25 §2): read by whoever sees the camera (playback offers it), set by whoever edits it. */
  nvrRead: rolesAccess('partner_user', 'integrator', 'admin', 'operator', 'regional_operator'),
  nvrEdit: rolesAccess('partner_user', 'integrator', 'admin'),
  /** Bulk import of the installer's spreadsheet: whoever may register cameras. */
  importTemplate: rolesAccess('partner_user', 'integrator', 'admin'),
  importSpreadsheet: rolesAccess('partner_user', 'integrator', 'admin'),
  /** The committee approves (or refuses/revokes) a partner's request to open a camera to the public (Art. 26 §2). */
  publicAccessDecision: rolesAccess('committee_member'),
  /** The committee's queue of those requests (partner names, so the committee only). */
  publicAccessRequests: rolesAccess('committee_member'),
  /** Operations map: the same people and scope as the list. */
  map: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member', 'operator', 'regional_operator', 'municipal_manager'),
  /** Operations map clustered on the server for a viewport (issue 13): the same people and scope as the list. */
  mapView: rolesAccess('partner_user', 'integrator', 'admin', 'committee_member', 'operator', 'regional_operator', 'municipal_manager'),
  publicMap: publicAccess('public map of participating sites (approximate, partner kind only) and cameras open to the public (Art. 26 §2)'),
});
