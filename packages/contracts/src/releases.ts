import { z } from 'zod';
import { operatorUnitSchema } from './roles.js';

/**
 * Footage release (cessão de imagens, Decreto 1.522/2022 art. 2º, VI; BH "Sigilo"), areas of
 * interest of CIOSP operators (art. 26; BH "de acordo com a área de interesse"), misuse flags
 * (art. 27, § 2º), the audit screen filters and the public usage report.
 */

/** Who may ask for footage (BH): the Judiciary, the prosecutor's office, a police authority presiding an inquiry, administrative or judicial processes. */
export const eligibleRequesterKinds = ['court', 'prosecutor', 'police_authority', 'administrative_process', 'judicial_process'] as const;
/** Who may not (BH): the population, the press and other companies. */
export const refusedRequesterKinds = ['citizen', 'press', 'company'] as const;
export const requesterKinds = [...eligibleRequesterKinds, ...refusedRequesterKinds] as const;
export const requesterKindSchema = z.enum(requesterKinds);
export type RequesterKind = z.infer<typeof requesterKindSchema>;
export type EligibleRequesterKind = (typeof eligibleRequesterKinds)[number];
export const isEligibleRequesterKind = (k: RequesterKind): k is EligibleRequesterKind =>
  (eligibleRequesterKinds as readonly string[]).includes(k);

export const requesterKindLabels: Record<RequesterKind, string> = {
  court: 'Poder Judiciário (juízo ou tribunal)',
  prosecutor: 'Ministério Público',
  police_authority: 'Autoridade policial que preside ou conduz inquérito',
  administrative_process: 'Instrução de processo administrativo',
  judicial_process: 'Instrução de processo judicial',
  citizen: 'Cidadão (pessoa física)',
  press: 'Imprensa',
  company: 'Empresa',
};

export const releaseUrgencies = ['normal', 'urgent'] as const;
export const releaseUrgencyLabels: Record<(typeof releaseUrgencies)[number], string> = {
  normal: 'Normal',
  urgent: 'Urgente (risco de perecimento da prova)',
};

export const releaseStatuses = ['submitted', 'in_analysis', 'instructed', 'granted', 'partially_granted', 'denied', 'closed'] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];
export const releaseStatusLabels: Record<ReleaseStatus, string> = {
  submitted: 'Protocolado',
  in_analysis: 'Em instrução',
  instructed: 'Instrução concluída — aguardando decisão',
  granted: 'Deferido',
  partially_granted: 'Deferido em parte',
  denied: 'Indeferido',
  closed: 'Encerrado',
};

export const releaseDecisions = ['granted', 'partially_granted', 'denied'] as const;
export type ReleaseDecision = (typeof releaseDecisions)[number];
export const releaseDecisionLabels: Record<ReleaseDecision, string> = {
  granted: 'Deferir',
  partially_granted: 'Deferir em parte',
  denied: 'Indeferir',
};

export const footageAvailabilities = ['available', 'partially_available', 'unavailable', 'not_checked'] as const;
export const footageAvailabilityLabels: Record<(typeof footageAvailabilities)[number], string> = {
  available: 'Imagens disponíveis',
  partially_available: 'Imagens disponíveis em parte',
  unavailable: 'Imagens indisponíveis',
  not_checked: 'Disponibilidade não verificada (gravação ainda não integrada)',
};

/** Maximum span of one request (7 days, the BH retention). */
export const RELEASE_MAX_RANGE_MS = 7 * 24 * 3600_000;
export const RELEASE_MAX_CAMERAS = 20;

const text = (min: number, max: number, msg: string) => z.string().trim().min(min, msg).max(max);
const isoDateTime = z.iso.datetime({ offset: true, message: 'Data e hora inválidas.' });

