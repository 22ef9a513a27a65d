import { z } from 'zod';
import { MERCOSUL_PLATE, OLD_PLATE } from './accident-certificate.js';
import { cpfSchema } from './brazil.js';
import type { GovbrLevel } from './citizen.js';

/**
 * Online police station (Delegacia Virtual) and pre-registration of police reports (boletim de
 * ocorrência), issue 16 / seed 004: a citizen files a report in steps (a protocol at the first
 * step, the draft saved at each step), the civil police validate it (report number and PDF with
 * authenticity code), ask for more information (two-way messages) or refuse it with reasons.
 * Browser-safe: the server and the citizen wizard share the shapes and the required-field rules.
 */

/** The kinds of seed 004, plus the pre-registration of any other report, completed at a station. */
export const policeReportKinds = [
  'loss',
  'theft',
  'phone_theft',
  'complaint',
  'missing_person',
  'illegal_profession',
  'calumny',
  'defamation',
  'insult',
  'threat',
  'illegal_constraint',
  'domicile_violation',
  'pre_registration',
] as const;
export type PoliceReportKind = (typeof policeReportKinds)[number];

export const policeReportKindLabels: Record<PoliceReportKind, string> = {
  loss: 'Extravio / perda de documentos ou objetos',
  theft: 'Furto',
  phone_theft: 'Furto de celular',
  complaint: 'Denúncia',
  missing_person: 'Desaparecimento de pessoa',
  illegal_profession: 'Exercício ilegal da profissão',
  calumny: 'Calúnia',
  defamation: 'Difamação',
  insult: 'Injúria',
  threat: 'Ameaça',
  illegal_constraint: 'Constrangimento ilegal',
  domicile_violation: 'Violação de domicílio',
  pre_registration: 'Pré-registro de outra ocorrência (concluído na delegacia)',
};

/**
 * Threat (CP art. 147) and crimes against honour (CP arts. 138–140) are prosecuted only on the
 * victim's representation or complaint, within 6 months of knowing the author (CPP art. 38).
 */
export const representationKinds: readonly PoliceReportKind[] = ['threat', 'calumny', 'defamation', 'insult'];
export const REPRESENTATION_MONTHS = 6;

/** Kinds where a domestic or family violence situation may be declared (Lei 11.340/2006). */
export const domesticViolenceKinds: readonly PoliceReportKind[] = [
  'threat',
  'insult',
  'defamation',
  'calumny',
  'illegal_constraint',
  'domicile_violation',
  'pre_registration',
];
/** Lei 11.340/2006 art. 12 III: the protective-measure request reaches the judge within 48 hours. */
export const PROTECTIVE_MEASURE_HOURS = 48;

/**
 * gov.br level each kind needs. Reports of crimes carry the liability of a false communication
 * (CP art. 340), so the author's identity must be validated by gov.br: prata. A missing-person
 * report is never blocked (Lei 13.812/2019: received at once): any level. A pre-registration is
 * completed in person at the station with an identity document: any level.
 */
export const policeReportLevel = (kind: PoliceReportKind): GovbrLevel =>
  kind === 'missing_person' || kind === 'pre_registration' ? 'bronze' : 'prata';

