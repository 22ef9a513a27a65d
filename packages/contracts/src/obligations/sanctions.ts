import { z } from 'zod';
import { obligationDateSchema, obligationDocumentSchema, reasonsSchema, uuidSchema } from './common.js';

/** Sanctions and revocation, Decree 1.522/2022 Art. 29–30. */
export const SUSPENSION_MAX_MONTHS = 24;
export const DEFENCE_BUSINESS_DAYS = 10;
export const LIMITATION_YEARS = 5;

export const sanctionStatuses = ['notified', 'defence_filed', 'decided'] as const;
export type SanctionStatus = (typeof sanctionStatuses)[number];
export const sanctionStatusLabels: Record<SanctionStatus, string> = {
  notified: 'Notificado — prazo de defesa',
  defence_filed: 'Defesa apresentada',
  decided: 'Decidido',
};
export const sanctionDecisions = ['warning', 'suspension', 'dismissed'] as const;
export type SanctionDecision = (typeof sanctionDecisions)[number];
export const sanctionDecisionLabels: Record<SanctionDecision, string> = {
  warning: 'Advertência (art. 30, I)',
  suspension: 'Suspensão temporária e impedimento de nova parceria (art. 30, II)',
  dismissed: 'Arquivamento sem sanção',
};

export const sanctionOpenRequestSchema = z.object({
  termId: uuidSchema,
  facts: reasonsSchema,
  /** Date the notification was received (defaults to today: delivered through the portal). */
  receivedOn: obligationDateSchema.optional(),
  accountabilityReportId: uuidSchema.nullable().optional(),
});
export const sanctionDefenceRequestSchema = z.object({
  text: z.string().trim().min(10).max(20000),
  fileId: uuidSchema.nullable().optional(),
});
export const sanctionDecideRequestSchema = z.object({
  decision: z.enum(sanctionDecisions),
  reasons: reasonsSchema,
  suspensionMonths: z.number().int().min(1).optional(),
});
export const revocationRequestSchema = z.object({ termId: uuidSchema, reasons: reasonsSchema });

export const limitationSchema = z.object({
  startsOn: z.string().nullable(),
  interruptedOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  timeBarred: z.boolean(),
  explanation: z.string(),
});
export type Limitation = z.infer<typeof limitationSchema>;

export const sanctionSchema = z.object({
  id: z.string(),
  number: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  termId: z.string(),
  termNumber: z.string(),
  status: z.enum(sanctionStatuses),
  facts: z.string(),
  notifiedAt: z.string(),
  receivedOn: z.string(),
  defenceDueOn: z.string(),
  defenceOpen: z.boolean(),
  defenceText: z.string().nullable(),
  defenceFiledAt: z.string().nullable(),
  decision: z.enum(sanctionDecisions).nullable(),
  decisionReasons: z.string().nullable(),
  suspensionEndsOn: z.string().nullable(),
  decidedAt: z.string().nullable(),
  limitation: limitationSchema,
  documents: z.array(obligationDocumentSchema),
});
export type Sanction = z.infer<typeof sanctionSchema>;

export const complianceCaseSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  kind: z.enum(['installation_deadline_missed', 'uptime_breach', 'accountability_rejected', 'image_misuse', 'signage_plate_missing']),
  subjectType: z.string(),
  subjectId: z.string(),
  description: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  closedNote: z.string().nullable(),
});
export type ComplianceCase = z.infer<typeof complianceCaseSchema>;
export const complianceCaseKindLabels = {
  installation_deadline_missed: 'Prazo de instalação de 90 dias vencido (guia §04)',
  uptime_breach: 'Câmeras fora do ar — funcionamento ininterrupto (art. 25, § 3º)',
  accountability_rejected: 'Prestação de contas rejeitada (art. 19, §§ 3º–4º)',
  image_misuse: 'Mau uso das imagens por usuário do parceiro (art. 27, § 2º)',
  signage_plate_missing: 'Placa do programa não instalada no prazo (foto aprovada pela comissão)',
} as const;

export const uptimeScorecardSchema = z.object({
  partnerId: z.string(),
  month: z.string(),
  measured: z.boolean(),
  percent: z.number().nullable(),
  label: z.string(),
  cameras: z.array(
    z.object({
      cameraId: z.string(),
      name: z.string(),
      measured: z.boolean(),
      percent: z.number().nullable(),
      outages: z.number().int(),
      outageMinutes: z.number(),
    }),
  ),
});
export type UptimeScorecard = z.infer<typeof uptimeScorecardSchema>;

export const revocationSchema = z.object({
  termId: z.string(),
  termNumber: z.string(),
  reasons: z.string(),
  revokedAt: z.string(),
  documents: z.array(obligationDocumentSchema),
});