export const releaseRequestCreateSchema = z
  .object({
    requesterKind: requesterKindSchema,
    /** Only when an operator registers on behalf: the external requester's account that will receive the delivery. */
    requesterEmail: z.email('E-mail inválido.').optional(),
    requesterName: text(3, 200, 'Informe o nome do solicitante.'),
    requesterRole: text(2, 200, 'Informe o cargo ou a função do solicitante.'),
    requesterOrganisation: text(2, 200, 'Informe o órgão do solicitante.'),
    legalGrounds: text(20, 8000, 'Fundamente o pedido (mínimo de 20 caracteres).'),
    caseNumber: text(3, 100, 'Informe o número do processo, inquérito ou procedimento.'),
    cameraIds: z
      .array(z.uuid())
      .min(1, 'Escolha ao menos uma câmera.')
      .max(RELEASE_MAX_CAMERAS, `No máximo ${RELEASE_MAX_CAMERAS} câmeras por pedido.`),
    from: isoDateTime,
    to: isoDateTime,
    urgency: z.enum(releaseUrgencies).default('normal'),
  })
  .superRefine((v, ctx) => {
    const from = Date.parse(v.from);
    const to = Date.parse(v.to);
    if (!(to > from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'O fim do período deve ser posterior ao início.' });
    else if (to - from > RELEASE_MAX_RANGE_MS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'O período pedido não pode passar de 7 dias; faça pedidos separados.' });
  });
export type ReleaseRequestCreate = z.input<typeof releaseRequestCreateSchema>;

export const releaseNoteCreateSchema = z.object({
  availability: z.enum(footageAvailabilities),
  text: text(3, 8000, 'Escreva a nota de instrução.'),
  concludeInstruction: z.boolean().default(false),
});
export type ReleaseNoteCreate = z.input<typeof releaseNoteCreateSchema>;

export const releaseDecisionCreateSchema = z.object({
  decision: z.enum(releaseDecisions),
  reasons: text(20, 8000, 'Fundamente a decisão (mínimo de 20 caracteres).'),
  /** Partial grant: the cameras granted (subset of the request). */
  grantedCameraIds: z.array(z.uuid()).max(RELEASE_MAX_CAMERAS).optional(),
  grantedFrom: isoDateTime.optional(),
  grantedTo: isoDateTime.optional(),
});
export type ReleaseDecisionCreate = z.input<typeof releaseDecisionCreateSchema>;

export const releaseCloseSchema = z.object({ reason: text(3, 2000, 'Informe o motivo do encerramento.') });

export const releaseCameraSchema = z.object({
  cameraId: z.string(),
  name: z.string(),
  municipalityIbge: z.string(),
  granted: z.boolean().nullable(),
});

export const evidenceLockSchema = z.object({
  id: z.string(),
  cameraId: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  releasedAt: z.string().nullable(),
});
export type EvidenceLock = z.infer<typeof evidenceLockSchema>;

export const releaseNoteSchema = z.object({
  id: z.string(),
  authorName: z.string(),
  availability: z.enum(footageAvailabilities),
  text: z.string(),
  createdAt: z.string(),
});

export const releaseDocumentSchema = z.object({
  id: z.string(),
  code: z.string(),
  format: z.string(),
  title: z.string(),
  issuedAt: z.string(),
  sha256: z.string(),
});

export const releaseDeliverySchema = z.object({
  id: z.string(),
  recipientUserId: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
  /** `pending` while the export job builds the package; `failed` after its last attempt failed. */
  packageStatus: z.enum(['pending', 'ready', 'failed']),
  /** Why the package could not be built (pt-BR), for the release authority; null otherwise. */
  failureReason: z.string().nullable(),
  /** The release authority may queue the package again (`POST …/delivery/:deliveryId/retry`). */
  retryUrl: z.string().nullable(),
  downloads: z.number().int(),
  downloadUrl: z.string().nullable(),
});
export type ReleaseDelivery = z.infer<typeof releaseDeliverySchema>;

export const releaseRequestSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(releaseStatuses),
  requesterKind: z.enum(eligibleRequesterKinds),
  requesterUserId: z.string(),
  filedByUserId: z.string(),
  filedOnBehalf: z.boolean(),
  requesterName: z.string(),
  requesterRole: z.string(),
  requesterOrganisation: z.string(),
  legalGrounds: z.string(),
  caseNumber: z.string(),
  urgency: z.enum(releaseUrgencies),
  from: z.string(),
  to: z.string(),
  cameras: z.array(releaseCameraSchema),
  createdAt: z.string(),
  decision: z.enum(releaseDecisions).nullable(),
  decisionReasons: z.string().nullable(),
  decidedAt: z.string().nullable(),
  grantedFrom: z.string().nullable(),
  grantedTo: z.string().nullable(),
  closedAt: z.string().nullable(),
  notes: z.array(releaseNoteSchema),
  locks: z.array(evidenceLockSchema),
  documents: z.array(releaseDocumentSchema),
  delivery: releaseDeliverySchema.nullable(),
});
export type ReleaseRequest = z.infer<typeof releaseRequestSchema>;

