import cookie from '@fastify/cookie';
import { type Role, roles } from '@vigia/contracts';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { decide } from '../src/http/access.js';
import { installGuard } from '../src/http/guard.js';
import { resolveSession } from '../src/modules/accounts/session.service.js';
import { anonymous, authHeaders, makeUser, type Session, signIn, testApp, testConfig } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
let app: App;
const sessions = new Map<Role, Session>();

beforeAll(async () => {
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir);
  for (const role of roles) {
    const u = await makeUser(t.database, [role]);
    sessions.set(role, await signIn(app, u.email));
  }
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const fill = (url: string) => url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'x');

describe('authorization matrix: every registered route × every role', () => {
  it('has routes to walk', () => {
    expect(app.routeRegistry.length).toBeGreaterThan(10);
  });

  it('answers each role exactly as the route declares', async () => {
    // Logout ends the session it is called with, so it goes last.
    const routes = [...app.routeRegistry].sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
    const surprises: string[] = [];
    for (const route of routes) {
      const who: (Role | null)[] = [null, ...roles];
      for (const role of who) {
        const session = role ? sessions.get(role)! : await anonymous(app);
        const verdict = decide(route.access, role ? { stage: 'active', roles: [role] } : null);
        const res = await app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: authHeaders(session),
          payload: route.method === 'GET' ? undefined : {},
        });
        const got = res.statusCode;
        const ok = verdict === 'allow' ? got !== 401 && got !== 403 : verdict === 'forbidden' ? got === 403 : got === 401;
        if (!ok) surprises.push(`${route.method} ${route.url} as ${role ?? 'anonymous'}: expected ${verdict}, got ${got}`);
        if (verdict !== 'allow') expect(res.json().error.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
      }
    }
    expect(surprises).toEqual([]);
  }, 180_000); // every route × every role, one request each: minutes on a loaded machine

  it('keeps administration routes to administrators and the audit trail to admins and auditors', () => {
    for (const r of app.routeRegistry) {
      if (r.url.startsWith('/api/admin/')) expect(r.access, r.url).toEqual({ kind: 'roles', roles: ['admin'] });
      if (r.url.startsWith('/api/audit/')) expect(r.access, r.url).toEqual({ kind: 'roles', roles: ['admin', 'auditor'] });
    }
  });

  it('declares a reason for every public route', () => {
    for (const r of app.routeRegistry) if (r.access.kind === 'public') expect(r.access.why.length, r.url).toBeGreaterThan(5);
  });
});

describe('a route without an access declaration', () => {
  it('stops the server from starting', async () => {
    const bare = Fastify();
    await bare.register(cookie);
    installGuard(bare, { resolveSession: (token) => resolveSession(t.database.db, testConfig(t.dataDir).session, token) });
    expect(() => bare.get('/api/undeclared', async () => ({ leaked: true }))).toThrow(/declares no access policy/);
    await bare.close();
  });
});
