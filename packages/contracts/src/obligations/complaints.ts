import { z } from 'zod';
import { reasonsSchema, uuidSchema } from './common.js';

/** Citizen complaint (denúncia), Decree 1.522/2022 Art. 28 §2 — public portal. */
export const complaintStatuses = ['received', 'investigating', 'dismissed', 'closed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const complaintStatusLabels: Record<ComplaintStatus, string> = {
  received: 'Recebida',
  investigating: 'Em apuração',
  dismissed: 'Arquivada',
  closed: 'Concluída',
};
export const complaintSubjects = ['site', 'partner'] as const;
export const complaintSubjectLabels = { site: 'Um local com câmera do programa', partner: 'Um parceiro do programa' } as const;

export const COMPLAINT_MAX_CHARS = 4000;

export const complaintCreateRequestSchema = z
  .object({
    anonymous: z.boolean(),
    name: z.string().trim().max(160).optional(),
    email: z.string().trim().email({ message: 'E-mail inválido.' }).max(200).optional().or(z.literal('')),
    about: z.enum(complaintSubjects),
    subject: z.string().trim().min(3, { message: 'Diga qual local ou parceiro.' }).max(300),
    municipalityIbge: z
      .string()
      .regex(/^51\d{5}$/, { message: 'Município de MT inválido.' })
      .optional()
      .or(z.literal('')),
    description: z.string().trim().min(20, { message: 'Descreva a irregularidade com pelo menos 20 caracteres.' }).max(COMPLAINT_MAX_CHARS),
    /** Honeypot: people leave it empty. */
    website: z.string().max(0).optional(),
  })
  .refine((v) => v.anonymous || (v.name && v.name.length >= 3), { path: ['name'], message: 'Informe seu nome ou marque "anônima".' });
export const complaintCreatedSchema = z.object({ protocol: z.string(), message: z.string() });

/** Public lookup: status and published outcome only. */
export const complaintPublicSchema = z.object({
  protocol: z.string(),
  status: z.enum(complaintStatuses),
  statusLabel: z.string(),
  receivedOn: z.string(),
  outcome: z.string().nullable(),
  outcomePublishedOn: z.string().nullable(),
});
export type ComplaintPublic = z.infer<typeof complaintPublicSchema>;

export const complaintTriageRequestSchema = z.object({
  status: z.enum(['investigating', 'dismissed']),
  termId: uuidSchema.nullable().optional(),
  note: reasonsSchema,
});
export const complaintOutcomeRequestSchema = z.object({ outcome: reasonsSchema });

export const complaintSchema = z.object({
  id: z.string(),
  protocol: z.string(),
  status: z.enum(complaintStatuses),
  anonymous: z.boolean(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  about: z.enum(complaintSubjects),
  subject: z.string(),
  municipalityIbge: z.string().nullable(),
  description: z.string(),
  termId: z.string().nullable(),
  termNumber: z.string().nullable(),
  partnerName: z.string().nullable(),
  triageNote: z.string().nullable(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
  outcomePublishedAt: z.string().nullable(),
});
export type Complaint = z.infer<typeof complaintSchema>;
