import { loginRequestSchema, mfaEnrolmentSchema, type SessionResponse, sessionResponseSchema, totpCodeSchema } from '@vigia/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { actorOf, authOf, requestMeta } from '../../http/context.js';
import { CSRF_COOKIE, newToken, SESSION_COOKIE } from '../../http/session-token.js';
import { accountSecurityRoutes } from './account-security.routes.js';
import { accountsPolicy } from './accounts.policy.js';
import { findLiveSession } from './accounts.repository.js';
import { altchaFrom } from './altcha.js';
import { completeMfa, login, logout, startMfaEnrolment } from './auth.service.js';
import { resolveSession } from './session.service.js';

const tags = ['auth'];

export function authRoutes(deps: { db: Db; config: Config }): FastifyPluginAsyncZod {
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.config.session.secureCookie };

  async function sessionBody(token: string): Promise<SessionResponse> {
    const resolved = await resolveSession(deps.db, deps.config.session, token);
    if (!resolved.ok) throw new Error('session vanished right after creation');
    const { user, grants, roles, session } = resolved.ctx;
    return {
      authenticated: session.stage === 'active',
      csrfToken: session.csrfToken,
      me: { id: user.id, email: user.email, name: user.name, roles, grants, mfaEnabled: user.mfaEnabled, stage: session.stage },
    };
  }

  function setSession(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, cookieOpts);
  }

  return async (app) => {
    await app.register(accountSecurityRoutes({ db: deps.db, config: deps.config, altcha: altchaFrom(deps.config) }));

    app.get('/api/auth/session', {
      config: { access: accountsPolicy.session },
      schema: { tags, summary: 'Current session and CSRF token', response: { 200: sessionResponseSchema } },
      handler: async (request: FastifyRequest, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (request.auth && token) return sessionBody(token);
        let csrf = request.cookies[CSRF_COOKIE];
        if (!csrf) {
          csrf = newToken();
          reply.setCookie(CSRF_COOKIE, csrf, { ...cookieOpts, httpOnly: false });
        }
        return { authenticated: false, csrfToken: csrf, me: null };
      },
    });

    app.post('/api/auth/login', {
      config: { access: accountsPolicy.login },
      schema: { tags, summary: 'Sign in with e-mail and password', body: loginRequestSchema, response: { 200: sessionResponseSchema } },
      handler: async (request, reply) => {
        const { token } = await login(deps, request.body, requestMeta(request));
        setSession(reply, token);
        return sessionBody(token);
      },
    });

    app.post('/api/auth/mfa/enrol', {
      config: { access: accountsPolicy.mfaEnrol },
      schema: { tags, summary: 'Start TOTP enrolment (returns secret and QR code)', response: { 200: mfaEnrolmentSchema } },
      handler: async (request) => startMfaEnrolment(deps, authOf(request)),
    });

    const finishMfa = async (request: FastifyRequest<{ Body: { code: string } }>, reply: FastifyReply) => {
      const ctx = authOf(request);
      // Reload: the pending secret was written after this request's session was read.
      const fresh = await findLiveSession(deps.db, ctx.session.id);
      const { token } = await completeMfa(
        deps,
        { ...ctx, session: fresh ?? ctx.session },
        request.body.code,
        requestMeta(request),
        actorOf(request),
      );
      setSession(reply, token);
      return sessionBody(token);
    };

    app.post('/api/auth/mfa/enrol/confirm', {
      config: { access: accountsPolicy.mfaEnrol },
      schema: { tags, summary: 'Confirm TOTP enrolment with a code', body: totpCodeSchema, response: { 200: sessionResponseSchema } },
      handler: finishMfa,
    });

    app.post('/api/auth/mfa/verify', {
      config: { access: accountsPolicy.mfaVerify },
      schema: { tags, summary: 'Second factor: verify a TOTP code', body: totpCodeSchema, response: { 200: sessionResponseSchema } },
      handler: finishMfa,
    });

    app.post('/api/auth/logout', {
      config: { access: accountsPolicy.logout },
      schema: { tags, summary: 'Sign out', response: { 204: z.null() } },
      handler: async (request, reply) => {
        if (request.auth) await logout(deps, request.auth, actorOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    });
  };
}
