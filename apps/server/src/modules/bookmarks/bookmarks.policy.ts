import { definePolicy, rolesAccess } from '../../http/access.js';

/** Bookmarks (issue 17): operators and regional operators; object scope (unit, camera) in the queries. */
const operators = ['operator', 'regional_operator'] as const;

export const bookmarksPolicy = definePolicy({
  create: rolesAccess(...operators),
  search: rolesAccess(...operators),
  view: rolesAccess(...operators),
  attach: rolesAccess(...operators),
});
