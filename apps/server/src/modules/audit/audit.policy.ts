import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

export const auditPolicy = definePolicy({
  list: rolesAccess('admin', 'auditor'),
  verify: rolesAccess('admin', 'auditor'),
  /** Audit screen (SPEC §3.5): filters and CSV export. */
  search: rolesAccess('admin', 'auditor'),
  exportCsv: rolesAccess('admin', 'auditor'),
  publicUsage: publicAccess('transparency: monthly usage counts from the audit trail, aggregated, no personal data'),
});
