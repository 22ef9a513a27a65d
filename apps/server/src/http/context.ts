import type { Role, RoleGrant } from '@vigia/contracts';
import type { FastifyRequest } from 'fastify';
import type { sessions, users } from '../db/tables/accounts.js';
import type { RouteAccess } from './access.js';
import { AppError } from './errors.js';

/** The signed-in context of a request (resolved by accounts' session service, carried by the request). */
export interface AuthContext {
  session: typeof sessions.$inferSelect;
  user: typeof users.$inferSelect;
  grants: RoleGrant[];
  roles: Role[];
}

/** Who an audit row names: user (if any) and where the request came from. */
export interface AuditActor {
  id: string | null;
  label: string | null;
  origin: string;
}

/** Who is acting in a use case: the session (for scope) and the audit actor. */
export interface Acting {
  auth: AuthContext;
  actor: AuditActor;
}

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

/** The acting user of a route whose access already demanded a session. */
export const acting = (request: FastifyRequest): Acting => ({ auth: authOf(request), actor: actorOf(request) });
