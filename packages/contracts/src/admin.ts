import { z } from 'zod';
import { emailSchema, passwordSchema } from './auth.js';
import { roleGrantSchema, roleSchema } from './roles.js';

export const userStatusSchema = z.enum(['active', 'pending_email', 'suspended']);

export const userSummarySchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  status: userStatusSchema,
  roles: z.array(roleSchema),
  mfaEnabled: z.boolean(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const createUserRequestSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(3, { message: 'Informe o nome completo.' }).max(200),
  password: passwordSchema,
  grants: z.array(roleGrantSchema).min(1, { message: 'Atribua ao menos um perfil.' }),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** Suspensions always carry a reason (Art. 27 §2: misuse of images). */
export const reasonSchema = z.object({
  reason: z.string().trim().min(10, { message: 'Descreva o motivo com pelo menos 10 caracteres.' }).max(2000),
});

export const idParamSchema = z.object({ id: z.string().uuid({ message: 'Identificador inválido.' }) });
