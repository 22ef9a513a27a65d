import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Arrest warrants (issue 16): the public lookup is anonymous (rate-limited, proof of work, every
 * query recorded for the person looked up); the store is kept by civil-police staff.
 */
const civilPolice = rolesAccess('civil_police');

export const warrantsPolicy = definePolicy({
  lookup: publicAccess('public arrest-warrant lookup by two identifiers: answers only pending, valid warrants (number, court, date)'),
  list: civilPolice,
  register: civilPolice,
  changeStatus: civilPolice,
});
