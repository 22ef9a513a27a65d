import type { Me, Role } from '@vigia/contracts';

/** Mirrors cameras.policy.ts: who may register, edit, delete and import (the server decides anyway). */
export const mayManageCameras = (role: Role | null): boolean => role === 'partner_user' || role === 'integrator' || role === 'admin';
export const maySelfTest = (role: Role | null): boolean => mayManageCameras(role) || role === 'committee_member';

/** Partners whose cameras the active role manages (from the grants), for the owner choice. */
export function ownPartnerIds(me: Me, role: Role | null): string[] {
  return [...new Set(me.grants.filter((g) => g.role === role && g.partnerId).map((g) => g.partnerId!))];
}

/** Mirrors ptz.policy.ts `approve`: who registers a PTZ camera's approved view. */
export const mayApproveView = (role: Role | null): boolean => role === 'admin' || role === 'committee_member';
