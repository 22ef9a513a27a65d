import { z } from 'zod';

/** Roles from SPEC §2. A person may hold several, each with its own scope. */
export const roles = [
  'partner_user',
  'integrator',
  'committee_member',
  'risp_coordinator',
  'municipal_manager',
  'operator',
  'regional_operator',
  'admin',
  'release_authority',
  'auditor',
  'external_requester',
  'protection_staff',
  'politec_staff',
  'traffic_police',
  'civil_police',
  'ombudsman_staff',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  partner_user: 'Ente parceiro',
  integrator: 'Empresa integradora / instaladora',
  committee_member: 'Comissão técnica (SESP)',
  risp_coordinator: 'Coordenação regional (RISP)',
  municipal_manager: 'Gestor municipal / consórcio',
  operator: 'Operador do CIOSP',
  regional_operator: 'Operador de centro regional',
  admin: 'Administrador (SESP)',
  release_authority: 'Autoridade de cessão de imagens',
  auditor: 'Auditoria / Corregedoria',
  external_requester: 'Solicitante externo (Judiciário, MP, autoridade policial)',
  protection_staff: 'Operações de proteção (CORE)',
  politec_staff: 'Politec — identificação civil e antecedentes criminais',
  traffic_police: 'Polícia de trânsito — certidões de acidente de trânsito',
  civil_police: 'Polícia Civil — delegacia virtual, mandados de prisão e situação de veículos',
  ombudsman_staff: 'Ouvidoria — manifestações e avaliações dos serviços',
};

/**
 * Roles whose holders must use TOTP multi-factor authentication (foundation issue, item 4).
 * Regional operators are operators too, so they are included; protection staff read secret
 * missions and watch the route cameras (issue 14).
 */
export const mfaRequiredRoles: readonly Role[] = [
  'operator',
  'regional_operator',
  'committee_member',
  'release_authority',
  'admin',
  'protection_staff',
  // Staff who read criminal records, police reports (victims of domestic violence among them),
  // warrants and citizens' complaints: a stolen password must not open them.
  'politec_staff',
  'traffic_police',
  'civil_police',
  'ombudsman_staff',
];

/** CIOSP units (Art. 26 §1). */
export const operatorUnits = ['military_police', 'civil_police', 'penal_police', 'firefighters', 'intelligence'] as const;
export const operatorUnitSchema = z.enum(operatorUnits);
export type OperatorUnit = z.infer<typeof operatorUnitSchema>;
export const operatorUnitLabels: Record<OperatorUnit, string> = {
  military_police: 'Polícia Militar',
  civil_police: 'Polícia Civil',
  penal_police: 'Polícia Penal',
  firefighters: 'Corpo de Bombeiros',
  intelligence: 'Inteligência',
};

/** One role held by a user, with the scope that role applies to. */
export const roleGrantSchema = z.object({
  role: roleSchema,
  partnerId: z.string().uuid().nullable().default(null),
  municipalityIbge: z
    .string()
    .regex(/^51\d{5}$/)
    .nullable()
    .default(null),
  securityRegionId: z.string().uuid().nullable().default(null),
  unit: operatorUnitSchema.nullable().default(null),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export function requiresMfa(userRoles: readonly Role[]): boolean {
  return userRoles.some((r) => mfaRequiredRoles.includes(r));
}
