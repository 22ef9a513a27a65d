import { definePolicy, rolesAccess } from '../../http/access.js';

export const auditPolicy = definePolicy({
  list: rolesAccess('admin', 'auditor'),
  verify: rolesAccess('admin', 'auditor'),
});
