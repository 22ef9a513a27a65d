import { citizenAccess, definePolicy, publicAccess, rolesAccess } from '../../http/access.js';

/**
 * Online police station (Delegacia Virtual). Citizens file, follow, message and download their own
 * reports (another citizen's: 404; the gov.br level per kind is checked by the use cases); anyone
 * authenticates a report by code (minimum shown); the civil police work the queue of the stations
 * of their scope (a grant naming a municipality sees only that municipality's stations: else 404).
 */
export const policeReportsPolicy = definePolicy({
  stations: citizenAccess,
  uploadFile: citizenAccess,
  start: citizenAccess,
  saveDraft: citizenAccess,
  submit: citizenAccess,
  listMine: citizenAccess,
  showMine: citizenAccess,
  messageMine: citizenAccess,
  downloadMine: citizenAccess,
  verify: publicAccess('police report authenticity by code: number, kind, station and date only'),
  staffStations: rolesAccess('civil_police'),
  queue: rolesAccess('civil_police'),
  show: rolesAccess('civil_police'),
  attachment: rolesAccess('civil_police'),
  decide: rolesAccess('civil_police'),
  message: rolesAccess('civil_police'),
  protectiveMeasure: rolesAccess('civil_police'),
  vehicleRecovery: rolesAccess('civil_police'),
});
