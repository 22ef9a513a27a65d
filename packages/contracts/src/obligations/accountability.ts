import { z } from 'zod';
import { obligationDateSchema, obligationDocumentSchema, reasonsSchema, uuidSchema } from './common.js';

/** Accountability report (prestação de contas), Decree 1.522/2022 Art. 19; guide §09. */
export const reportKinds = ['installation', 'requested', 'final', 'special_audit'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportKindLabels: Record<ReportKind, string> = {
  installation: 'Comprovação da instalação',
  requested: 'Solicitada pela SESP',
  final: 'Final — até 90 dias após o término da cooperação (art. 19, § 1º)',
  special_audit: 'Tomada de contas especial (art. 19, § 1º)',
};
export const reportStatuses = ['pending', 'submitted', 'corrections_requested', 'approved', 'rejected'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportStatusLabels: Record<ReportStatus, string> = {
  pending: 'Aguardando o parceiro',
  submitted: 'Em análise',
  corrections_requested: 'Correções solicitadas',
  approved: 'Aprovada',
  rejected: 'Rejeitada',
};

/** Facts the platform already knows, shown prefilled. `uptime` is "não medido" until health data exists. */
export const reportFactsSchema = z.object({
  generatedAt: z.string(),
  cameras: z.object({ total: z.number(), online: z.number(), offline: z.number(), pending: z.number(), disabled: z.number() }),
  lentItems: z.array(z.object({ serial: z.string(), model: z.string(), status: z.string(), firstVideoAt: z.string().nullable() })),
  uptime: z.object({ month: z.string(), measured: z.boolean(), percent: z.number().nullable(), label: z.string() }),
  incidents: z.array(z.object({ kind: z.string(), status: z.string(), occurredOn: z.string(), serial: z.string() })),
  inspections: z.array(
    z.object({ recordedAt: z.string().nullable(), kind: z.string(), faults: z.number(), findings: z.string().nullable() }),
  ),
});
export type ReportFacts = z.infer<typeof reportFactsSchema>;

export const reportRequestSchema = z.object({
  termId: uuidSchema,
  kind: z.enum(['requested', 'special_audit']),
  dueOn: obligationDateSchema,
  reason: reasonsSchema,
});
export const reportDraftRequestSchema = z.object({
  activities: z.string().max(20000),
  results: z.string().max(20000),
  photoFileIds: z.array(uuidSchema).max(30).default([]),
});
export const reportReviewRequestSchema = z.object({
  decision: z.enum(['approve', 'request_corrections', 'reject']),
  reasons: z.string().trim().max(4000).default(''),
  /** Art. 19 §3: rejection with misuse may end the cooperation. */
  endCooperation: z.boolean().default(false),
  /** Art. 19 §4: rejection may lead to a sanction process (Art. 30). */
  openSanction: z.boolean().default(false),
});

export const reportSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  termId: z.string(),
  termNumber: z.string(),
  kind: z.enum(reportKinds),
  status: z.enum(reportStatuses),
  dueOn: z.string(),
  overdue: z.boolean(),
  requestReason: z.string().nullable(),
  facts: reportFactsSchema,
  activities: z.string(),
  results: z.string(),
  photoFileIds: z.array(z.string()),
  submittedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  sanctionProcessId: z.string().nullable(),
  documents: z.array(obligationDocumentSchema),
});
export type AccountabilityReport = z.infer<typeof reportSchema>;
