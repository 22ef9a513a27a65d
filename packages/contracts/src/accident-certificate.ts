import { z } from 'zod';
import { cpfSchema } from './brazil.js';

/**
 * Traffic-accident certificate (certidão de acidente de trânsito, issue 15): a citizen declares a
 * non-injury accident, the traffic police validate it, and the certificate is authenticated by
 * code. Browser-safe: the server and the citizen area share these shapes.
 */

/** Old Brazilian plate (ABC-1234 / ABC1234) or Mercosul plate (ABC1D23); stored upper case without the hyphen. */
export const OLD_PLATE = /^[A-Z]{3}-?\d{4}$/;
export const MERCOSUL_PLATE = /^[A-Z]{3}\d[A-Z]\d{2}$/;
export const vehiclePlateSchema = z
  .string()
  .trim()
  .transform((p) => p.toUpperCase())
  .refine((p) => OLD_PLATE.test(p) || MERCOSUL_PLATE.test(p), 'Placa inválida: use o formato antigo (ABC-1234) ou Mercosul (ABC1D23).')
  .transform((p) => p.replace('-', ''));

export const accidentPartySchema = z.object({
  name: z.string().trim().min(3).max(200),
  /** Other parties named by CPF may confirm their participation with their own gov.br sign-in. */
  cpf: cpfSchema.nullable().default(null),
  /** Null: a party without a vehicle (e.g. the owner of a wall or a parked-car owner absent). */
  plate: vehiclePlateSchema.nullable().default(null),
  vehicle: z.string().trim().max(120).nullable().default(null),
});

export const accidentDeclarationBodySchema = z.object({
  /** ISO date-time of the accident (not in the future; within ACCIDENT_DECLARATION_MAX_DAYS). */
  occurredAt: z.iso.datetime({ offset: true, message: 'Data e hora inválidas.' }),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Street, number, landmark: what the map point cannot say. */
  placeDescription: z.string().trim().min(3).max(300),
  /** The declarant's own vehicle. */
  plate: vehiclePlateSchema,
  vehicle: z.string().trim().max(120).nullable().default(null),
  /** Empty for a single-vehicle accident (a post, a wall, an animal). */
  otherParties: z.array(accidentPartySchema).max(10),
  narrative: z.string().trim().min(20).max(5000),
  /** Own uploads (JPEG or PNG), at most 6. */
  photoFileIds: z.array(z.string().uuid()).max(6).default([]),
  /** "Declaro que não houve feridos nem vítimas": false is refused (ACCIDENT_WITH_INJURIES). */
  noInjuries: z.boolean(),
});
export type AccidentDeclarationBody = z.input<typeof accidentDeclarationBodySchema>;

export const accidentStatuses = ['submitted', 'corrections_requested', 'validated', 'rejected'] as const;
export type AccidentStatus = (typeof accidentStatuses)[number];
export const accidentStatusLabels: Record<AccidentStatus, string> = {
  submitted: 'Em análise pela polícia de trânsito',
  corrections_requested: 'Correção solicitada: corrija e reenvie',
  validated: 'Validada: certidão emitida',
  rejected: 'Indeferida com fundamentação',
};

export const accidentEventKinds = [
  'submitted',
  'corrections_requested',
  'resubmitted',
  'validated',
  'rejected',
  'party_confirmed',
] as const;
export const accidentEventLabels: Record<(typeof accidentEventKinds)[number], string> = {
  submitted: 'Enviada',
  corrections_requested: 'Correção solicitada',
  resubmitted: 'Reenviada corrigida',
  validated: 'Validada — certidão emitida',
  rejected: 'Indeferida',
  party_confirmed: 'Participação confirmada por outra parte',
};

export const accidentEventSchema = z.object({
  kind: z.enum(accidentEventKinds),
  at: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const accidentPartyViewSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  /** Full CPF on the declarant's own pages; masked elsewhere. */
  cpf: z.string().nullable(),
  plate: z.string().nullable(),
  vehicle: z.string().nullable(),
  declarant: z.boolean(),
  confirmedAt: z.string().nullable(),
});

export const accidentDeclarationSchema = z.object({
  id: z.string().uuid(),
  protocol: z.string(),
  status: z.enum(accidentStatuses),
  statusLabel: z.string(),
  version: z.number().int(),
  occurredAt: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  municipality: z.string(),
  placeDescription: z.string(),
  narrative: z.string(),
  parties: z.array(accidentPartyViewSchema),
  photos: z.array(z.object({ id: z.string().uuid(), originalName: z.string() })),
  /** The reasons of the last request for corrections or of the rejection. */
  answer: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  code: z.string().nullable(),
  issuedAt: z.string().nullable(),
  submittedAt: z.string(),
  history: z.array(accidentEventSchema),
});
export type AccidentDeclaration = z.infer<typeof accidentDeclarationSchema>;

/** What another party named by CPF sees: the declaration minus the other parties' personal data. */
export const accidentParticipationSchema = z.object({
  id: z.string().uuid(),
  protocol: z.string(),
  status: z.enum(accidentStatuses),
  occurredAt: z.string(),
  municipality: z.string(),
  placeDescription: z.string(),
  narrative: z.string(),
  /** The citizen's own party line (name, plate), as the declarant wrote it. */
  me: accidentPartyViewSchema,
  /** Every other party: plate and vehicle only (no name, no CPF). */
  others: z.array(z.object({ plate: z.string().nullable(), vehicle: z.string().nullable(), declarant: z.boolean() })),
});
export type AccidentParticipation = z.infer<typeof accidentParticipationSchema>;

/** Public authentication by code: the minimum, nothing else. */
export const accidentCertificateVerificationSchema = z.object({
  code: z.string(),
  protocol: z.string(),
  /** Date of the accident (Cuiabá), YYYY-MM-DD. */
  accidentDate: z.string(),
  municipality: z.string(),
  issuedAt: z.string(),
  partiesCpfMasked: z.array(z.string()),
});
export type AccidentCertificateVerification = z.infer<typeof accidentCertificateVerificationSchema>;

export const accidentDecisionBodySchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('validate') }),
  z.object({ decision: z.literal('corrections'), reason: z.string().trim().min(10).max(2000) }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(10).max(2000) }),
]);
export type AccidentDecisionBody = z.infer<typeof accidentDecisionBodySchema>;
