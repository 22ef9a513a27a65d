import { definePolicy, rolesAccess } from '../../http/access.js';

/** CIOSP health dashboard: operators, regional operators (their region, by camera scope), admin, committee. */
export const healthPolicy = definePolicy({
  dashboard: rolesAccess('operator', 'regional_operator', 'admin', 'committee_member'),
  /** Fleet view (media nodes of the whole state): the CIOSP's operators and the administrators. */
  fleet: rolesAccess('operator', 'admin'),
});
