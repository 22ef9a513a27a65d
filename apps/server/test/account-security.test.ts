import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { users } from '../src/db/tables/accounts.js';
import { confirmMailedAccount, count, postPublic, signUp, signUpBody } from './accreditation.fixtures.js';
import { solvedAltcha } from './helpers/altcha.js';
import { anonymous, makeUser, PASSWORD, passwordStep, testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { mailsTo, tokenMailedTo } from './helpers/mail.js';

/** Issue 12, item 6 — hostile sign-ups: per-address limit, proof of work, e-mail confirmation, no enumeration. */

let t: TestDatabase;
let app: App;
/** Two more "API processes" on the same database, each admitting 3 sign-ups per address. */
let limitedA: App;
let limitedB: App;
const LIMIT = 3;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, { LOGIN_MAX_FAILURES: '3' });
  limitedA = await testApp(t.database, t.dataDir, { SIGN_UP_MAX_PER_ADDRESS: String(LIMIT) });
  limitedB = await testApp(t.database, t.dataDir, { SIGN_UP_MAX_PER_ADDRESS: String(LIMIT) });
});
afterAll(async () => {
  await limitedB?.close();
  await limitedA?.close();
  await app?.close();
  await t?.drop();
});

const SIGN_UP = '/api/public/partners/sign-up';
const rows = async () => ({ partners: await count(t.database, 'partner'), users: await count(t.database, 'app_user') });

async function signUpFrom(target: App, ip: string, body: object) {
  const anon = await anonymous(target);
  return target.inject({
    method: 'POST',
    url: SIGN_UP,
    remoteAddress: ip,
    headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf },
    payload: { ...body, altcha: await solvedAltcha(target) },
  });
}

describe('sign-up is limited per address in the shared store', () => {
  it('25 sign-ups from one address through two API processes: only the first N create accounts, the rest get 429', async () => {
    const before = await rows();
    const statuses: number[] = [];
    let refusal: { code: string; message: string } | undefined;
    for (let i = 0; i < 25; i++) {
      const res = await signUpFrom(i % 2 === 0 ? limitedA : limitedB, '203.0.113.25', signUpBody('company'));
      statuses.push(res.statusCode);
      if (res.statusCode === 429) refusal ??= res.json().error;
    }
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(202));
    expect(statuses.slice(LIMIT)).toEqual(Array(25 - LIMIT).fill(429));
    expect(refusal?.code).toBe('RATE_LIMITED');
    expect(refusal?.message).toContain('Muitas solicitações a partir deste endereço');
    expect(await rows()).toEqual({ partners: before.partners + LIMIT, users: before.users + LIMIT });
    // Another address is not affected.
    expect((await signUpFrom(limitedA, '203.0.113.26', signUpBody('company'))).statusCode).toBe(202);
  });
});

