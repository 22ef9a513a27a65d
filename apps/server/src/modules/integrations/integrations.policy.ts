import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * VMS integrations (Art. 22 §3; SPEC §3.3): registering an external system that pulls cameras from
 * the platform, rotating and revoking its credentials is CIOSP system administration (SESP
 * administrator, SPEC §2). The external system itself never calls the API: the media node checks
 * its credentials (docs/cameras.md "Re-serving to the CIOSP VMS").
 */
export const integrationsPolicy = definePolicy({
  list: rolesAccess('admin'),
  create: rolesAccess('admin'),
  update: rolesAccess('admin'),
  rotate: rolesAccess('admin'),
  revoke: rolesAccess('admin'),
});
