import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accessForPluginRoute, decide, type RouteAccess } from './access.js';
import type { AuthContext, CitizenContext } from './context.js';
import { AppError } from './errors.js';
import { CITIZEN_SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './session-token.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Turns a session cookie into the signed-in context (accounts' session service, given by app.ts). */
export type SessionResolver = (
  token: string,
) => Promise<{ ok: true; ctx: AuthContext } | { ok: false; reason: 'none' | 'expired' | 'suspended' }>;

/** Turns a citizen-session cookie into the citizen's context (citizen-accounts' session service), or null. */
export type CitizenSessionResolver = (token: string) => Promise<CitizenContext | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Installs the access guard: every route must declare `config.access` (or match a declared plugin
 * prefix) or registration throws and the server does not start; every request is checked against
 * its route's declaration, with CSRF protection on unsafe methods.
 */
export function installGuard(
  app: FastifyInstance,
  deps: { resolveSession: SessionResolver; resolveCitizenSession?: CitizenSessionResolver },
): RegisteredRoute[] {
  const registry: RegisteredRoute[] = [];
  app.decorateRequest('auth', null);
  app.decorateRequest('citizen', null);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access ?? accessForPluginRoute(route.url);
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access policy (config.access)`);
    }
    route.config = { ...route.config, access };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registry.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // not-found handler: no route, nothing to protect
    if (access.kind === 'citizen') {
      const token = request.cookies[CITIZEN_SESSION_COOKIE];
      const resolved = token && deps.resolveCitizenSession ? await deps.resolveCitizenSession(token) : null;
      if (!resolved) {
        if (token) reply.clearCookie(CITIZEN_SESSION_COOKIE, { path: '/' });
        throw new AppError('UNAUTHENTICATED', 'Entre com a sua conta gov.br para usar este serviço.');
      }
      request.citizen = resolved;
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== resolved.session.csrfToken)
        throw new AppError('CSRF_INVALID');
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const resolved = await deps.resolveSession(token);
      if (resolved.ok) request.auth = resolved.ctx;
      else {
        expired = resolved.reason !== 'none';
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    const verdict = decide(access, request.auth ? { stage: request.auth.session.stage, roles: request.auth.roles } : null);
    if (verdict === 'unauthenticated') throw new AppError(expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (verdict === 'forbidden') throw new AppError('FORBIDDEN');
    if (!SAFE_METHODS.has(request.method) && !(access.kind === 'public' && access.signed)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = request.auth ? request.auth.session.csrfToken : request.cookies[CSRF_COOKIE];
      if (!expected || typeof sent !== 'string' || sent !== expected) throw new AppError('CSRF_INVALID');
    }
  });

  return registry;
}
