import { z } from 'zod';

/**
 * Protection operations for authorities (Resolução 121/2025/CSPJC-MT; SPEC §3.9). The platform
 * role `protection_staff` opens the module; inside it, what a person may do comes from their
 * protection functions and from their place in each mission (need-to-know).
 */

/** Standing functions inside the module (Art. 6–8, 12 §ú). */
export const protectionFunctions = ['requester', 'intelligence', 'director_general', 'core_coordination', 'core_intelligence'] as const;
export const protectionFunctionSchema = z.enum(protectionFunctions);
export type ProtectionFunction = z.infer<typeof protectionFunctionSchema>;
export const protectionFunctionLabels: Record<ProtectionFunction, string> = {
  requester: 'Unidade solicitante (PJC)',
  intelligence: 'Diretoria de Inteligência (art. 6º)',
  director_general: 'Delegado-Geral (arts. 6º e 7º)',
  core_coordination: 'Coordenação da CORE (arts. 7º, 8º e 12)',
  core_intelligence: 'Núcleo de Inteligência da CORE (art. 12, parágrafo único)',
};

/** Art. 4 (I–V) and Art. 5 (I–II). */
export const protecteeCategories = [
  'art4_director_general',
  'art4_deputy_director_general',
  'art4_council_director',
  'art4_visiting_police_chief',
  'art4_threatened_servant',
  'art5_head_of_government',
  'art5_minister_or_head_of_power',
] as const;
export const protecteeCategorySchema = z.enum(protecteeCategories);
export type ProtecteeCategory = z.infer<typeof protecteeCategorySchema>;
export const protecteeCategoryLabels: Record<ProtecteeCategory, string> = {
  art4_director_general: 'Delegado-Geral da PJC/MT (art. 4º, I)',
  art4_deputy_director_general: 'Delegado-Geral Adjunto da PJC/MT (art. 4º, II)',
  art4_council_director: 'Diretor do Conselho Superior de Polícia (art. 4º, III)',
  art4_visiting_police_chief: 'Diretor-Geral de Polícia Civil de outro estado em visita oficial (art. 4º, IV)',
  art4_threatened_servant: 'Servidor da PJC/MT sob ameaça real ou concreta (art. 4º, V)',
  art5_head_of_government: 'Chefe ou autoridade de governo nacional ou estrangeiro em visita oficial (art. 5º, I)',
  art5_minister_or_head_of_power: 'Ministro de Estado ou chefe do Legislativo/Judiciário em missão oficial (art. 5º, II)',
};
export const isArt5Category = (c: ProtecteeCategory): boolean => c.startsWith('art5_');

export const missionStatuses = ['requested', 'assessed', 'not_activated', 'planning', 'in_progress', 'reported', 'closed'] as const;
export type MissionStatus = (typeof missionStatuses)[number];
export const missionStatusLabels: Record<MissionStatus, string> = {
  requested: 'Solicitada — aguardando avaliação de ameaça',
  assessed: 'Ameaça avaliada — aguardando decisão do Delegado-Geral',
  not_activated: 'Não acionada',
  planning: 'Em planejamento (CORE)',
  in_progress: 'Em execução',
  reported: 'Relatório pós-missão apresentado',
  closed: 'Encerrada',
};

const text = (min: number, max = 4000) => z.string().trim().min(min, `Escreva ao menos ${min} caracteres.`).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Data no formato AAAA-MM-DD.');

