import { z } from 'zod';
import type { Role } from './roles.js';

/**
 * Ombudsman (Ouvidoria, issue 16; seed 004): manifestations of citizens about the public-security
 * services, under Lei 13.460/2017. Browser-safe: the portal, the back office and the server share
 * these shapes.
 */

export const manifestationKinds = ['praise', 'suggestion', 'complaint', 'report', 'criticism'] as const;
export type ManifestationKind = (typeof manifestationKinds)[number];
export const manifestationKindLabels: Record<ManifestationKind, string> = {
  praise: 'Elogio',
  suggestion: 'Sugestão',
  complaint: 'Reclamação',
  report: 'Denúncia',
  criticism: 'Crítica',
};

/**
 * identified: the citizen's gov.br identity goes with it; confidential: identity protected (Lei
 * 13.460 art. 10 §7), only ombudsman staff see it, never the unit it is routed to; anonymous: no
 * sign-in, followed by protocol and access code.
 */
export const manifestationIdentities = ['identified', 'confidential', 'anonymous'] as const;
export type ManifestationIdentity = (typeof manifestationIdentities)[number];
export const manifestationIdentityLabels: Record<ManifestationIdentity, string> = {
  identified: 'Identificada',
  confidential: 'Sigilosa (identidade preservada)',
  anonymous: 'Anônima',
};

export const manifestationStatuses = ['received', 'with_unit', 'unit_answered', 'answered'] as const;
export type ManifestationStatus = (typeof manifestationStatuses)[number];
export const manifestationStatusLabels: Record<ManifestationStatus, string> = {
  received: 'Recebida pela Ouvidoria',
  with_unit: 'Encaminhada à unidade responsável',
  unit_answered: 'Em análise pela Ouvidoria',
  answered: 'Respondida',
};

/**
 * The units the ombudsman routes to: the platform's staff areas, each answered by the holders of
 * one role (they see the manifestation without the identity of a confidential one).
 */
export const ombudsmanUnits = ['politec', 'traffic_police', 'civil_police', 'sesp_committee'] as const;
export type OmbudsmanUnit = (typeof ombudsmanUnits)[number];
export const ombudsmanUnitLabels: Record<OmbudsmanUnit, string> = {
  politec: 'Politec — identificação civil e antecedentes criminais',
  traffic_police: 'Polícia de trânsito',
  civil_police: 'Polícia Civil',
  sesp_committee: 'SESP — Comissão técnica do Vigia Mais MT',
};
export const ombudsmanUnitRoles: Record<OmbudsmanUnit, Role> = {
  politec: 'politec_staff',
  traffic_police: 'traffic_police',
  civil_police: 'civil_police',
  sesp_committee: 'committee_member',
};

/** Lei 13.460/2017 art. 16: the answer within 30 days, extendable once by 30 with justification. */
export const OMBUDSMAN_ANSWER_DAYS = 30;
/** The internal unit answers the ombudsman within 20 days, extendable once by 20. */
export const OMBUDSMAN_UNIT_ANSWER_DAYS = 20;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const manifestationBaseSchema = z.object({
  kind: z.enum(manifestationKinds),
  subject: text(3, 200),
  description: text(10, 5000),
});

/** Filed by a signed-in citizen: identified or confidential. */
export const citizenManifestationBodySchema = manifestationBaseSchema.extend({
  identity: z.enum(['identified', 'confidential']),
});
export type CitizenManifestationBody = z.input<typeof citizenManifestationBodySchema>;

/** Filed without sign-in: anonymous, behind the proof-of-work challenge. */
export const anonymousManifestationBodySchema = manifestationBaseSchema.extend({
  altcha: z.string().min(1).max(4000),
});
export type AnonymousManifestationBody = z.input<typeof anonymousManifestationBodySchema>;

export const manifestationCreatedSchema = z.object({
  id: z.string().uuid(),
  protocol: z.string(),
  /** Shown once: with the protocol it opens the follow-up page (the only way for an anonymous one). */
  accessCode: z.string(),
  dueOn: z.string(),
  message: z.string(),
});
export type ManifestationCreated = z.infer<typeof manifestationCreatedSchema>;