export const releaseRequestSummarySchema = releaseRequestSchema
  .pick({
    id: true,
    number: true,
    status: true,
    requesterKind: true,
    requesterName: true,
    requesterOrganisation: true,
    caseNumber: true,
    urgency: true,
    from: true,
    to: true,
    createdAt: true,
    decision: true,
  })
  .extend({ cameraCount: z.number().int() });
export type ReleaseRequestSummary = z.infer<typeof releaseRequestSummarySchema>;

export const releaseCameraOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  municipalityIbge: z.string(),
  partnerName: z.string(),
});
export type ReleaseCameraOption = z.infer<typeof releaseCameraOptionSchema>;

// ---------------------------------------------------------------------------------------------
// Areas of interest of CIOSP operators (art. 26; BH)

export const areaKinds = ['security_region', 'municipality', 'polygon'] as const;
/** A polygon: [longitude, latitude] vertices (3–200), not closed (the last edge is implied). */
export const polygonSchema = z
  .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]))
  .min(3, 'O polígono precisa de ao menos 3 vértices.')
  .max(200, 'O polígono pode ter no máximo 200 vértices.');

export const areaOfInterestCreateSchema = z
  .object({
    userId: z.uuid().optional(),
    unit: operatorUnitSchema.optional(),
    label: text(2, 120, 'Dê um nome à área.'),
    kind: z.enum(areaKinds),
    securityRegionId: z.uuid().optional(),
    municipalityIbge: z
      .string()
      .regex(/^51\d{5}$/, 'Código IBGE de município de MT inválido.')
      .optional(),
    polygon: polygonSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.userId === !v.unit)
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'Informe o operador ou a unidade (um dos dois).' });
    if (v.kind === 'security_region' && !v.securityRegionId)
      ctx.addIssue({ code: 'custom', path: ['securityRegionId'], message: 'Escolha a região.' });
    if (v.kind === 'municipality' && !v.municipalityIbge)
      ctx.addIssue({ code: 'custom', path: ['municipalityIbge'], message: 'Informe o município.' });
    if (v.kind === 'polygon' && !v.polygon) ctx.addIssue({ code: 'custom', path: ['polygon'], message: 'Desenhe o polígono.' });
  });
export type AreaOfInterestCreate = z.input<typeof areaOfInterestCreateSchema>;

export const areaOfInterestSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  unit: z.string().nullable(),
  label: z.string(),
  kind: z.enum(areaKinds),
  securityRegionId: z.string().nullable(),
  municipalityIbge: z.string().nullable(),
  polygon: z.array(z.tuple([z.number(), z.number()])).nullable(),
  createdAt: z.string(),
});
export type AreaOfInterest = z.infer<typeof areaOfInterestSchema>;

// ---------------------------------------------------------------------------------------------
// Misuse of images (art. 27, § 2º)

export const misuseReportSchema = z.object({
  reason: text(10, 4000, 'Descreva o mau uso (mínimo de 10 caracteres).'),
  /** Flag the cooperation of the user's partner(s) for the sanction process (committee case). */
  flagPartner: z.boolean().default(true),
});
export type MisuseReport = z.input<typeof misuseReportSchema>;

export const misuseFlagSchema = z.object({
  caseId: z.string(),
  userId: z.string(),
  userName: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  description: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
});
export type MisuseFlag = z.infer<typeof misuseFlagSchema>;
export const misuseResultSchema = z.object({ userId: z.string(), suspended: z.boolean(), flags: z.array(misuseFlagSchema) });

// ---------------------------------------------------------------------------------------------
// Audit screen and public usage report

export const auditSearchQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().optional(),
  userId: z.uuid().optional(),
  cameraId: z.uuid().optional(),
  partnerId: z.uuid().optional(),
  action: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditSearchQuery = z.infer<typeof auditSearchQuerySchema>;
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

export const usageMonthSchema = z.object({
  month: z.string(),
  liveViews: z.number().int(),
  playbacks: z.number().int(),
  exports: z.number().int(),
  releaseRequests: z.number().int(),
  releasesGranted: z.number().int(),
  releasesDenied: z.number().int(),
  requestsRefused: z.number().int(),
});
export type UsageMonth = z.infer<typeof usageMonthSchema>;
export const usageReportSchema = z.object({ generatedAt: z.string(), months: z.array(usageMonthSchema) });
export type UsageReport = z.infer<typeof usageReportSchema>;