export const protectionRequestSchema = z.object({
  codeName: z
    .string()
    .trim()
    .regex(/^[A-ZÀ-Ü][A-ZÀ-Ü -]{2,39}$/, 'Codinome em letras maiúsculas (3 a 40).'),
  requestingUnit: text(3, 200),
  protectee: z.object({
    name: text(3, 200),
    office: text(2, 200),
    category: protecteeCategorySchema,
    /** Art. 4 §1: the protection extends to a family member of an Art. 4 authority. */
    familyMemberOf: z
      .object({ name: text(3, 200), relationship: text(3, 100) })
      .nullable()
      .default(null),
  }),
  /** Art. 3: people under Lei 9.807/1999 (witness protection) are excluded — asked explicitly. */
  coveredByWitnessProtection: z.boolean(),
  /** Art. 5: the recorded order of the Delegado-Geral (number and text). */
  directorGeneralOrder: z.string().trim().max(2000).nullable().default(null),
  /** Art. 6: identified de ofício by intelligence or on request of a unit. */
  origin: z.enum(['ex_officio', 'on_request']).default('on_request'),
  reasons: text(10),
  periodStart: isoDate,
  periodEnd: isoDate,
});
export type ProtectionRequest = z.infer<typeof protectionRequestSchema>;

export const threatJudgements = ['present', 'absent', 'undetermined'] as const;
export const threatGrades = ['low', 'moderate', 'high', 'critical'] as const;
export const threatGradeLabels: Record<(typeof threatGrades)[number], string> = {
  low: 'Baixo',
  moderate: 'Moderado',
  high: 'Alto',
  critical: 'Crítico',
};

/** Art. 6: a recorded judgement per factor (no black-box score). */
export const threatAssessmentSchema = z.object({
  factors: z
    .array(
      z.object({
        factor: text(3, 200),
        judgement: z.enum(threatJudgements),
        reasoning: text(10),
        sources: text(3, 1000),
      }),
    )
    .min(1, 'Registre ao menos um fator avaliado.'),
  threatHistory: text(3),
  threatExists: z.boolean(),
  grade: z.enum(threatGrades),
  conclusion: text(10),
});
export type ThreatAssessment = z.infer<typeof threatAssessmentSchema>;

export const activationDecisionSchema = z.object({ activate: z.boolean(), reasons: text(10) });

/** Art. 13, I–V. */
export const levelCriteria = ['office', 'environment', 'visitReasons', 'publicLife', 'violenceHistory'] as const;
export const levelCriterionLabels: Record<(typeof levelCriteria)[number], string> = {
  office: 'I — Cargo da autoridade',
  environment: 'II — Ambiente a ser visitado e grau de vulnerabilidade',
  visitReasons: 'III — Motivos da visita',
  publicLife: 'IV — Vida pública da autoridade e riscos dela decorrentes',
  violenceHistory: 'V — Histórico de ações violentas e/ou ameaças declaradas',
};
export const levelDecisionSchema = z.object({
  level: z.number().int().min(1).max(4),
  criteria: z.object({
    office: text(10),
    environment: text(10),
    visitReasons: text(10),
    publicLife: text(10),
    violenceHistory: text(10),
  }),
});
export type LevelDecision = z.infer<typeof levelDecisionSchema>;

/** Art. 15–16 (Annex I is not public): the level → team composition, a configurable, versioned rule set. */
export const teamRuleSetSchema = z.object({
  levels: z
    .array(
      z.object({
        level: z.number().int().min(1).max(4),
        officers: z.number().int().min(1).max(100),
        vehicles: z.number().int().min(0).max(50),
        armouredVehicles: z.number().int().min(0).max(50),
        /** Art. 20 §2: the authority may travel in its own or an institutional vehicle. */
        ownVehicleAllowed: z.boolean(),
        note: z.string().max(500).default(''),
      }),
    )
    .length(4, 'Defina os quatro níveis.'),
});
export type TeamRuleSet = z.infer<typeof teamRuleSetSchema>;

export const vehicleSchema = z.object({
  plate: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}-?\d[A-Z0-9]\d{2}$/, 'Placa inválida.'),
  armoured: z.boolean(),
  /** Art. 20 caput. */
  soundAndLightSignals: z.boolean(),
  kind: z.enum(['team', 'authority_own', 'institutional']),
  /** Art. 20 §1: driven by operators of the team (preferably). */
  drivenByTeam: z.boolean(),
});
export const vehiclesRequestSchema = z.object({ vehicles: z.array(vehicleSchema).max(50) });

