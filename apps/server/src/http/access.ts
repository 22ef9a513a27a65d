import type { Role, SessionStage } from '@vigia/contracts';

/**
 * Who may call a route. Every route declares one (checked when the route is registered, so a
 * route without a declaration stops the server from starting).
 *
 * - `public`: anyone, with or without a session; `signed` routes (a PSP's webhook) authenticate each
 *   request by its signature, so the CSRF check does not apply to them.
 * - `authenticated`: any fully signed-in user (MFA done where required).
 * - `roles`: a fully signed-in user holding at least one of the roles. Object-level scope
 *   (own partner, municipality, region) is enforced by the domain service in its queries.
 * - `stages`: for the sign-in steps themselves (MFA enrolment and verification).
 */
export type RouteAccess =
  | { kind: 'public'; why: string; signed?: true }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'stages'; stages: readonly SessionStage[] }
  /** A citizen signed in with gov.br (the citizen session, never a staff session); services check the level. */
  | { kind: 'citizen' };

export const publicAccess = (why: string): RouteAccess => ({ kind: 'public', why });
export const anyUser: RouteAccess = { kind: 'authenticated' };
export const rolesAccess = (...roles: Role[]): RouteAccess => ({ kind: 'roles', roles });
export const stageAccess = (...stages: SessionStage[]): RouteAccess => ({ kind: 'stages', stages });
export const citizenAccess: RouteAccess = { kind: 'citizen' };

/** A domain's policy: one named access rule per use case, in one file per domain. */
export function definePolicy<const T extends Record<string, RouteAccess>>(policy: T): T {
  return policy;
}

/**
 * Routes that third-party plugins register (documentation UI, static assets) cannot carry a
 * declaration themselves; they are declared here, by prefix, in one place.
 */
export const pluginRouteAccess: { prefix: string; access: RouteAccess }[] = [
  { prefix: '/docs', access: publicAccess('API documentation (OpenAPI), no data') },
  { prefix: '/assets/', access: publicAccess('built web bundles and static files') },
];

export function accessForPluginRoute(url: string): RouteAccess | undefined {
  return pluginRouteAccess.find((p) => url === p.prefix || url.startsWith(p.prefix))?.access;
}

/** Pure decision used by the request hook and by the authorization matrix test. */
export function decide(
  access: RouteAccess,
  who: { stage: SessionStage; roles: readonly Role[] } | null,
): 'allow' | 'unauthenticated' | 'forbidden' {
  if (access.kind === 'public') return 'allow';
  // Staff sessions never open citizen routes: the guard checks the citizen session for those.
  if (access.kind === 'citizen') return 'unauthenticated';
  if (!who) return 'unauthenticated';
  if (access.kind === 'stages') return access.stages.includes(who.stage) ? 'allow' : 'forbidden';
  if (who.stage !== 'active') return 'unauthenticated';
  if (access.kind === 'authenticated') return 'allow';
  return who.roles.some((r) => access.roles.includes(r)) ? 'allow' : 'forbidden';
}
