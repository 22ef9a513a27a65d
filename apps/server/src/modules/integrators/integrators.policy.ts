import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Integrator portfolio (issue 18; Art. 15; seed 002 BH + Segura). The integrator company manages
 * its clients and their cameras (scope: its own portfolio, else 404); the client consents by an
 * e-mailed link (public, token-bearing) or by a signed term, and revokes by the link or the portal.
 */
export const integratorsPolicy = definePolicy({
  listClients: rolesAccess('integrator'),
  addClient: rolesAccess('integrator'),
  addClientCamera: rolesAccess('integrator'),
  requestConsent: rolesAccess('integrator'),
  recordSignedTerm: rolesAccess('integrator'),
  consentTerm: rolesAccess('integrator'),
  selfTestBatch: rolesAccess('integrator'),
  /** Spreadsheet of clients and their cameras (the camera import with client columns). */
  importTemplate: rolesAccess('integrator'),
  importSpreadsheet: rolesAccess('integrator'),
  lookupConsentLink: publicAccess('the client opens the consent link e-mailed to it (single secret token, issue 18)'),
  confirmConsentLink: publicAccess('the client confirms sharing named cameras through the e-mailed link (token-bearing, issue 18)'),
  revokeConsentLink: publicAccess('the client revokes its consent at any time through the e-mailed link (token-bearing, issue 18)'),
  ownSharing: rolesAccess('partner_user'),
  revokeOwnSharing: rolesAccess('partner_user'),
});
