import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Vehicle status (issue 16): the public lookup is anonymous (rate-limited, proof of work, logged);
 * the vehicle store is kept by civil-police staff.
 */
const civilPolice = rolesAccess('civil_police');

export const vehicleRecordsPolicy = definePolicy({
  status: publicAccess('public vehicle status by plate or chassis: description and stolen/robbed flag, never the owner'),
  list: civilPolice,
  create: civilPolice,
  update: civilPolice,
  template: civilPolice,
  import: civilPolice,
});
