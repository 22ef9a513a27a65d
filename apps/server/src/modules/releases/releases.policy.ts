import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Access & releases (SPEC §3.5–3.6). Footage release (art. 2º, VI): external requesters file (and
 * operators may register on a requester's behalf); the committee instructs; the release authority
 * decides and closes; auditors and administrators read. Object scope is in the queries
 * (release-requests.ts): a requester or filing operator sees only the requests they are party to.
 * Areas of interest (art. 26) and misuse (art. 27, § 2º) are administrators' acts.
 */
const parties = ['external_requester', 'operator', 'regional_operator'] as const;
const sesp = ['committee_member', 'release_authority', 'admin', 'auditor'] as const;

export const releasesPolicy = definePolicy({
  cameraOptions: rolesAccess(...parties, 'committee_member', 'release_authority', 'admin'),
  list: rolesAccess(...parties, ...sesp),
  view: rolesAccess(...parties, ...sesp),
  create: rolesAccess(...parties),
  addNote: rolesAccess('committee_member'),
  decide: rolesAccess('release_authority'),
  close: rolesAccess('release_authority'),
  downloadDocument: rolesAccess(...parties, ...sesp),
  /** Only the requester's own account may download (bound in the query). */
  downloadDelivery: rolesAccess('external_requester'),
  /** "Tentar novamente" after the package failed to build (release authority). */
  retryDelivery: rolesAccess('release_authority'),
  listAreas: rolesAccess('admin'),
  createArea: rolesAccess('admin'),
  removeArea: rolesAccess('admin'),
  reportMisuse: rolesAccess('admin'),
  listMisuseFlags: rolesAccess('admin'),
});
