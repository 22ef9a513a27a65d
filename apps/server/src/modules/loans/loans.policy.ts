import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Equipment loan (Art. 17–18). SESP (committee, administrators) keeps the asset registry and
 * records pickups and returns; the partner schedules pickup and reports incidents; the municipal
 * manager (indirect management) and auditors read. Object scope is in the SQL (partners/partner-scope.ts).
 */
const sesp = rolesAccess('committee_member', 'admin');
const viewers = rolesAccess('partner_user', 'committee_member', 'municipal_manager', 'admin', 'auditor');

export const loansPolicy = definePolicy({
  listAssets: rolesAccess('committee_member', 'admin', 'auditor'),
  viewAsset: rolesAccess('committee_member', 'admin', 'auditor'),
  createAsset: sesp,
  setAssetStatus: sesp,
  listLoans: viewers,
  viewLoan: viewers,
  downloadLoanDocument: viewers,
  createLoan: sesp,
  schedulePickup: rolesAccess('partner_user'),
  recordPickup: sesp,
  recordReturn: sesp,
  listIncidents: viewers,
  reportIncident: rolesAccess('partner_user'),
  replaceUnderWarranty: sesp,
  closeIncident: sesp,
});