export const manifestationMessageSchema = z.object({
  from: z.enum(['citizen', 'ombudsman']),
  text: z.string(),
  at: z.string(),
});
export type ManifestationMessage = z.infer<typeof manifestationMessageSchema>;

/** What the citizen sees (by protocol + access code, or on "Meus serviços"). */
export const manifestationFollowUpSchema = z.object({
  id: z.string().uuid(),
  protocol: z.string(),
  kind: z.enum(manifestationKinds),
  identity: z.enum(manifestationIdentities),
  status: z.enum(manifestationStatuses),
  statusLabel: z.string(),
  subject: z.string(),
  description: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  extended: z.boolean(),
  extensionReason: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  messages: z.array(manifestationMessageSchema),
});
export type ManifestationFollowUp = z.infer<typeof manifestationFollowUpSchema>;

export const followUpQuerySchema = z.object({ code: z.string().trim().min(6).max(40) });
export const protocolParamSchema = z.object({ protocol: z.string().trim().min(8).max(40) });
export const manifestationMessageBodySchema = z.object({ text: text(2, 4000) });
export const publicMessageBodySchema = manifestationMessageBodySchema.extend({ code: z.string().trim().min(6).max(40) });

/** A clock as staff see it: the last day and the days left (negative: overdue). */
export const legalClockSchema = z.object({
  dueOn: z.string(),
  daysLeft: z.number().int(),
  extended: z.boolean(),
  extensionReason: z.string().nullable(),
});
export type LegalClock = z.infer<typeof legalClockSchema>;

/** The ombudsman's queue row. */
export const ombudsmanQueueItemSchema = z.object({
  id: z.string().uuid(),
  protocol: z.string(),
  kind: z.enum(manifestationKinds),
  identity: z.enum(manifestationIdentities),
  status: z.enum(manifestationStatuses),
  subject: z.string(),
  receivedOn: z.string(),
  clock: legalClockSchema.nullable(),
  unit: z.enum(ombudsmanUnits).nullable(),
  unitClock: legalClockSchema.nullable(),
  /** The last message came from the citizen and awaits the ombudsman. */
  citizenWaiting: z.boolean(),
});
export type OmbudsmanQueueItem = z.infer<typeof ombudsmanQueueItemSchema>;

/** The ombudsman's full view: the identity of a confidential manifestation included (audited). */
export const ombudsmanManifestationSchema = ombudsmanQueueItemSchema.extend({
  description: z.string(),
  requester: z.object({ name: z.string(), cpf: z.string(), email: z.string().nullable() }).nullable(),
  routingNote: z.string().nullable(),
  unitAnswer: z.string().nullable(),
  answer: z.string().nullable(),
  messages: z.array(manifestationMessageSchema),
});
export type OmbudsmanManifestation = z.infer<typeof ombudsmanManifestationSchema>;

/**
 * What the responsible unit sees: never who filed it when confidential (Lei 13.460 art. 10 §7),
 * and only the name of an identified requester.
 */
export const unitManifestationSchema = z.object({
  id: z.string().uuid(),
  protocol: z.string(),
  kind: z.enum(manifestationKinds),
  identity: z.enum(manifestationIdentities),
  status: z.enum(manifestationStatuses),
  subject: z.string(),
  description: z.string(),
  requesterName: z.string().nullable(),
  unit: z.enum(ombudsmanUnits),
  routingNote: z.string().nullable(),
  unitClock: legalClockSchema,
  unitAnswer: z.string().nullable(),
});
export type UnitManifestation = z.infer<typeof unitManifestationSchema>;

export const routeManifestationBodySchema = z.object({ unit: z.enum(ombudsmanUnits), note: text(3, 2000) });
export const extendBodySchema = z.object({ justification: text(10, 2000) });
export const answerBodySchema = z.object({ text: text(10, 8000) });
