import { z } from 'zod';
import { partnerIdentitySchema } from './accreditation-api.js';

/**
 * Alteração cadastral (issue 12, item 7): once a partner has submitted an application, its
 * identity (kind, name, CPF/CNPJ, legal representative) changes only through a request the
 * committee decides; the previous values are kept.
 */
export const identityChangeStatusSchema = z.enum(['pending', 'approved', 'rejected']);

export const identityChangeRequestSchema = z.object({
  proposed: partnerIdentitySchema,
  reason: z.string().trim().min(10, { message: 'Explique o motivo da alteração com pelo menos 10 caracteres.' }).max(2000),
  supportingFileId: z.string().uuid({ message: 'Documento inválido.' }).optional(),
});
export type IdentityChangeRequest = z.output<typeof identityChangeRequestSchema>;

export const identityChangeDecisionSchema = z.object({
  approve: z.boolean(),
  reason: z.string().trim().min(10, { message: 'Fundamente a decisão com pelo menos 10 caracteres.' }).max(2000),
});

const identityValuesSchema = z.object({
  kind: z.string(),
  name: z.string(),
  document: z.string(),
  legalRepresentative: z.unknown(),
});

export const identityChangeSchema = z.object({
  id: z.string().uuid(),
  partnerId: z.string().uuid(),
  partnerName: z.string(),
  status: identityChangeStatusSchema,
  current: identityValuesSchema,
  proposed: identityValuesSchema,
  reason: z.string(),
  supportingFileId: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type IdentityChange = z.infer<typeof identityChangeSchema>;
