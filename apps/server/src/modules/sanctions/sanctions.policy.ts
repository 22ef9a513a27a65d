import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Sanctions (Art. 30), revocation (Art. 29), committee cases and the uptime scorecard. The
 * committee and administrators notify and decide; the partner files its defence and sees its own;
 * revocation is the Secretary's act — the `admin` role (SESP administrator; there is no Secretary role).
 */
const sesp = rolesAccess('committee_member', 'admin');
const viewers = rolesAccess('partner_user', 'committee_member', 'municipal_manager', 'admin', 'auditor');

export const sanctionsPolicy = definePolicy({
  listSanctions: viewers,
  viewSanction: viewers,
  downloadSanctionDocument: viewers,
  openSanction: sesp,
  fileDefence: rolesAccess('partner_user'),
  decideSanction: sesp,
  revokeCooperation: rolesAccess('admin'),
  listCases: rolesAccess('committee_member', 'admin', 'auditor', 'municipal_manager'),
  closeCase: sesp,
  uptimeScorecard: viewers,
});
