import { definePolicy, rolesAccess } from '../../http/access.js';

/** Operations console (issue 17): CIOSP operators and regional operators; admins too (support). */
const operators = ['operator', 'regional_operator', 'admin'] as const;

export const consolePolicy = definePolicy({
  cameras: rolesAccess(...operators),
  listLayouts: rolesAccess(...operators),
  saveLayout: rolesAccess(...operators),
  deleteLayout: rolesAccess(...operators),
});
