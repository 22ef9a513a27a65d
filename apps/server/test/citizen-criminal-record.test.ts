import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { type CitizenSessionCookies, GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { multipart } from './accreditation.fixtures.js';
import { anonymous, authHeaders, makeUser, type Session, signIn, testApp } from './helpers/app.js';
import { resetClock, setClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

const [bronze, prata, ouro] = govbrDemoAccounts as [
  (typeof govbrDemoAccounts)[0],
  (typeof govbrDemoAccounts)[0],
  (typeof govbrDemoAccounts)[0],
];
/** A person with a record (inquiry, served sentence, final conviction) and one whose name another person shares. */
const withRecord = {
  cpf: '93541134780',
  name: 'Diego Registro Costa',
  email: 'diego@cidadao.local',
  password: 'senha-govbr-4',
  level: 'ouro' as const,
};
const homonym = {
  cpf: '71428793860',
  name: 'João Homônimo Pereira',
  email: 'joao@cidadao.local',
  password: 'senha-govbr-5',
  level: 'prata' as const,
};

let t: TestDatabase;
let app: App;
let provider: GovbrProvider;
let staff: Session;

beforeAll(async () => {
  setClock('2026-03-10T13:00:00Z');
  provider = await startGovbrProvider({
    clients: [{ ...GOVBR_TEST_CLIENT, redirectUris: [GOVBR_TEST_CLIENT.redirectUri] }],
    accounts: [...govbrDemoAccounts, withRecord, homonym],
  });
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, govbrEnv(provider.issuer));
  staff = await signIn(app, (await makeUser(t.database, ['politec_staff'])).email);
});
afterAll(async () => {
  resetClock();
  await app?.close();
  await provider?.close();
  await t?.drop();
});

const asCitizen = (s: CitizenSessionCookies) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const request = (s: CitizenSessionCookies, purpose = 'emprego') =>
  app.inject({ method: 'POST', url: '/api/citizen/criminal-certificates', headers: asCitizen(s), payload: { purpose } });
const addRecord = async (record: Record<string, unknown>) => {
  const res = await app.inject({ method: 'POST', url: '/api/criminal-records', headers: authHeaders(staff), payload: record });
  expect(res.statusCode, res.body).toBe(200);
};

describe('gov.br sign-in through the local provider (OIDC code + PKCE S256)', () => {
  it.each([
    [bronze, 'bronze'],
    [prata, 'prata'],
    [ouro, 'ouro'],
  ] as const)('signs in %s with CPF as subject and reads the level %s', async (account, level) => {
    const s = await signInWithGovbr(app, account.cpf, account.password);
    const session = (await app.inject({ method: 'GET', url: '/api/citizen/session', headers: { cookie: s.cookie } })).json();
    expect(session.citizen).toEqual({ name: account.name, cpf: account.cpf, email: account.email, level });
    expect(session.signInAvailable).toBe(true);
  });

  it('refuses a wrong password at the provider (no code comes back)', async () => {
    await expect(signInWithGovbr(app, prata.cpf, 'senha-errada')).rejects.toThrow(/gov.br stopped/);
  });

  it('sends the PKCE challenge with S256 and refuses a replayed state', async () => {
    const start = await app.inject({ method: 'GET', url: '/api/citizen/auth/login' });
    const url = new URL(String(start.headers.location));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toBe('openid email profile govbr_confiabilidades');
    const forged = await app.inject({ method: 'GET', url: `/api/citizen/auth/callback?code=x&state=${url.searchParams.get('state')}x` });
    expect(forged.json().error.code).toBe('GOVBR_SIGN_IN_FAILED');
  });

  it('keeps the citizen session apart from the staff session', async () => {
    const staffOnCitizen = await app.inject({ method: 'GET', url: '/api/citizen/criminal-certificates', headers: authHeaders(staff) });
    expect(staffOnCitizen.statusCode).toBe(401);
    const s = await signInWithGovbr(app, prata.cpf, prata.password);
    const citizenOnStaff = await app.inject({ method: 'GET', url: '/api/criminal-certificates/queue', headers: { cookie: s.cookie } });
    expect(citizenOnStaff.statusCode).toBe(401);
  });

  it('without gov.br configuration, says why sign-in is unavailable', async () => {
    const plain = await testApp(t.database, t.dataDir);
    const session = (await plain.inject({ method: 'GET', url: '/api/citizen/session' })).json();
    expect(session.signInAvailable).toBe(false);
    expect(session.unavailableReason).toMatch(/não está configurado/);
    const login = await plain.inject({ method: 'GET', url: '/api/citizen/auth/login' });
    expect(login.json().error.code).toBe('CITIZEN_SIGN_IN_UNAVAILABLE');
    await plain.close();
  });
});

describe('criminal-record certificate', () => {
  it('a bronze account is refused the certificate with a clear message', async () => {
    const s = await signInWithGovbr(app, bronze.cpf, bronze.password);
    const res = await request(s);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'CITIZEN_LEVEL_TOO_LOW', message: expect.stringMatching(/prata ou ouro/) });
  });

  it('is issued at once when there is no record and no homonym; public verification shows only the minimum', async () => {
    const s = await signInWithGovbr(app, prata.cpf, prata.password);
    const res = await request(s);
    expect(res.statusCode, res.body).toBe(200);
    const cert = res.json();
    expect(cert).toMatchObject({ status: 'issued', result: 'nada_consta', deadlineAt: null });
    expect(new Date(cert.validUntil).getTime() - new Date(cert.issuedAt).getTime()).toBe(90 * 86_400_000);

    const verified = await app.inject({ method: 'GET', url: `/api/public/criminal-certificates/${cert.code}` });
    expect(Object.keys(verified.json()).sort()).toEqual([
      'code',
      'cpfMasked',
      'issuedAt',
      'name',
      'result',
      'resultText',
      'valid',
      'validUntil',
    ]);
    expect(verified.json()).toMatchObject({ name: prata.name, cpfMasked: '***.444.777-**', valid: true, result: 'nada_consta' });
    expect(verified.body).not.toContain(prata.cpf);
  });

  it('public verification (by code) is logged for the citizen; the issued PDF passes, a tampered copy fails', async () => {
    const s = await signInWithGovbr(app, ouro.cpf, ouro.password);
    const cert = (await request(s)).json();
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/citizen/criminal-certificates/${cert.id}/pdf`,
      headers: { cookie: s.cookie },
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const anon = await anonymous(app);
    const check = async (data: Buffer) => {
      const mp = multipart({ name: 'certidao.pdf', data }, { code: cert.code });
      const r = await app.inject({
        method: 'POST',
        url: '/api/public/documents/verify',
        headers: { ...mp.headers, cookie: anon.cookie, 'x-csrf-token': anon.csrf },
        payload: mp.payload,
      });
      return r.json().matches;
    };
    expect(await check(pdf.rawPayload)).toBe(true);
    const tampered = Buffer.from(pdf.rawPayload);
    tampered[Math.floor(tampered.length / 2)] = tampered[Math.floor(tampered.length / 2)]! ^ 0x01;
    expect(await check(tampered)).toBe(false);
    // Someone else's certificate PDF is not found for another citizen.
    const other = await signInWithGovbr(app, prata.cpf, prata.password);
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/citizen/criminal-certificates/${cert.id}/pdf`,
      headers: { cookie: other.cookie },
    });
    expect(foreign.statusCode).toBe(404);
    const foreignLink = await app.inject({
      method: 'POST',
      url: `/api/citizen/criminal-certificates/${cert.id}/consent-links`,
      headers: asCitizen(other),
      payload: { grantee: 'Empresa alheia', days: 5 },
    });
    expect(foreignLink.statusCode).toBe(404);
  });

  it('Lei 9.051/1995 — a homonym sends the request to analysis with a 15-day deadline; the analyst issues it', async () => {
    await addRecord({
      cpf: null,
      name: 'JOAO HOMONIMO PEREIRA',
      kind: 'conviction',
      status: 'final',
      description: 'Condenação por furto (art. 155 CP)',
      court: '1ª Vara Criminal de Sinop',
    });
    const s = await signInWithGovbr(app, homonym.cpf, homonym.password);
    const queued = (await request(s)).json();
    expect(queued).toMatchObject({ status: 'in_analysis', code: null });
    expect(new Date(queued.deadlineAt).getTime() - new Date(queued.requestedAt).getTime()).toBe(15 * 86_400_000);

    const queue = (await app.inject({ method: 'GET', url: '/api/criminal-certificates/queue', headers: authHeaders(staff) })).json();
    expect(queue.requests.find((r: { id: string }) => r.id === queued.id)).toMatchObject({
      analysisReason: 'homonym',
      cpfMasked: '***.287.938-**',
    });

    const issued = await app.inject({
      method: 'POST',
      url: `/api/criminal-certificates/${queued.id}/decision`,
      headers: authHeaders(staff),
      payload: { decision: 'issue' },
    });
    expect(issued.json()).toMatchObject({ status: 'issued', result: 'nada_consta' });
    const mine = (await app.inject({ method: 'GET', url: '/api/citizen/criminal-certificates', headers: { cookie: s.cookie } })).json();
    expect(mine.certificates[0]).toMatchObject({ id: queued.id, status: 'issued' });
  });

  it('CPP art. 20, sole § — the content never includes an inquiry; LEP art. 202 — served or extinguished sentences are not shown', async () => {
    const base = { cpf: withRecord.cpf, name: withRecord.name, court: 'Vara Criminal de Cuiabá' };
    await addRecord({ ...base, kind: 'inquiry', status: 'open', description: 'Inquérito policial 123/2025 (estelionato)' });
    await addRecord({ ...base, kind: 'conviction', status: 'served', description: 'Pena cumprida: lesão corporal' });
    await addRecord({ ...base, kind: 'conviction', status: 'extinguished', description: 'Punibilidade extinta: ameaça' });
    await addRecord({ ...base, kind: 'conviction', status: 'final', description: 'Condenação em vigor: receptação' });
    const s = await signInWithGovbr(app, withRecord.cpf, withRecord.password);
    const queued = (await request(s)).json();
    expect(queued.status).toBe('in_analysis');
    const decided = await app.inject({
      method: 'POST',
      url: `/api/criminal-certificates/${queued.id}/decision`,
      headers: authHeaders(staff),
      payload: { decision: 'issue' },
    });
    expect(decided.json().result, decided.body).toBe('consta');
    const rows = await t.database.db.query.criminalRecordCertificates.findFirst({ where: (c, { eq }) => eq(c.id, queued.id) });
    expect(rows?.content).toEqual(['Condenação em vigor: receptação — Vara Criminal de Cuiabá']);
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/citizen/criminal-certificates/${queued.id}/pdf`,
      headers: { cookie: s.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    // The PDF is rendered from exactly these lines (certificate-content.ts); its streams are compressed.
    const text = JSON.stringify(rows);
    for (const hidden of ['Inquérito', 'estelionato', 'Pena cumprida', 'extinta']) expect(text).not.toContain(hidden);
  });

  it('an analyst may answer with reasons instead of issuing', async () => {
    const s = await signInWithGovbr(app, withRecord.cpf, withRecord.password);
    const queued = (await request(s, 'concurso público')).json();
    const answered = await app.inject({
      method: 'POST',
      url: `/api/criminal-certificates/${queued.id}/decision`,
      headers: authHeaders(staff),
      payload: { decision: 'answer', reason: 'Compareça à Politec com documento de identidade para conferência biométrica.' },
    });
    expect(answered.json()).toMatchObject({ status: 'answered', answer: expect.stringMatching(/Politec/), code: null });
  });

  it('consent link answers until it expires, and each use is in "who looked me up"', async () => {
    const s = await signInWithGovbr(app, prata.cpf, prata.password);
    const cert = (await request(s)).json();
    const link = await app.inject({
      method: 'POST',
      url: `/api/citizen/criminal-certificates/${cert.id}/consent-links`,
      headers: asCitizen(s),
      payload: { grantee: 'Transportadora Exemplo Ltda', days: 7 },
    });
    expect(link.statusCode, link.body).toBe(200);
    const { token } = link.json();
    const answer = await app.inject({ method: 'GET', url: `/api/public/consent/${token}` });
    expect(answer.json()).toMatchObject({ name: prata.name, cpfMasked: '***.444.777-**', certificateValid: true, noRecordAsOfNow: true });

    const lookups = (await app.inject({ method: 'GET', url: '/api/citizen/lookups', headers: { cookie: s.cookie } })).json().lookups;
    expect(lookups).toContainEqual(
      expect.objectContaining({ by: 'Transportadora Exemplo Ltda', purpose: 'consulta autorizada por link de consentimento' }),
    );

    setClock('2026-03-17T13:00:01Z');
    try {
      const expired = await app.inject({ method: 'GET', url: `/api/public/consent/${token}` });
      expect(expired.json().error.code).toBe('CERTIFICATE_CONSENT_LINK_INVALID');
    } finally {
      setClock('2026-03-10T13:00:00Z');
    }
    const tooLong = await app.inject({
      method: 'POST',
      url: `/api/citizen/criminal-certificates/${cert.id}/consent-links`,
      headers: asCitizen(s),
      payload: { grantee: 'Outra empresa', days: 31 },
    });
    expect(tooLong.statusCode).toBe(400);
  });
});
