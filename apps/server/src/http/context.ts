import { maskCpf, type Role, type RoleGrant } from '@vigia/contracts';
import type { FastifyRequest } from 'fastify';
import type { sessions, users } from '../db/tables/accounts.js';
import type { citizenSessions, citizens } from '../db/tables/citizen.js';
import type { RouteAccess } from './access.js';
import { AppError } from './errors.js';

/** The signed-in context of a request (resolved by accounts' session service, carried by the request). */
export interface AuthContext {
  session: typeof sessions.$inferSelect;
  user: typeof users.$inferSelect;
  grants: RoleGrant[];
  roles: Role[];
}

/** The signed-in citizen of a citizen route (gov.br sign-in; resolved by citizen-accounts). */
export interface CitizenContext {
  session: typeof citizenSessions.$inferSelect;
  citizen: typeof citizens.$inferSelect;
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
    citizen: CitizenContext | null;
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

/** The citizen of a route whose access demanded a citizen session. */
export function citizenOf(request: FastifyRequest): CitizenContext {
  if (!request.citizen) throw new AppError('UNAUTHENTICATED');
  return request.citizen;
}

/** The audit actor for a citizen's request: no staff user; the label names the citizen by masked CPF. */
export function citizenActorOf(request: FastifyRequest): AuditActor {
  const base = actorOf(request);
  const cpf = request.citizen?.citizen.cpf ?? '';
  return { ...base, id: null, label: cpf ? `cidadão ${maskCpf(cpf)}` : 'cidadão' };
}

export const requestMeta = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

/** The acting user of a route whose access already demanded a session. */
export const acting = (request: FastifyRequest): Acting => ({ auth: authOf(request), actor: actorOf(request) });
