import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Directory of security units (issue 16): open data read by anyone, maintained by administrators
 * (no dedicated role: it is configuration of the platform, like protection's reference list).
 */
const admins = rolesAccess('admin');

export const securityUnitsPolicy = definePolicy({
  list: publicAccess('open data: public directory of security units (address, phones, hours, position)'),
  geojson: publicAccess('open data: the security-units directory as GeoJSON (RFC 7946)'),
  csv: publicAccess('open data: the security-units directory as CSV'),
  template: admins,
  import: admins,
  create: admins,
  update: admins,
  remove: admins,
});
