import { definePolicy, rolesAccess } from '../../http/access.js';

/**
 * Who may call each protection use case. Only `protection_staff` (and auditors, read-only) reach
 * the module; inside it, the person's protection functions and their place in each mission decide
 * (scope.ts): out of scope is "not found", a step of another function is PROTECTION_FUNCTION_REQUIRED.
 */
const staff = rolesAccess('protection_staff');
const readers = rolesAccess('protection_staff', 'auditor');

export const protectionPolicy = definePolicy({
  listMissions: readers,
  viewMission: readers,
  downloadAct: readers,
  myFunctions: staff,
  grantFunctions: rolesAccess('admin'),
  teamRules: staff,
  publishTeamRules: staff,
  requestProtection: staff,
  act: staff,
  /** The mission's leads and team, while it is in progress (route-grant.ts); live and playback go through the camera grant. */
  routeMosaic: staff,
  /** The reference list of hospitals, police and fire units: configuration of the administrators; staff read it. */
  referencePlaces: rolesAccess('protection_staff', 'admin', 'auditor'),
  referenceTemplate: rolesAccess('protection_staff', 'admin'),
  importReferencePlaces: rolesAccess('admin'),
});
