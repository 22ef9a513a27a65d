import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Playback of recordings (SPEC §3.4). Same people as the live view; which cameras is decided by the
 * camera scope (cameras.scope.ts playbackScope — never the live scope: another partner's open camera is live only): operators their areas, regional operators their region,
 * partner users their own partner's cameras, admins all. Every request also needs the playback
 * token (bound to user, session, camera and the player's nonce) except starting one, which needs a reason.
 */
const players = rolesAccess('operator', 'regional_operator', 'partner_user', 'admin');
/** Protection staff play only the route cameras of their mission in progress, from its start (camera grant). */
const withProtection = rolesAccess('operator', 'regional_operator', 'partner_user', 'admin', 'protection_staff');
export const playbackPolicy = definePolicy({
  start: withProtection,
  renew: withProtection,
  media: withProtection,
  snapshot: withProtection,
  /** The player was closed (ends the caller's own playback; audited `playback.ended`). */
  end: withProtection,
  /** Playback from the partner's own recorder (Art. 25 §2): platform roles and scope only. */
  nvr: players,
});