const routePoint = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]);
export const routeSchema = z.object({
  legs: z
    .array(z.object({ name: text(2, 120), alternate: z.boolean().default(false), points: z.array(routePoint).min(2).max(500) }))
    .max(30),
  venues: z.array(z.object({ name: text(2, 120), kind: z.enum(['stop', 'venue']), point: routePoint })).max(50),
});
export type ProtectionRoute = z.infer<typeof routeSchema>;

/** Art. 18: the three mandatory parts of the action plan; drafts may leave fields empty, issuing may not. */
export const planParts = {
  definition: ['objectives', 'teamFunctions', 'itinerary', 'schedule', 'datesAndPlaces', 'transport', 'extraSupport'],
  situational: ['routeConditions', 'publicProfile', 'expectedDemonstrations', 'otherRisks'],
  measures: ['communications', 'vehicleInspection', 'weaponsCheck', 'briefing', 'postMissionReport'],
} as const;
export const planFieldLabels: Record<string, string> = {
  objectives: 'objetivos',
  teamFunctions: 'funções de cada equipe',
  itinerary: 'itinerário',
  schedule: 'cronograma',
  datesAndPlaces: 'datas e locais',
  transport: 'meios de transporte',
  extraSupport: 'suportes extras',
  routeConditions: 'condições do itinerário',
  publicProfile: 'perfil do público',
  expectedDemonstrations: 'previsão de manifestações',
  otherRisks: 'outros fatores de risco',
  communications: 'equipamento de comunicação',
  vehicleInspection: 'vistoria das viaturas',
  weaponsCheck: 'conferência do armamento',
  briefing: 'briefing',
  postMissionReport: 'relatório pós-missão',
};
const draftPart = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.string().trim().max(4000).default('')])) as Record<K, z.ZodDefault<z.ZodString>>);
export const actionPlanSchema = z.object({
  definition: draftPart(planParts.definition),
  situational: draftPart(planParts.situational),
  measures: draftPart(planParts.measures),
  route: routeSchema.default({ legs: [], venues: [] }),
  /** Distance (m) within which program cameras count as "along" a leg or venue. */
  cameraDistanceMeters: z.number().int().min(20).max(2000).default(150),
  /** Distance (m) within which hospitals, police and fire units of the reference list are listed as support. */
  supportDistanceMeters: z.number().int().min(100).max(20000).default(3000),
});
export type ActionPlan = z.infer<typeof actionPlanSchema>;

export const convocationRequestSchema = z.object({
  officerEmail: z.string().trim().toLowerCase().email(),
  /** Art. 10 §1: required for officers of other units (the chain of command); CORE's own officers answer to the coordination. */
  superiorEmail: z.string().trim().toLowerCase().email().nullable().default(null),
  unit: text(2, 200),
  /** Art. 9: CORE officers trained in authority protection come first. */
  coreOfficer: z.boolean(),
  authorityProtectionCourse: z.boolean(),
  /** Art. 10: officers of other units only with an accepted justification and training given or validated by CORE. */
  justification: z.string().trim().max(2000).nullable().default(null),
  trainingValidatedByCore: z.boolean().default(false),
  role: text(2, 100),
});

/** Art. 22, I–V; VI "others" is free. Each item with its serial number. */
export const equipmentItems = ['concealedVest', 'pistol9mm', 'radio', 'metalDetector', 'ocSpray', 'neuromuscularDevice'] as const;
export const equipmentLabels: Record<(typeof equipmentItems)[number], string> = {
  concealedVest: 'Colete balístico dissimulado (art. 22, I)',
  pistol9mm: 'Pistola cal. 9 mm (art. 22, II)',
  radio: 'Rádio comunicador (art. 22, III)',
  metalDetector: 'Detector de metais (art. 22, IV)',
  ocSpray: 'Espargidor Mini OC (art. 22, V)',
  neuromuscularDevice: 'Pistola de incapacitação neuromuscular (art. 22, V)',
};
const serial = z.string().trim().max(100).default('');
export const briefingChecklistSchema = z.object({
  equipment: z.object(Object.fromEntries(equipmentItems.map((k) => [k, serial])) as Record<(typeof equipmentItems)[number], typeof serial>),
  spareMagazines: z.number().int().min(0).max(10),
  others: z
    .array(z.object({ item: text(2, 200), serial }))
    .max(20)
    .default([]),
  /** Art. 21: the special uniform of Res. 059/2020 item 5 of art. 8, or an authorised alternative (§2, §4). */
  uniform: z.enum(['special_uniform', 'authorised_alternative', 'as_oriented']),
  uniformAuthorisedBy: z.string().trim().max(200).nullable().default(null),
});

