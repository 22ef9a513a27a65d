import type { Role, RoleGrant } from '@vigia/contracts';
import { generate } from 'otplib';
import { afterAll, beforeAll } from 'vitest';
import { type App, buildApp, type Config, type Database, insertUser, loadConfig, systemActor } from './server.js';
import { testClock } from './test-clock.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    WEB_DIST: '/nonexistent',
    // Real proof of work, kept small; factories sign up many partners from one address.
    ALTCHA_MAX_NUMBER: '2000',
    SIGN_UP_MAX_PER_ADDRESS: '100000',
    ...env,
  });
}

const databases = new WeakMap<App, Database>();

export async function testApp(database: Database, dataDir: string, env: Record<string, string> = {}): Promise<App> {
  const app = await buildApp({ config: testConfig(dataDir, env), database, clock: testClock });
  await app.ready();
  databases.set(app, database);
  return app;
}

/** The database a test app was built on (factories that only get the app read the outbox through it). */
export function databaseOf(app: App): Database {
  const database = databases.get(app);
  if (!database) throw new Error('app not built by testApp');
  return database;
}

let counter = 0;
export const PASSWORD = 'senha-de-teste-segura';

/** Factory: a user with one grant per role given. */
export async function makeUser(database: Database, roles: Role[], scope: Partial<RoleGrant> = {}) {
  counter++;
  const email = `u${counter}-${Date.now()}@teste.local`;
  const user = await database.db.transaction((tx) =>
    insertUser(tx, systemActor('test'), {
      email,
      name: `Usuário ${counter}`,
      password: PASSWORD,
      grants: roles.map((role) => ({ role, partnerId: null, municipalityIbge: null, securityRegionId: null, unit: null, ...scope })),
    }),
  );
  return { ...user, email };
}

export interface Session {
  cookie: string;
  csrf: string;
  stage: string;
}

function cookieFrom(setCookie: string | string[] | undefined, name: string): string | undefined {
  const all = [setCookie ?? []].flat();
  const hit = all.find((c) => c.startsWith(`${name}=`));
  return hit?.split(';')[0];
}

/** Anonymous CSRF token and cookie (double-submit) for public unsafe requests such as login. */
export async function anonymous(app: App): Promise<Session> {
  const res = await app.inject({ method: 'GET', url: '/api/auth/session' });
  return { cookie: cookieFrom(res.headers['set-cookie'], 'vm_csrf') ?? '', csrf: res.json().csrfToken, stage: 'none' };
}

export async function passwordStep(app: App, email: string, password = PASSWORD) {
  const anon = await anonymous(app);
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf },
    payload: { email, password },
  });
}

/** Signs in fully, enrolling or answering TOTP as the account requires. Returns the session and the TOTP secret. */
export async function signIn(app: App, email: string, mfaSecret?: string): Promise<Session & { mfaSecret?: string }> {
  const res = await passwordStep(app, email);
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  let cookie = cookieFrom(res.headers['set-cookie'], 'vm_session')!;
  let body = res.json();
  let secret = mfaSecret;
  if (body.me.stage === 'mfa_enrol') {
    const enrol = await app.inject({ method: 'POST', url: '/api/auth/mfa/enrol', headers: { cookie, 'x-csrf-token': body.csrfToken } });
    secret = enrol.json().secret;
    const code = await generate({ secret: secret! });
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enrol/confirm',
      headers: { cookie, 'x-csrf-token': body.csrfToken },
      payload: { code },
    });
    if (confirm.statusCode !== 200) throw new Error(`enrol failed: ${confirm.body}`);
    cookie = cookieFrom(confirm.headers['set-cookie'], 'vm_session')!;
    body = confirm.json();
  } else if (body.me.stage === 'mfa_verify') {
    const code = await generate({ secret: secret! });
    const verify = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { cookie, 'x-csrf-token': body.csrfToken },
      payload: { code },
    });
    if (verify.statusCode !== 200) throw new Error(`verify failed: ${verify.body}`);
    cookie = cookieFrom(verify.headers['set-cookie'], 'vm_session')!;
    body = verify.json();
  }
  return { cookie, csrf: body.csrfToken, stage: body.me.stage, ...(secret ? { mfaSecret: secret } : {}) };
}

export const authHeaders = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

/**
 * Registers the usual hooks of a route test file: a fresh migrated database and an app on it
 * before the file's tests, both closed after. Fields are filled in `beforeAll`.
 */
export function useTestApp(env: Record<string, string> = {}): { t: TestDatabase; app: App } {
  const ctx = {} as { t: TestDatabase; app: App };
  beforeAll(async () => {
    ctx.t = await createTestDatabase();
    ctx.app = await testApp(ctx.t.database, ctx.t.dataDir, env);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.t?.drop();
  });
  return ctx;
}
