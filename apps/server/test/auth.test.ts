import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { anonymous, authHeaders, makeUser, passwordStep, signIn, testApp, useTestApp } from './helpers/app.js';

const ctx = useTestApp();

describe('sign-in', () => {
  it('signs a partner user in with password only and returns its roles', async () => {
    const u = await makeUser(ctx.t.database, ['partner_user']);
    const s = await signIn(ctx.app, u.email);
    expect(s.stage).toBe('active');
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(res.json().me.roles).toEqual(['partner_user']);
  });

  it('sets an httpOnly SameSite=Strict session cookie', async () => {
    const u = await makeUser(ctx.t.database, ['partner_user']);
    const res = await passwordStep(ctx.app, u.email);
    const cookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('vm_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('rejects a wrong password with a Portuguese message and the stable code', async () => {
    const u = await makeUser(ctx.t.database, ['partner_user']);
    const res = await passwordStep(ctx.app, u.email, 'senha-errada-qualquer');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'E-mail ou senha incorretos.' });
  });

  it('gives the same answer for an unknown e-mail', async () => {
    const res = await passwordStep(ctx.app, 'ninguem@teste.local');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account after consecutive failures, even for the right password', async () => {
    const u = await makeUser(ctx.t.database, ['partner_user']);
    for (let i = 0; i < 4; i++) expect((await passwordStep(ctx.app, u.email, 'errada-errada-errada')).statusCode).toBe(401);
    expect((await passwordStep(ctx.app, u.email, 'errada-errada-errada')).json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await passwordStep(ctx.app, u.email)).json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('refuses an address after too many failed sign-ins, whatever the account', async () => {
    const strict = await testApp(ctx.t.database, ctx.t.dataDir, { LOGIN_IP_MAX_FAILURES: '3' });
    try {
      const anon = await anonymous(strict);
      const attempt = (email: string, password: string) =>
        strict.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '203.0.113.7',
          headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf },
          payload: { email, password },
        });
      for (let i = 0; i < 3; i++) expect((await attempt(`x${i}@teste.local`, 'errada-errada')).statusCode).toBe(401);
      const u = await makeUser(ctx.t.database, ['partner_user']);
      const blocked = await attempt(u.email, 'senha-de-teste-segura');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await strict.close();
    }
  });

  it('refuses login without the CSRF token', async () => {
    const u = await makeUser(ctx.t.database, ['partner_user']);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });

  it('reports invalid fields in Portuguese', async () => {
    const anon = await anonymous(ctx.app);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf },
      payload: { email: 'não é email', password: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.length).toBeGreaterThan(0);
  });
});

describe('multi-factor authentication', () => {
  it('requires operators to enrol TOTP before anything else', async () => {
    const u = await makeUser(ctx.t.database, ['operator'], { unit: 'civil_police' });
    const res = await passwordStep(ctx.app, u.email);
    expect(res.json().me.stage).toBe('mfa_enrol');
    const cookie = [res.headers['set-cookie']]
      .flat()
      .find((c) => String(c).startsWith('vm_session='))!
      .split(';')[0]!;
    const blocked = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(blocked.json().authenticated).toBe(false);
    const s = await signIn(ctx.app, u.email);
    expect(s.stage).toBe('active');
    expect(s.mfaSecret).toBeTruthy();
  });

  for (const role of [
    'committee_member',
    'release_authority',
    'admin',
    'regional_operator',
    'politec_staff',
    'traffic_police',
    'civil_police',
    'ombudsman_staff',
  ] as const) {
    it(`requires MFA for ${role}`, async () => {
      const u = await makeUser(ctx.t.database, [role]);
      expect((await passwordStep(ctx.app, u.email)).json().me.stage).toBe('mfa_enrol');
    });
  }

  it('asks enrolled users for a code and refuses a wrong or replayed one', async () => {
    const u = await makeUser(ctx.t.database, ['admin']);
    const first = await signIn(ctx.app, u.email);
    const res = await passwordStep(ctx.app, u.email);
    expect(res.json().me.stage).toBe('mfa_verify');
    const cookie = [res.headers['set-cookie']]
      .flat()
      .find((c) => String(c).startsWith('vm_session='))!
      .split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': res.json().csrfToken };
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/mfa/verify', headers, payload: { code: '000000' } });
    expect(wrong.json().error.code).toBe('MFA_INVALID_CODE');
    // The code used at enrolment belongs to a time step already consumed: a replay.
    const replay = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers,
      payload: { code: await generate({ secret: first.mfaSecret! }) },
    });
    expect(replay.json().error.code).toBe('MFA_INVALID_CODE');
    const next = await generate({ secret: first.mfaSecret!, epoch: Math.floor(Date.now() / 1000) + 30 });
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/auth/mfa/verify', headers, payload: { code: next } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().me.stage).toBe('active');
  });
});

describe('sessions', () => {
  it('expires after the idle timeout', async () => {
    const u = await makeUser(ctx.t.database, ['auditor']);
    const s = await signIn(ctx.app, u.email);
    await ctx.t.database.db.execute(sql`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = ${u.id}`);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('expires at the absolute timeout even when active', async () => {
    const u = await makeUser(ctx.t.database, ['auditor']);
    const s = await signIn(ctx.app, u.email);
    await ctx.t.database.db.execute(sql`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = ${u.id}`);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: s.cookie } });
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('ends every session of a suspended user at once (Art. 27 §2)', async () => {
    const admin = await makeUser(ctx.t.database, ['admin']);
    const adminSession = await signIn(ctx.app, admin.email);
    const target = await makeUser(ctx.t.database, ['auditor']);
    const s1 = await signIn(ctx.app, target.email);
    const s2 = await signIn(ctx.app, target.email);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/users/${target.id}/suspend`,
      headers: authHeaders(adminSession),
      payload: { reason: 'Uso indevido de imagens apurado em processo administrativo.' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('suspended');
    for (const s of [s1, s2]) {
      const r = await ctx.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: s.cookie } });
      expect(r.statusCode).toBe(401);
    }
    expect((await passwordStep(ctx.app, target.email)).json().error.code).toBe('ACCOUNT_SUSPENDED');
  });

  it('requires the session CSRF token on unsafe requests', async () => {
    const admin = await makeUser(ctx.t.database, ['admin']);
    const s = await signIn(ctx.app, admin.email);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'forjado' } });
    expect(res.statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: authHeaders(s) })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });
});
