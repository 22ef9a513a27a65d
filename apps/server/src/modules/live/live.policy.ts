import { definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Live view (SPEC §3.4). Who may ask for a stream token; which cameras is decided by the camera
 * scope (cameras.scope.ts viewScope): operators all, regional operators their region, partner users
 * their own partner's cameras, admins all; protection staff only the cameras along the route of a
 * mission in progress they are placed in (the route-camera grant wired in by app.ts). Anonymous viewers only get cameras open to the public.
 */
export const livePolicy = definePolicy({
  token: rolesAccess('operator', 'regional_operator', 'partner_user', 'admin', 'protection_staff'),
  publicToken: publicAccess(
    'live view of cameras their partner opened to the public; the token is bound to the camera and checked by the media node',
  ),
});
