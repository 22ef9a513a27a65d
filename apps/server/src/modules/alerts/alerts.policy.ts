import { definePolicy, rolesAccess } from '../../http/access.js';

/** CIOSP in-app alerts (camera down / back): operations centres in their camera scope and admins. */
export const alertsPolicy = definePolicy({
  list: rolesAccess('operator', 'regional_operator', 'admin'),
  acknowledge: rolesAccess('operator', 'regional_operator', 'admin'),
});
