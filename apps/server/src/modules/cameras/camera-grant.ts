import { or, type SQL } from 'drizzle-orm';
import type { AuthContext } from '../accounts/session.service.js';

/**
 * What a grant is asked for: live view, or a playback — `from` is the start of the range asked when
 * a playback starts (renewal, media, end and snapshot ask without it).
 */
export type CameraGrantUse = { kind: 'live' } | { kind: 'playback'; from?: Date };

/**
 * Cameras another module lets a user reach beyond their role scopes, for a limited purpose: a
 * condition on `camera`, or `null` for none. The composition root wires it into live, playback and
 * privacy masks, so those modules ask one narrow question and never import the granting module —
 * today the protection team's route cameras during a mission (protection/route-grant.ts).
 */
export type CameraGrant = (auth: AuthContext, use: CameraGrantUse) => Promise<SQL | null>;

/** `scope` widened by the grant, when there is one and it grants something. */
export async function withGrant(scope: SQL, auth: AuthContext, use: CameraGrantUse, grant: CameraGrant | undefined): Promise<SQL> {
  const extra = grant ? await grant(auth, use) : null;
  return extra ? or(scope, extra)! : scope;
}