/** IMEI: 15 digits whose last is the Luhn check digit (3GPP TS 23.003 §6.2.1). */
export function isValidImei(value: string): boolean {
  if (!/^\d{15}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    let d = Number(value[i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Vehicle identification number (chassis): 17 characters, letters I, O and Q never used. */
export const CHASSIS = /^[A-HJ-NPR-Z0-9]{17}$/;

const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).nullable().default(null);

export const policeReportPersonRoles = ['victim', 'author', 'witness'] as const;
export const policeReportPersonRoleLabels: Record<(typeof policeReportPersonRoles)[number], string> = {
  victim: 'Vítima',
  author: 'Autor / suspeito',
  witness: 'Testemunha',
};

export const policeReportPersonSchema = z.object({
  role: z.enum(policeReportPersonRoles),
  /** Unknown author: leave the name empty and describe them. */
  name: optText(200),
  cpf: cpfSchema.nullable().default(null),
  description: optText(1000),
  contact: optText(200),
});

export const policeReportObjectTypes = ['document', 'phone', 'vehicle', 'other'] as const;
export const policeReportObjectTypeLabels: Record<(typeof policeReportObjectTypes)[number], string> = {
  document: 'Documento',
  phone: 'Celular',
  vehicle: 'Veículo',
  other: 'Outro objeto',
};

export const policeReportObjectSchema = z.object({
  type: z.enum(policeReportObjectTypes),
  description: text(300).min(2, 'Descreva o objeto.'),
  brand: optText(80),
  model: optText(80),
  serial: optText(80),
  /** Phones: 15 digits with the Luhn check digit. */
  imei: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.-]/g, ''))
    .refine(isValidImei, 'IMEI inválido: são 15 dígitos e o último é o dígito verificador (disque *#06# no aparelho).')
    .nullable()
    .default(null),
  /** Vehicles: plate (old ABC-1234 or Mercosul ABC1D23) or chassis. */
  plate: z
    .string()
    .trim()
    .transform((p) => p.toUpperCase())
    .refine((p) => OLD_PLATE.test(p) || MERCOSUL_PLATE.test(p), 'Placa inválida: use o formato antigo (ABC-1234) ou Mercosul (ABC1D23).')
    .transform((p) => p.replace('-', ''))
    .nullable()
    .default(null),
  chassis: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .refine((c) => CHASSIS.test(c), 'Chassi inválido: são 17 caracteres, sem as letras I, O e Q.')
    .nullable()
    .default(null),
});

export const missingPersonSchema = z.object({
  name: text(200),
  birthDate: z.iso.date().nullable().default(null),
  physicalDescription: text(2000),
  clothing: optText(1000),
  /** How the reporter relates to the missing person (mãe, irmão, vizinho…). */
  relationship: text(120),
  photoFileId: z.string().uuid().nullable().default(null),
});

export const domesticViolenceSchema = z.object({
  /** A phone or e-mail the police may use without putting the victim at risk. */
  safeContact: text(200),
  /** The victim asks for protective measures (Lei 11.340 art. 12 III: to the judge within 48 h). */
  protectiveMeasuresRequested: z.boolean(),
});

/**
 * What a report says; every field optional while a draft (each wizard step saves what it has);
 * `policeReportProblems` says what the kind still needs before submission.
 */
export const policeReportContentSchema = z.object({
  occurredAt: z.iso.datetime({ offset: true, message: 'Data e hora inválidas.' }).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  placeDescription: optText(300),
  narrative: optText(10_000),
  people: z.array(policeReportPersonSchema).max(20).default([]),
  objects: z.array(policeReportObjectSchema).max(30).default([]),
  attachmentFileIds: z.array(z.string().uuid()).max(10).default([]),
  missingPerson: missingPersonSchema.nullable().default(null),
  /** Illegal exercise of a profession: which one, and where. */
  profession: optText(200),
  /** Pre-registration: what happened, in the citizen's words (completed at the station). */
  fact: optText(200),
  /** Pre-registration: taken with violence or serious threat (roubo); a vehicle listed is marked robbed. */
  robbery: z.boolean().default(false),
  domesticViolence: domesticViolenceSchema.nullable().default(null),
});
export type PoliceReportContent = z.output<typeof policeReportContentSchema>;
export type PoliceReportContentInput = z.input<typeof policeReportContentSchema>;

export const policeReportDraftBodySchema = z.object({
  kind: z.enum(policeReportKinds),
  /** Required for a pre-registration (the station where it is completed); else the nearest one. */
  stationId: z.string().uuid().nullable().default(null),
  content: policeReportContentSchema.default(policeReportContentSchema.parse({})),
});
export type PoliceReportDraftBody = z.input<typeof policeReportDraftBodySchema>;

