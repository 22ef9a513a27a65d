import { type GovbrProvider, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { type CitizenSessionCookies, GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { altchaSpent, auditEvents, citizenLookups, personKeyLookups } from '../src/db/schema.js';
import { api } from './accreditation.fixtures.js';
import { solvedAltcha } from './helpers/altcha.js';
import { anonymous, authHeaders, makeUser, type Session, signIn, testApp } from './helpers/app.js';
import { resetClock, setClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

/** A wanted person who uses the portal (so "who looked me up" can be read), and one who never signed in. */
const wanted = {
  cpf: '93541134780',
  name: 'Diego Procurado Costa',
  email: 'diego@cidadao.local',
  password: 'senha-govbr-4',
  level: 'prata' as const,
};
const mother = 'Maria Aparecida Costa';
const born = '1990-04-15';
const stranger = {
  cpf: '71428793860',
  name: 'Júlia Sem Mandado',
  email: 'julia@cidadao.local',
  password: 'senha-govbr-5',
  level: 'prata' as const,
};

let t: TestDatabase;
let app: App;
let provider: GovbrProvider;
let police: Session;
let visitor: Session;
let warrantId: string;

const LOOKUP = '/api/public/warrants/lookup';
const lookup = async (body: Record<string, unknown>, withPow = true) =>
  app.inject({
    method: 'POST',
    url: LOOKUP,
    headers: authHeaders(visitor),
    payload: withPow ? { ...body, altcha: await solvedAltcha(app) } : body,
  });
const asCitizen = (s: CitizenSessionCookies) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const myLookups = async (s: CitizenSessionCookies) =>
  (await app.inject({ method: 'GET', url: '/api/citizen/lookups', headers: { cookie: s.cookie } })).json().lookups as { by: string }[];
const myLookupsByName = async (s: CitizenSessionCookies, body: { motherName: string; birthDate: string }) =>
  (await app.inject({ method: 'POST', url: '/api/citizen/lookups/by-name', headers: asCitizen(s), payload: body })).json().lookups as {
    by: string;
  }[];
const loggedRows = async () => ({
  byCpf: (await t.database.db.select({ n: count() }).from(citizenLookups))[0]!.n,
  byKey: (await t.database.db.select({ n: count() }).from(personKeyLookups))[0]!.n,
  spent: (await t.database.db.select({ n: count() }).from(altchaSpent))[0]!.n,
});

const warrant = (over: Record<string, unknown> = {}) => ({
  number: '0001234-56.2026.8.11.0041.01.0001-01',
  court: '1ª Vara Criminal de Cuiabá',
  issuedOn: '2026-01-20',
  validUntil: '2046-01-20',
  personName: wanted.name,
  motherName: mother,
  birthDate: born,
  cpf: wanted.cpf,
  ...over,
});

beforeAll(async () => {
  setClock('2026-03-10T13:00:00Z');
  provider = await startGovbrProvider({
    clients: [{ ...GOVBR_TEST_CLIENT, redirectUris: [GOVBR_TEST_CLIENT.redirectUri] }],
    accounts: [wanted, stranger],
  });
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, { ...govbrEnv(provider.issuer), LOOKUPS_PER_MINUTE: '1000' });
  police = await signIn(app, (await makeUser(t.database, ['civil_police'])).email);
  visitor = await anonymous(app);
});
afterAll(async () => {
  await resetClock();
  await app?.close();
  await provider?.close();
  await t?.drop();
});

describe('Back office: civil police keep the warrants, audited', () => {
  it('registers a pending warrant; only civil_police may; the number is unique', async () => {
    const res = await api(app, police).post('/api/warrants', warrant());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending', cpf: '***.411.347-**' });
    warrantId = res.json().id;
    expect((await api(app, police).post('/api/warrants', warrant())).json().error.code).toBe('WARRANT_NUMBER_TAKEN');
    const other = await signIn(app, (await makeUser(t.database, ['politec_staff'])).email);
    expect((await api(app, other).post('/api/warrants', warrant({ number: '9999999-99.2026.8.11.0041.01.0001-01' }))).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/warrants' })).statusCode).toBe(401);
    const audit = await t.database.db.select().from(auditEvents).where(like(auditEvents.action, 'warrant.%'));
    expect(audit.map((a) => a.action)).toEqual(['warrant.registered']);
    expect(JSON.stringify(audit[0]!.data)).not.toContain(wanted.cpf);
  });
});

describe('Public lookup: two identifiers, minimal disclosure', () => {
  it('needs two identifiers: a CPF, a name or a birth date alone is refused with a stable code and nothing is written', async () => {
    const before = await loggedRows();
    for (const body of [
      { cpf: wanted.cpf },
      { name: wanted.name },
      { name: wanted.name, birthDate: born },
      { name: wanted.name, motherName: mother },
      { birthDate: born },
      {},
    ]) {
      const res = await lookup(body, false);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('WARRANT_IDENTIFIERS_REQUIRED');
    }
    expect(await loggedRows()).toEqual(before);
  });

  it('CPF + birth date: answers only number, court and date of the pending warrant', async () => {
    const res = await lookup({ cpf: '935.411.347-80', birthDate: born });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      pending: true,
      warrants: [{ number: warrant().number, court: warrant().court, issuedOn: '2026-01-20' }],
      checkedAt: expect.any(String),
    });
    expect(res.body).not.toContain(wanted.name);
    expect(res.body).not.toContain(mother);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it("full name + mother's name + birth date, matched whole whatever the case, accents and spaces; never a partial name", async () => {
    const hit = await lookup({ name: '  diego   PROCURADO costa ', motherName: 'MARIA APARECIDA COSTA', birthDate: born });
    expect(hit.json().pending).toBe(true);
    const accents = await lookup({ name: 'Diégo Procurado Costa', motherName: 'Maria Aparecída Costa', birthDate: born });
    expect(accents.json().pending).toBe(true);
    for (const body of [
      { name: 'Diego Procurado', motherName: mother, birthDate: born },
      { name: wanted.name, motherName: 'Maria Costa', birthDate: born },
      { name: wanted.name, motherName: mother, birthDate: '1990-04-16' },
      { cpf: wanted.cpf, birthDate: '1990-04-16' },
    ]) {
      const res = await lookup(body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ pending: false, warrants: [] });
    }
  });

  it('hostile input gets stable codes and writes nothing', async () => {
    const before = await loggedRows();
    const cases: [Record<string, unknown>, string][] = [
      [{ cpf: '111.111.111-11', birthDate: born }, 'WARRANT_CPF_INVALID'],
      [{ cpf: '935.411.347-81', birthDate: born }, 'WARRANT_CPF_INVALID'],
      [{ cpf: "1' OR '1'='1", birthDate: born }, 'WARRANT_CPF_INVALID'],
      [{ cpf: wanted.cpf, birthDate: '1990-02-31' }, 'WARRANT_BIRTH_DATE_INVALID'],
      [{ cpf: wanted.cpf, birthDate: '15/04/1990' }, 'WARRANT_BIRTH_DATE_INVALID'],
      [{ name: 'Diego%', motherName: mother, birthDate: born }, 'WARRANT_NAME_INVALID'],
      [{ name: 'Diego Procurado*', motherName: mother, birthDate: born }, 'WARRANT_NAME_INVALID'],
      [{ name: wanted.name, motherName: '<script>x</script> y', birthDate: born }, 'WARRANT_NAME_INVALID'],
      [{ cpf: wanted.cpf, birthDate: born, extra: 'x' }, 'VALIDATION_FAILED'],
      [{ cpf: 93541134780, birthDate: born }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await lookup(body, false);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code, JSON.stringify(body)).toBe(code);
    }
    expect(await loggedRows()).toEqual(before);
  });

  it('the proof of work is required and single-use', async () => {
    const none = await lookup({ cpf: wanted.cpf, birthDate: born }, false);
    expect(none.json().error.code).toBe('ALTCHA_INVALID');
    const altcha = await solvedAltcha(app);
    const once = await app.inject({
      method: 'POST',
      url: LOOKUP,
      headers: authHeaders(visitor),
      payload: { cpf: wanted.cpf, birthDate: born, altcha },
    });
    expect(once.statusCode).toBe(200);
    const again = await app.inject({
      method: 'POST',
      url: LOOKUP,
      headers: authHeaders(visitor),
      payload: { cpf: wanted.cpf, birthDate: born, altcha },
    });
    expect(again.json().error.code).toBe('ALTCHA_INVALID');
  });
});

describe('Only pending, valid warrants; served or revoked ones disappear at once', () => {
  it('a served warrant stops appearing at once; back to pending it reappears; status change audited with reason', async () => {
    const served = await api(app, police).post(`/api/warrants/${warrantId}/status`, { status: 'served', reason: 'Cumprido em 09/03/2026' });
    expect(served.statusCode, served.body).toBe(200);
    expect((await lookup({ cpf: wanted.cpf, birthDate: born })).json()).toMatchObject({ pending: false, warrants: [] });
    await api(app, police).post(`/api/warrants/${warrantId}/status`, {
      status: 'pending',
      reason: 'Registro de cumprimento lançado por engano',
    });
    expect((await lookup({ cpf: wanted.cpf, birthDate: born })).json().pending).toBe(true);
    await api(app, police).post(`/api/warrants/${warrantId}/status`, { status: 'revoked', reason: 'Revogado pelo juízo' });
    expect((await lookup({ cpf: wanted.cpf, birthDate: born })).json().pending).toBe(false);
    const audit = await t.database.db.select().from(auditEvents).where(like(auditEvents.action, 'warrant.status_changed'));
    expect(audit.map((a) => a.reason)).toEqual([
      'Cumprido em 09/03/2026',
      'Registro de cumprimento lançado por engano',
      'Revogado pelo juízo',
    ]);
    expect(audit[0]!.data).toMatchObject({ before: { status: 'pending' }, after: { status: 'served' } });
  });

  it('a pending warrant past its validity date is not answered (expired by date)', async () => {
    const res = await api(app, police).post(
      '/api/warrants',
      warrant({ number: '0005555-11.2020.8.11.0041.01.0001-01', issuedOn: '2020-01-10', validUntil: '2026-03-09' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await lookup({ cpf: wanted.cpf, birthDate: born })).json().pending).toBe(false);
    await api(app, police).post(`/api/warrants/${res.json().id}/status`, {
      status: 'pending',
      validUntil: '2026-03-10',
      reason: 'Validade corrigida',
    });
    expect((await lookup({ cpf: wanted.cpf, birthDate: born })).json().pending).toBe(true);
  });
});

describe('Every query is logged and shown to the person looked up', () => {
  it('queries by CPF, and by name that matched a warrant with CPF, show in the wanted person\'s "who looked me up"', async () => {
    const before = (await t.database.db.select({ n: count() }).from(citizenLookups))[0]!.n;
    await lookup({ cpf: wanted.cpf, birthDate: born });
    await lookup({ name: wanted.name, motherName: mother, birthDate: born });
    expect((await t.database.db.select({ n: count() }).from(citizenLookups))[0]!.n).toBe(before + 2);
    const s = await signInWithGovbr(app, wanted.cpf, wanted.password);
    const mine = await myLookups(s);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine[0]!.by).toMatch(/mandado de prisão/);
  });

  it("a query by CPF with no warrant is still shown to that CPF's owner", async () => {
    await lookup({ cpf: stranger.cpf, birthDate: '1985-01-01' });
    const s = await signInWithGovbr(app, stranger.cpf, stranger.password);
    expect(await myLookups(s)).toEqual([expect.objectContaining({ by: expect.stringMatching(/mandado de prisão/) })]);
  });

  it("a query by name without a CPF is kept by person key (no name in clear) and shown once the citizen gives mother's name and birth date", async () => {
    const before = (await t.database.db.select({ n: count() }).from(personKeyLookups))[0]!.n;
    await lookup({ name: 'JULIA SEM MANDADO', motherName: 'Rosa Sem Mandado', birthDate: '1985-01-01' });
    const rows = await t.database.db.select().from(personKeyLookups);
    expect(rows).toHaveLength(before + 1);
    expect(JSON.stringify(rows)).not.toMatch(/julia|rosa/i);
    const s = await signInWithGovbr(app, stranger.cpf, stranger.password);
    expect(await myLookupsByName(s, { motherName: 'rosa sem mandado', birthDate: '1985-01-01' })).toHaveLength(1);
    expect(await myLookupsByName(s, { motherName: 'Rosa Sem Mandado', birthDate: '1985-01-02' })).toHaveLength(0);
    // The name is always the signed-in citizen's own (gov.br): another citizen cannot read these.
    const w = await signInWithGovbr(app, wanted.cpf, wanted.password);
    expect(await myLookupsByName(w, { motherName: 'Rosa Sem Mandado', birthDate: '1985-01-01' })).toHaveLength(0);
  });
});

describe('Rate limit: 429 with a pt-BR message, writing nothing', () => {
  it('past the per-address limit (shared by warrant and vehicle lookups) the answer is 429 and nothing is written', async () => {
    const limited = await testApp(t.database, t.dataDir, { LOOKUPS_PER_MINUTE: '2' });
    try {
      const v = await anonymous(limited);
      // An address of its own: the counter is shared by every process, and this file's other queries came from 127.0.0.1.
      const remoteAddress = '203.0.113.77';
      const ask = async (url: string, body: Record<string, unknown>) =>
        limited.inject({
          method: 'POST',
          url,
          remoteAddress,
          headers: authHeaders(v),
          payload: { ...body, altcha: await solvedAltcha(limited) },
        });
      expect((await ask(LOOKUP, { cpf: wanted.cpf, birthDate: born })).statusCode).toBe(200);
      expect((await ask('/api/public/vehicles/status', { plate: 'ABC1D23' })).statusCode).toBe(200);
      const before = await loggedRows();
      const refused = await ask(LOOKUP, { cpf: wanted.cpf, birthDate: born });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'LOOKUP_RATE_LIMITED', message: expect.stringMatching(/Muitas consultas/) });
      const refusedVehicle = await ask('/api/public/vehicles/status', { plate: 'ABC1D23' });
      expect(refusedVehicle.statusCode).toBe(429);
      expect(await loggedRows()).toEqual(before);
    } finally {
      await limited.close();
    }
  });
});
