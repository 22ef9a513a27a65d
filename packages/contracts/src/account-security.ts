import { z } from 'zod';
import { emailSchema, passwordSchema } from './auth.js';

/**
 * Contracts of the account-security flows (issue 12, item 6): the proof-of-work challenge
 * (ALTCHA) guarding public forms, e-mail confirmation, and password reset. Every public answer
 * here is the same whether the e-mail exists or not.
 */

/** The ALTCHA challenge a public form solves before it is sent (SHA-256 over salt + number). */
export const altchaChallengeSchema = z.object({
  algorithm: z.string(),
  challenge: z.string(),
  maxnumber: z.number().int().optional(),
  salt: z.string(),
  signature: z.string(),
});
export type AltchaChallenge = z.infer<typeof altchaChallengeSchema>;

/** The solved challenge, base64 JSON as the ALTCHA widget posts it. Missing → refused by the server. */
export const altchaPayloadSchema = z.string().max(4000).default('');

/** What a public account request answers, always the same for an existing and an unknown e-mail. */
export const acceptedResponseSchema = z.object({ message: z.string() });
export type AcceptedResponse = z.infer<typeof acceptedResponseSchema>;

export const emailTokenSchema = z.object({
  token: z.string().trim().min(20, { message: 'Link inválido.' }).max(200, { message: 'Link inválido.' }),
});

export const resendConfirmationRequestSchema = z.object({ email: emailSchema, altcha: altchaPayloadSchema });

export const passwordResetRequestSchema = z.object({ email: emailSchema, altcha: altchaPayloadSchema });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetConfirmSchema = emailTokenSchema.extend({ password: passwordSchema });
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirmSchema>;