export const policeReportUpdateBodySchema = z.object({
  stationId: z.string().uuid().nullable().default(null),
  content: policeReportContentSchema,
});

export interface Problem {
  path: string;
  message: string;
}

const hasAuthor = (c: PoliceReportContent) => c.people.some((p) => p.role === 'author' && (p.name || p.description));

/**
 * What a kind still needs before it can be submitted (empty: complete). The server refuses a
 * submission with these problems (POLICE_REPORT_INCOMPLETE); the wizard shows the same list.
 * The point inside Mato Grosso, the date not in the future and the attachments are the server's.
 */
export function policeReportProblems(kind: PoliceReportKind, stationId: string | null, c: PoliceReportContent): Problem[] {
  const p: Problem[] = [];
  const need = (ok: unknown, path: string, message: string) => {
    if (!ok) p.push({ path, message });
  };
  need(c.occurredAt, 'occurredAt', 'Informe a data e a hora do fato.');
  need(c.latitude !== null && c.longitude !== null, 'latitude', 'Marque no mapa o local do fato.');
  need(c.placeDescription && c.placeDescription.length >= 3, 'placeDescription', 'Informe o endereço ou um ponto de referência.');
  need(c.narrative && c.narrative.length >= 20, 'narrative', 'Relate o que aconteceu (pelo menos 20 caracteres).');
  c.people.forEach((person, i) =>
    need(person.name || person.description, `people.${i}.name`, 'Informe o nome ou descreva a pessoa envolvida.'),
  );
  c.objects.forEach((o, i) => {
    if (o.type === 'vehicle') need(o.plate || o.chassis, `objects.${i}.plate`, 'Informe a placa ou o chassi do veículo.');
    if (o.type === 'phone') need(o.brand && o.model, `objects.${i}.model`, 'Informe a marca e o modelo do celular.');
  });
  switch (kind) {
    case 'loss':
    case 'theft':
      need(c.objects.length, 'objects', 'Informe pelo menos um documento ou objeto.');
      break;
    case 'phone_theft':
      need(
        c.objects.some((o) => o.type === 'phone'),
        'objects',
        'Informe o celular furtado (marca, modelo e, se souber, o IMEI).',
      );
      break;
    case 'missing_person':
      need(c.missingPerson?.name, 'missingPerson.name', 'Informe o nome da pessoa desaparecida.');
      need(c.missingPerson?.physicalDescription, 'missingPerson.physicalDescription', 'Descreva a pessoa (altura, cabelo, sinais).');
      need(c.missingPerson?.relationship, 'missingPerson.relationship', 'Informe o seu vínculo com a pessoa desaparecida.');
      break;
    case 'illegal_profession':
      need(c.profession, 'profession', 'Informe a profissão exercida ilegalmente.');
      need(hasAuthor(c), 'people', 'Informe quem exerce a profissão (nome ou descrição).');
      break;
    case 'calumny':
    case 'defamation':
    case 'insult':
    case 'threat':
    case 'illegal_constraint':
    case 'domicile_violation':
      need(hasAuthor(c), 'people', 'Informe o autor do fato (nome ou descrição, mesmo que desconhecido).');
      break;
    case 'pre_registration':
      need(stationId, 'stationId', 'Escolha a delegacia onde o registro será concluído.');
      need(c.fact, 'fact', 'Informe qual é a ocorrência (por exemplo: roubo, lesão corporal, estelionato).');
      break;
    case 'complaint':
      break;
  }
  if (c.domesticViolence) {
    need(domesticViolenceKinds.includes(kind), 'domesticViolence', 'Situação de violência doméstica não se aplica a este tipo.');
    need(
      c.domesticViolence.safeContact.length >= 5,
      'domesticViolence.safeContact',
      'Informe um contato seguro (telefone ou e-mail que só você acessa).',
    );
  }
  return p;
}

