import { z } from 'zod';
import { obligationDateSchema, obligationDocumentSchema, reasonsSchema, uuidSchema } from './common.js';

/** Equipment loan (comodato / cessão de uso), Decree 1.522/2022 Art. 17–18, guide §03–04. */
export const assetStatuses = ['in_stock', 'reserved', 'lent', 'under_repair', 'stolen', 'returned', 'written_off'] as const;
export type AssetStatus = (typeof assetStatuses)[number];
export const assetStatusLabels: Record<AssetStatus, string> = {
  in_stock: 'Em estoque',
  reserved: 'Reservado',
  lent: 'Cedido',
  under_repair: 'Em reparo',
  stolen: 'Subtraído (roubo/furto)',
  returned: 'Devolvido',
  written_off: 'Baixado',
};

export const loanStatuses = ['reserved', 'pickup_scheduled', 'active', 'returned', 'cancelled'] as const;
export type LoanStatus = (typeof loanStatuses)[number];
export const loanStatusLabels: Record<LoanStatus, string> = {
  reserved: 'Aguardando agendamento da retirada',
  pickup_scheduled: 'Retirada agendada',
  active: 'Em cessão de uso',
  returned: 'Devolvido',
  cancelled: 'Cancelado',
};

export const installationStatuses = ['not_started', 'pending', 'met', 'missed'] as const;
export type InstallationStatus = (typeof installationStatuses)[number];
export const installationStatusLabels: Record<InstallationStatus, string> = {
  not_started: 'Aguardando retirada',
  pending: 'Instalação em andamento',
  met: 'Instalação concluída (vídeo recebido)',
  missed: 'Prazo de instalação vencido',
};

export const incidentKinds = ['theft', 'third_party_damage', 'partner_damage', 'warranty_defect'] as const;
export type IncidentKind = (typeof incidentKinds)[number];
export const incidentKindLabels: Record<IncidentKind, string> = {
  theft: 'Roubo ou furto (art. 18, § 1º)',
  third_party_damage: 'Dano causado por terceiros (art. 18, § 1º)',
  partner_damage: 'Dano causado pelo parceiro — reparo obrigatório (art. 18, § 2º)',
  warranty_defect: 'Defeito coberto pela garantia (art. 18, § 3º)',
};
export const incidentStatuses = ['open', 'repair_pending', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
export const incidentStatusLabels: Record<IncidentStatus, string> = {
  open: 'Aberta',
  repair_pending: 'Reparo pendente',
  closed: 'Encerrada',
};

export const assetCreateRequestSchema = z.object({
  model: z.string().trim().min(2).max(120),
  serial: z.string().trim().min(3).max(80),
  assetTag: z.string().trim().min(1).max(40),
  warrantyEndsOn: obligationDateSchema.nullable().optional(),
});
export const assetStatusRequestSchema = z.object({
  status: z.enum(['in_stock', 'under_repair', 'written_off']),
  note: reasonsSchema,
});

export const assetEventSchema = z.object({
  at: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
  loanId: z.string().nullable(),
});
export const assetSchema = z.object({
  id: z.string(),
  model: z.string(),
  serial: z.string(),
  assetTag: z.string(),
  warrantyEndsOn: z.string().nullable(),
  status: z.enum(assetStatuses),
  currentLoanId: z.string().nullable(),
  history: z.array(assetEventSchema).optional(),
});
export type Asset = z.infer<typeof assetSchema>;

export const loanCreateRequestSchema = z.object({
  termId: uuidSchema,
  assetIds: z.array(uuidSchema).min(1).max(200),
});
export const pickupScheduleRequestSchema = z.object({
  pickupOn: obligationDateSchema,
  personName: z.string().trim().min(3).max(160),
  personCpf: z
    .string()
    .trim()
    .regex(/^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/, { message: 'CPF inválido.' }),
  /** Signed authorisation by the legal representative, when someone else picks up (guide §03). */
  authorisationFileId: uuidSchema.nullable().optional(),
});
export const pickupRecordRequestSchema = z.object({ pickedUpOn: obligationDateSchema.optional() });
export const returnRequestSchema = z.object({
  returnedOn: obligationDateSchema.optional(),
  items: z
    .array(z.object({ assetId: uuidSchema, condition: z.enum(['good', 'damaged', 'missing']), note: z.string().max(500).optional() }))
    .min(1),
});

export const loanItemSchema = z.object({
  id: z.string(),
  assetId: z.string(),
  model: z.string(),
  serial: z.string(),
  assetTag: z.string(),
  assetStatus: z.enum(assetStatuses),
  firstVideoAt: z.string().nullable(),
  replacesItemId: z.string().nullable(),
  active: z.boolean(),
  returnCondition: z.string().nullable(),
});
export const loanSchema = z.object({
  id: z.string(),
  number: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  termId: z.string(),
  termNumber: z.string(),
  termStatus: z.string(),
  status: z.enum(loanStatuses),
  pickupOn: z.string().nullable(),
  /** The first business day in Cuiabá after today: the earliest pickup date the form suggests. */
  firstPickupOn: z.string(),
  pickupPlace: z.string(),
  pickupPersonName: z.string().nullable(),
  pickedUpOn: z.string().nullable(),
  /** Art. 18 §4: current 5-year period and automatic renewals while the cooperation operates. */
  currentPeriodEndsOn: z.string().nullable(),
  renewals: z.number().int(),
  returnDue: z.boolean(),
  installationStatus: z.enum(installationStatuses),
  installationDueOn: z.string().nullable(),
  installationMetAt: z.string().nullable(),
  remindersSent: z.array(z.number().int()),
  returnedOn: z.string().nullable(),
  items: z.array(loanItemSchema),
  documents: z.array(obligationDocumentSchema),
});
export type Loan = z.infer<typeof loanSchema>;

export const incidentReportRequestSchema = z
  .object({
    assetId: uuidSchema,
    kind: z.enum(incidentKinds),
    occurredOn: obligationDateSchema,
    description: z.string().trim().min(10).max(4000),
    policeReportNumber: z.string().trim().max(60).nullable().optional(),
  })
  .refine((v) => !(v.kind === 'theft' || v.kind === 'third_party_damage') || (v.policeReportNumber && v.policeReportNumber.length >= 3), {
    path: ['policeReportNumber'],
    message: 'Informe o número do boletim de ocorrência (notícia-crime) — Decreto 1.522/2022, art. 18, § 1º.',
  });
export const incidentReplaceRequestSchema = z.object({ newAssetId: uuidSchema, note: z.string().max(1000).optional() });
export const incidentCloseRequestSchema = z.object({
  resolution: reasonsSchema,
  assetOutcome: z.enum(['back_in_service', 'written_off', 'unchanged']).default('unchanged'),
});
export const incidentSchema = z.object({
  id: z.string(),
  loanId: z.string(),
  loanNumber: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  assetId: z.string(),
  serial: z.string(),
  kind: z.enum(incidentKinds),
  status: z.enum(incidentStatuses),
  occurredOn: z.string(),
  description: z.string(),
  policeReportNumber: z.string().nullable(),
  replacementAssetId: z.string().nullable(),
  replacementSerial: z.string().nullable(),
  resolution: z.string().nullable(),
  reportedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Incident = z.infer<typeof incidentSchema>;
