import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../modules/accounts/session.service.js';
import type { AuditActor } from '../modules/audit/audit.service.js';
import type { RouteAccess } from './access.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** The audit actor for a request: the signed-in user (if any) and where the request came from. */
export function actorOf(request: FastifyRequest): AuditActor {
  const ua = request.headers['user-agent'];
  return {
    id: request.auth?.user.id ?? null,
    label: request.auth?.user.email ?? null,
    origin: `${request.ip}${ua ? ` | ${String(ua).slice(0, 120)}` : ''}`,
  };
}

/** The signed-in context of a route whose access already demanded one. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

export const requestMeta = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});