/** The content as answered (no transforms: a response is encoded, not parsed). */
const policeReportObjectViewSchema = policeReportObjectSchema.extend({
  imei: z.string().nullable(),
  plate: z.string().nullable(),
  chassis: z.string().nullable(),
});
export const policeReportContentViewSchema = policeReportContentSchema.extend({
  people: z.array(policeReportPersonSchema.extend({ cpf: z.string().nullable() })),
  objects: z.array(policeReportObjectViewSchema),
});

export const policeReportStatuses = ['draft', 'submitted', 'info_requested', 'validated', 'refused'] as const;
export type PoliceReportStatus = (typeof policeReportStatuses)[number];
export const policeReportStatusLabels: Record<PoliceReportStatus, string> = {
  draft: 'Rascunho (não enviado)',
  submitted: 'Em análise na delegacia',
  info_requested: 'A delegacia pediu mais informações',
  validated: 'Registrado: boletim de ocorrência emitido',
  refused: 'Não registrado (com fundamentação)',
};

export const policeReportMessageSchema = z.object({
  id: z.string().uuid(),
  from: z.enum(['citizen', 'police']),
  text: z.string(),
  at: z.string(),
});

export const policeReportEventSchema = z.object({ kind: z.string(), at: z.string(), note: z.string().nullable() });

export const policeReportVehicleSchema = z.object({
  index: z.number().int(),
  plate: z.string().nullable(),
  chassis: z.string().nullable(),
  description: z.string(),
  recoveredAt: z.string().nullable(),
});

export const policeReportSchema = z.object({
  id: z.string().uuid(),
  protocol: z.string(),
  kind: z.enum(policeReportKinds),
  kindLabel: z.string(),
  status: z.enum(policeReportStatuses),
  statusLabel: z.string(),
  station: z.object({ id: z.string().uuid(), name: z.string(), municipality: z.string() }).nullable(),
  content: policeReportContentViewSchema,
  /** The citizen (staff views: name and masked CPF). */
  reporter: z.object({ name: z.string(), cpf: z.string() }),
  /** Missing person: flagged urgent and received at once (Lei 13.812/2019). */
  urgent: z.boolean(),
  municipality: z.string().nullable(),
  /** When the police should decide (submitted) or the citizen should answer (info requested). */
  deadlineAt: z.string().nullable(),
  /** CPP art. 38: threat and crimes against honour — the 6-month deadline to represent. */
  representationDeadlineAt: z.string().nullable(),
  /** Lei 11.340 art. 12 III: the 48-hour clock to forward the protective-measure request. */
  protectiveMeasureDueAt: z.string().nullable(),
  protectiveMeasureForwardedAt: z.string().nullable(),
  reportNumber: z.string().nullable(),
  code: z.string().nullable(),
  pdfReady: z.boolean(),
  answer: z.string().nullable(),
  vehicles: z.array(policeReportVehicleSchema),
  attachments: z.array(z.object({ id: z.string().uuid(), originalName: z.string() })),
  messages: z.array(policeReportMessageSchema),
  history: z.array(policeReportEventSchema),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type PoliceReport = z.infer<typeof policeReportSchema>;

export const policeReportDecisionBodySchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('validate') }),
  z.object({ decision: z.literal('request_info'), message: z.string().trim().min(10).max(4000) }),
  z.object({ decision: z.literal('refuse'), reason: z.string().trim().min(10).max(4000) }),
]);
export type PoliceReportDecisionBody = z.infer<typeof policeReportDecisionBodySchema>;

export const policeReportMessageBodySchema = z.object({ text: z.string().trim().min(2).max(4000) });

export const policeStationSchema = z.object({ id: z.string().uuid(), name: z.string(), municipality: z.string(), address: z.string() });
export type PoliceStation = z.infer<typeof policeStationSchema>;

/** Public authentication by code: the minimum (no names, no narrative, no place). */
export const policeReportVerificationSchema = z.object({
  code: z.string(),
  reportNumber: z.string(),
  kindLabel: z.string(),
  station: z.string().nullable(),
  registeredAt: z.string(),
});
export type PoliceReportVerification = z.infer<typeof policeReportVerificationSchema>;