describe('sign-up needs a fresh proof-of-work solution (ALTCHA)', () => {
  it('refuses a sign-up without a solution and writes nothing', async () => {
    const before = await rows();
    const res = await postPublic(app, SIGN_UP, signUpBody('company'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ALTCHA_INVALID');
    expect(res.json().error.message).toContain('verificação anti-robô');
    expect(await rows()).toEqual(before);
  });

  it('refuses a replayed solution and a forged one, writing nothing', async () => {
    const altcha = await solvedAltcha(app);
    expect((await postPublic(app, SIGN_UP, { ...signUpBody('company'), altcha })).statusCode).toBe(202);
    const before = await rows();
    const replay = await postPublic(app, SIGN_UP, { ...signUpBody('company'), altcha });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe('ALTCHA_INVALID');
    const forged = JSON.parse(Buffer.from(await solvedAltcha(app), 'base64').toString());
    forged.number += 1;
    const wrong = await postPublic(app, SIGN_UP, {
      ...signUpBody('company'),
      altcha: Buffer.from(JSON.stringify(forged)).toString('base64'),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('ALTCHA_INVALID');
    expect(await rows()).toEqual(before);
  });
});

describe('an account acts only after its e-mail is confirmed', () => {
  it('refuses sign-in before confirmation (no session), confirms once with the mailed link, then signs in', async () => {
    const body = signUpBody('cooperative');
    expect((await signUp(app, body)).statusCode).toBe(202);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, body.account.email));
    expect(user?.status).toBe('pending_email');

    const early = await passwordStep(app, body.account.email);
    expect(early.statusCode).toBe(403);
    expect(early.json().error).toMatchObject({ code: 'EMAIL_NOT_CONFIRMED', message: expect.stringContaining('Confirme o seu e-mail') });
    expect(early.headers['set-cookie'] ?? '').not.toContain('vm_session=');
    const sessions = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM user_session WHERE user_id = ${user!.id}`);
    expect((sessions as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);

    const bad = await postPublic(app, '/api/public/accounts/confirm-email', { token: 'x'.repeat(43) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('EMAIL_TOKEN_INVALID');

    const token = await tokenMailedTo(t.database, body.account.email, 'confirmar-email');
    expect((await postPublic(app, '/api/public/accounts/confirm-email', { token })).statusCode).toBe(200);
    const again = await postPublic(app, '/api/public/accounts/confirm-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('EMAIL_TOKEN_INVALID');
    expect((await passwordStep(app, body.account.email)).statusCode).toBe(200);
  });

  it('resends a confirmation link with the same answer for a pending and an unknown e-mail', async () => {
    const body = signUpBody('company');
    await signUp(app, body);
    const resend = async (email: string) =>
      postPublic(app, '/api/public/accounts/confirm-email/resend', { email, altcha: await solvedAltcha(app) });
    const pending = await resend(body.account.email);
    const unknown = await resend(`ninguem-${Date.now()}@teste.local`);
    expect([pending.statusCode, pending.json()]).toEqual([unknown.statusCode, unknown.json()]);
    expect(pending.statusCode).toBe(202);
    expect((await mailsTo(t.database, body.account.email)).length).toBe(2);
    await confirmMailedAccount(app, body.account.email);
  });
});

describe('no enumeration: existing and new identities get the same answer', () => {
  it('sign-up with an existing e-mail or CPF/CNPJ answers exactly like a new one, creates nothing and tells the owner by e-mail', async () => {
    const first = signUpBody('company');
    const fresh = await signUp(app, first);
    await confirmMailedAccount(app, first.account.email);
    const before = await rows();

    const sameEmail = await signUp(app, { ...signUpBody('company'), account: { ...first.account, name: 'Outra Pessoa' } });
    const sameDocument = await signUp(app, { ...signUpBody('company'), document: first.document });
    for (const res of [sameEmail, sameDocument]) {
      expect(res.statusCode).toBe(fresh.statusCode);
      expect(res.json()).toEqual(fresh.json());
      expect(res.headers['content-type']).toBe(fresh.headers['content-type']);
    }
    expect(await rows()).toEqual(before);
    const toOwner = (await mailsTo(t.database, first.account.email)).map((m) => m.subject);
    expect(toOwner).toContain('Vigia Mais MT — tentativa de cadastro com os seus dados');
    const toPartner = (await mailsTo(t.database, first.email)).map((m) => m.text);
    expect(toPartner.some((text) => text.includes('com o CPF/CNPJ do ente'))).toBe(true);
  });

  it('password reset answers the same for an unknown e-mail; the owner gets a single-use link', async () => {
    const u = await makeUser(t.database, ['partner_user']);
    const ask = async (email: string) => postPublic(app, '/api/public/accounts/password-reset', { email, altcha: await solvedAltcha(app) });
    const known = await ask(u.email);
    const unknown = await ask(`desconhecido-${Date.now()}@teste.local`);
    expect(known.statusCode).toBe(202);
    expect([known.statusCode, known.json()]).toEqual([unknown.statusCode, unknown.json()]);

    const token = await tokenMailedTo(t.database, u.email, 'redefinir-senha');
    const newPassword = 'uma-senha-nova-bem-longa';
    const done = await postPublic(app, '/api/public/accounts/password-reset/confirm', { token, password: newPassword });
    expect(done.statusCode).toBe(200);
    expect((await passwordStep(app, u.email, PASSWORD)).statusCode).toBe(401);
    expect((await passwordStep(app, u.email, newPassword)).statusCode).toBe(200);
    const reuse = await postPublic(app, '/api/public/accounts/password-reset/confirm', { token, password: 'outra-senha-bem-longa' });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe('EMAIL_TOKEN_INVALID');
  });

  it('lockout behaves the same for an unknown e-mail as for an existing account', async () => {
    const u = await makeUser(t.database, ['partner_user']);
    const attempts = async (email: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await passwordStep(app, email, 'senha-errada-de-proposito');
        seen.push(`${res.statusCode} ${res.json().error.code} ${res.json().error.message}`);
      }
      return seen;
    };
    const existing = await attempts(u.email);
    const unknown = await attempts(`fantasma-${Date.now()}@teste.local`);
    expect(unknown).toEqual(existing);
    expect(existing.slice(2).every((s) => s.startsWith('429 ACCOUNT_LOCKED'))).toBe(true);
  });
});
