import { z } from 'zod';

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  reason: z.string().nullable(),
  origin: z.string().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), problem: z.enum(['prev_hash_mismatch', 'hash_mismatch']) }).nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;

export const auditListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().optional(),
  action: z.string().max(100).optional(),
  actorId: z.string().uuid().optional(),
});