export const logEntrySchema = z.object({ kind: z.enum(['observation', 'incident', 'route_change']), text: text(3) });
export const postMissionReportSchema = z.object({ text: text(20) });
export const periodChangeSchema = z.object({ kind: z.enum(['extension', 'reduction']), newEnd: isoDate, reason: text(10) });
export const functionGrantSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  functions: z.array(protectionFunctionSchema),
});

export const missionSummarySchema = z.object({
  id: z.string().uuid(),
  number: z.string(),
  codeName: z.string(),
  status: z.enum(missionStatuses),
  level: z.number().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
});
export type MissionSummary = z.infer<typeof missionSummarySchema>;

/**
 * Reference list of support along a route: hospitals, police and fire units (issue 14). It is
 * configuration imported by an administrator from the template (CSV or XLSX); an import replaces
 * the whole list, all rows or none.
 */
export const referencePlaceKinds = ['hospital', 'police', 'fire'] as const;
export type ReferencePlaceKind = (typeof referencePlaceKinds)[number];
export const referencePlaceKindLabels: Record<ReferencePlaceKind, string> = {
  hospital: 'Hospital / pronto-socorro',
  police: 'Unidade policial',
  fire: 'Corpo de Bombeiros',
};
/** Words accepted in the "Tipo" column (compared without accents and case). */
export const referencePlaceKindWords: Record<string, ReferencePlaceKind> = {
  hospital: 'hospital',
  'pronto-socorro': 'hospital',
  upa: 'hospital',
  policia: 'police',
  delegacia: 'police',
  'policia-civil': 'police',
  'policia-militar': 'police',
  bombeiros: 'fire',
  'corpo-de-bombeiros': 'fire',
};
export const referencePlaceColumns = [
  { key: 'kind', header: 'Tipo', required: true, help: '"Hospital", "Polícia" ou "Bombeiros".', example: 'Hospital' },
  { key: 'name', header: 'Nome', required: true, help: 'Nome oficial da unidade.', example: 'Hospital (nome oficial)' },
  { key: 'address', header: 'Endereço', required: true, help: 'Logradouro, número e bairro.', example: 'Av. Exemplo, 100 - Centro' },
  { key: 'municipality', header: 'Município', required: true, help: 'Município de Mato Grosso.', example: 'Cuiabá' },
  { key: 'phone', header: 'Telefone', required: false, help: 'Telefone de plantão (opcional).', example: '(65) 3000-0000' },
  { key: 'latitude', header: 'Latitude', required: true, help: 'Graus decimais, ponto ou vírgula (ex.: -15.6014).', example: '-15.6014' },
  { key: 'longitude', header: 'Longitude', required: true, help: 'Graus decimais, ponto ou vírgula (ex.: -56.0979).', example: '-56.0979' },
  {
    key: 'source',
    header: 'Fonte',
    required: true,
    help: 'De onde vem o dado (ex.: CNES/DATASUS, consultado em 01/2027; site da PJC/MT).',
    example: 'CNES/DATASUS (consulta em 01/2027)',
  },
] as const;
export type ReferencePlaceColumnKey = (typeof referencePlaceColumns)[number]['key'];

export const referencePlaceSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(referencePlaceKinds),
  name: z.string(),
  address: z.string(),
  municipality: z.string(),
  phone: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  source: z.string(),
  illustrative: z.boolean(),
});
export type ReferencePlace = z.infer<typeof referencePlaceSchema>;
