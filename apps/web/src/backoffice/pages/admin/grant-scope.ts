import type { OperatorUnit, Role, RoleGrant } from '@vigia/contracts';

/** Scope fields of a role grant (roles.ts `roleGrantSchema`). */
export type ScopeField = 'partnerId' | 'municipalityIbge' | 'securityRegionId' | 'unit';

/** Which scope fields make sense for each role (all optional; the server decides what is required). */
export const scopeFieldsByRole: Record<Role, readonly ScopeField[]> = {
  partner_user: ['partnerId'],
  integrator: ['partnerId'],
  committee_member: [],
  risp_coordinator: ['securityRegionId'],
  municipal_manager: ['municipalityIbge'],
  operator: ['unit', 'securityRegionId'],
  regional_operator: ['unit', 'securityRegionId'],
  admin: [],
  release_authority: [],
  auditor: [],
  external_requester: [],
  protection_staff: [],
  politec_staff: [],
  traffic_police: [],
  civil_police: ['municipalityIbge'],
  ombudsman_staff: [],
};

/** The form's editable state of one grant: strings, '' meaning "not set". */
export interface GrantDraft {
  key: number;
  role: Role | '';
  partnerId: string;
  municipalityIbge: string;
  securityRegionId: string;
  unit: OperatorUnit | '';
}

let nextKey = 0;
export function emptyGrant(): GrantDraft {
  nextKey += 1;
  return { key: nextKey, role: '', partnerId: '', municipalityIbge: '', securityRegionId: '', unit: '' };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ibgeMt = /^51\d{5}$/;

export type GrantErrors = Partial<Record<'role' | ScopeField, string>>;

export function validateGrant(draft: GrantDraft): GrantErrors {
  const errors: GrantErrors = {};
  if (!draft.role) {
    errors.role = 'Escolha o perfil.';
    return errors;
  }
  const fields = scopeFieldsByRole[draft.role];
  if (fields.includes('partnerId') && draft.partnerId.trim() && !uuid.test(draft.partnerId.trim()))
    errors.partnerId = 'Identificador do parceiro inválido (formato UUID).';
  if (fields.includes('securityRegionId') && draft.securityRegionId.trim() && !uuid.test(draft.securityRegionId.trim()))
    errors.securityRegionId = 'Identificador da região inválido (formato UUID).';
  if (fields.includes('municipalityIbge') && draft.municipalityIbge.trim() && !ibgeMt.test(draft.municipalityIbge.trim()))
    errors.municipalityIbge = 'Informe o código IBGE de um município de MT (7 dígitos, começando por 51).';
  return errors;
}

/** Draft → request grant; fields that do not apply to the role are sent as null. */
export function toRoleGrant(draft: GrantDraft): RoleGrant {
  if (!draft.role) throw new Error('Grant without role');
  const fields = scopeFieldsByRole[draft.role];
  const pick = (field: ScopeField, value: string) => (fields.includes(field) && value.trim() ? value.trim() : null);
  return {
    role: draft.role,
    partnerId: pick('partnerId', draft.partnerId),
    municipalityIbge: pick('municipalityIbge', draft.municipalityIbge),
    securityRegionId: pick('securityRegionId', draft.securityRegionId),
    unit: fields.includes('unit') && draft.unit ? draft.unit : null,
  };
}
