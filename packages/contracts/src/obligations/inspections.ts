import { z } from 'zod';
import { obligationDateSchema, obligationDocumentSchema, uuidSchema } from './common.js';

/** Inspection (vistoria), Decree 1.522/2022 Art. 28 §1 (checklist from Art. 2 VIII, Art. 20, guide §08). */
export const inspectionChecklistKeys = [
  'camera_working',
  'aimed_at_public_space',
  'weather_protection',
  'vandalism_protection',
  'signage_plate',
] as const;
export type InspectionChecklistKey = (typeof inspectionChecklistKeys)[number];
export const inspectionChecklistLabels: Record<InspectionChecklistKey, string> = {
  camera_working: 'Câmera funcionando e transmitindo',
  aimed_at_public_space: 'Câmera voltada para espaço/logradouro público',
  weather_protection: 'Protegida contra intempéries — temperatura, poeira, umidade (art. 20)',
  vandalism_protection: 'Protegida contra choques e vandalismo (art. 20, parágrafo único)',
  signage_plate: 'Placa oficial do programa instalada (guia §08)',
};
export const checklistVerdicts = ['ok', 'fault', 'not_applicable'] as const;
export const inspectionKinds = ['scheduled', 'unannounced'] as const;
export const inspectionKindLabels = { scheduled: 'Agendada', unannounced: 'Sem aviso prévio' } as const;
export const inspectionStatuses = ['scheduled', 'recorded', 'follow_up_closed'] as const;
export const inspectionStatusLabels = { scheduled: 'Agendada', recorded: 'Registrada', follow_up_closed: 'Pendências sanadas' } as const;

export const inspectionScheduleRequestSchema = z.object({
  termId: uuidSchema,
  kind: z.enum(inspectionKinds),
  scheduledFor: z.string().datetime({ offset: true, message: 'Data e hora inválidas.' }),
  place: z.string().trim().min(3).max(300),
});
export const inspectionRecordRequestSchema = z.object({
  checklist: z.record(z.enum(inspectionChecklistKeys), z.enum(checklistVerdicts)),
  findings: z.string().trim().min(3).max(8000),
  photoFileIds: z.array(uuidSchema).max(30).default([]),
  followUpDueOn: obligationDateSchema.nullable().optional(),
});
export const inspectionFollowUpRequestSchema = z.object({ note: z.string().trim().min(3).max(4000) });

export const inspectionSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  termId: z.string(),
  termNumber: z.string(),
  kind: z.enum(inspectionKinds),
  status: z.enum(inspectionStatuses),
  scheduledFor: z.string(),
  place: z.string(),
  checklist: z.record(z.string(), z.string()).nullable(),
  faults: z.number().int(),
  findings: z.string().nullable(),
  photoFileIds: z.array(z.string()),
  followUpDueOn: z.string().nullable(),
  followUpNote: z.string().nullable(),
  recordedAt: z.string().nullable(),
  documents: z.array(obligationDocumentSchema),
});
export type Inspection = z.infer<typeof inspectionSchema>;
