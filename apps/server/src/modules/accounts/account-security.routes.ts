import {
  acceptedResponseSchema,
  altchaChallengeSchema,
  emailTokenSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  resendConfirmationRequestSchema,
} from '@vigia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context.js';
import { accountsPolicy } from './accounts.policy.js';
import { newAltchaChallenge } from './altcha.js';
import { CONFIRMATION_SENT, confirmEmail, resendConfirmation } from './confirm-email.js';
import { RESET_SENT, requestPasswordReset, resetPassword } from './password-reset.js';
import type { PublicGateDeps } from './public-request-gate.js';

const tags = ['auth'];

/** Public account flows (issue 12, item 6): proof-of-work challenge, e-mail confirmation, password reset. */
export function accountSecurityRoutes(deps: PublicGateDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/public/altcha/challenge', {
      config: { access: accountsPolicy.altchaChallenge },
      schema: { tags, summary: 'ALTCHA proof-of-work challenge for a public form', response: { 200: altchaChallengeSchema } },
      handler: async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return newAltchaChallenge(deps.altcha);
      },
    });

    app.post('/api/public/accounts/confirm-email', {
      config: { access: accountsPolicy.confirmEmail },
      schema: {
        tags,
        summary: 'Confirm the e-mail with the mailed token (activates the account)',
        body: emailTokenSchema,
        response: { 200: acceptedResponseSchema },
      },
      handler: async (request) => {
        await confirmEmail(deps, actorOf(request), request.body.token);
        return { message: 'E-mail confirmado. Você já pode entrar no sistema.' };
      },
    });

    app.post('/api/public/accounts/confirm-email/resend', {
      config: { access: accountsPolicy.resendConfirmation },
      schema: {
        tags,
        summary: 'Mail a new confirmation link',
        body: resendConfirmationRequestSchema,
        response: { 202: acceptedResponseSchema },
      },
      handler: async (request, reply) => {
        await resendConfirmation(deps, actorOf(request), request.ip, request.body);
        return reply.code(202).send({ message: CONFIRMATION_SENT });
      },
    });

    app.post('/api/public/accounts/password-reset', {
      config: { access: accountsPolicy.requestPasswordReset },
      schema: {
        tags,
        summary: 'Forgotten password: mail a reset link',
        body: passwordResetRequestSchema,
        response: { 202: acceptedResponseSchema },
      },
      handler: async (request, reply) => {
        await requestPasswordReset(deps, actorOf(request), request.ip, request.body);
        return reply.code(202).send({ message: RESET_SENT });
      },
    });

    app.post('/api/public/accounts/password-reset/confirm', {
      config: { access: accountsPolicy.resetPassword },
      schema: {
        tags,
        summary: 'Set a new password with the mailed token',
        body: passwordResetConfirmSchema,
        response: { 200: acceptedResponseSchema },
      },
      handler: async (request) => {
        await resetPassword(deps, actorOf(request), request.body);
        return { message: 'Senha redefinida. Entre com a nova senha.' };
      },
    });
  };
}
