import { z } from 'zod';
import { roleGrantSchema, roleSchema } from './roles.js';

export const emailSchema = z.string().trim().toLowerCase().email({ message: 'E-mail inválido.' }).max(254);

/** Minimum password policy: 12+ characters (NIST SP 800-63B favours length over composition). */
export const passwordSchema = z
  .string()
  .min(12, { message: 'A senha deve ter pelo menos 12 caracteres.' })
  .max(256, { message: 'A senha deve ter no máximo 256 caracteres.' });

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: 'Informe a senha.' }).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'O código deve ter 6 dígitos.' }),
});

export const sessionStageSchema = z.enum(['mfa_verify', 'mfa_enrol', 'active']);
export type SessionStage = z.infer<typeof sessionStageSchema>;

export const meSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  grants: z.array(roleGrantSchema),
  mfaEnabled: z.boolean(),
  stage: sessionStageSchema,
});
export type Me = z.infer<typeof meSchema>;

export const sessionResponseSchema = z.object({
  authenticated: z.boolean(),
  csrfToken: z.string(),
  me: meSchema.nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const mfaEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCodeDataUrl: z.string(),
});
export type MfaEnrolment = z.infer<typeof mfaEnrolmentSchema>;
