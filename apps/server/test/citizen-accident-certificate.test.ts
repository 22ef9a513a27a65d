import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { type CitizenSessionCookies, GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { accidentDeclarations } from '../src/db/tables/accident-certificate.js';
import { mailOutbox } from '../src/db/tables/mail.js';
import { JPEG, multipart } from './accreditation.fixtures.js';
import { copyMatches, flippedCopy } from './document-copy.fixtures.js';
import { authHeaders, makeUser, type Session, signIn, testApp } from './helpers/app.js';
import { resetClock, setClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

const demo = (level: string) => govbrDemoAccounts.find((a) => a.level === level)!;
const bronze = demo('bronze');
const prata = demo('prata');
const ouro = demo('ouro');
/** A third citizen, named in no declaration: must see none of them. */
const stranger = {
  cpf: '93541134780',
  name: 'Diego Estranho Costa',
  email: 'diego@cidadao.local',
  password: 'senha-govbr-4',
  level: 'ouro' as const,
};

const NOW = '2026-03-10T13:00:00Z';
/** Cuiabá, Av. Historiador Rubens de Mendonça. */
const CUIABA = { latitude: -15.5786, longitude: -56.0797 };

let t: TestDatabase;
let app: App;
let provider: GovbrProvider;
let police: Session;
let declarant: CitizenSessionCookies;
let other: CitizenSessionCookies;
let outsider: CitizenSessionCookies;

beforeAll(async () => {
  setClock(NOW);
  provider = await startGovbrProvider({
    clients: [{ ...GOVBR_TEST_CLIENT, redirectUris: [GOVBR_TEST_CLIENT.redirectUri] }],
    accounts: [...govbrDemoAccounts, stranger],
  });
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, govbrEnv(provider.issuer));
  police = await signIn(app, (await makeUser(t.database, ['traffic_police'])).email);
  declarant = await signInWithGovbr(app, prata.cpf, prata.password);
  other = await signInWithGovbr(app, ouro.cpf, ouro.password);
  outsider = await signInWithGovbr(app, stranger.cpf, stranger.password);
});
afterAll(async () => {
  resetClock();
  await app?.close();
  await provider?.close();
  await t?.drop();
});

const asCitizen = (s: CitizenSessionCookies) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

async function uploadPhoto(s: CitizenSessionCookies, data = JPEG, name = 'batida.jpg') {
  const mp = multipart({ name, data, type: 'image/jpeg' });
  return app.inject({
    method: 'POST',
    url: '/api/citizen/accident-photos',
    headers: { ...mp.headers, ...asCitizen(s) },
    payload: mp.payload,
  });
}

const declaration = (over: Record<string, unknown> = {}) => ({
  occurredAt: '2026-03-09T18:30:00-04:00',
  ...CUIABA,
  placeDescription: 'Av. Historiador Rubens de Mendonça, em frente ao nº 1500',
  plate: 'qbc-1234',
  vehicle: 'Fiat Uno branco',
  otherParties: [{ name: ouro.name, cpf: '390.533.447-05', plate: 'RTA1B23', vehicle: 'VW Gol prata' }],
  narrative: 'Parado no semáforo, fui atingido na traseira pelo outro veículo, em baixa velocidade. Só danos materiais.',
  photoFileIds: [] as string[],
  noInjuries: true,
  ...over,
});

const declare = (s: CitizenSessionCookies, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/citizen/accident-certificates', headers: asCitizen(s), payload: body });
const decide = (id: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/accident-certificates/${id}/decision`, headers: authHeaders(police), payload });
const countDeclarations = async () => (await t.database.db.select({ id: accidentDeclarations.id }).from(accidentDeclarations)).length;

describe('traffic-accident certificate', () => {
  it('declaration → correction → validation → certificate, with history, audit-backed e-mails and public authentication', async () => {
    const photo = await uploadPhoto(declarant);
    expect(photo.statusCode, photo.body).toBe(200);
    expect(photo.json().mediaType).toBe('image/jpeg');

    const res = await declare(declarant, declaration({ photoFileIds: [photo.json().id] }));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.protocol).toMatch(/^CAT-2026-/);
    expect(d).toMatchObject({ status: 'submitted', version: 1, municipality: 'Cuiabá' });
    expect(new Date(d.deadlineAt).getTime() - new Date(NOW).getTime()).toBe(15 * 86_400_000);
    expect(d.parties.map((p: { plate: string }) => p.plate)).toEqual(['QBC1234', 'RTA1B23']);

    // The queue shows it to the traffic police, CPFs masked.
    const queue = (await app.inject({ method: 'GET', url: '/api/accident-certificates/queue', headers: authHeaders(police) })).json();
    const queued = queue.declarations.find((q: { id: string }) => q.id === d.id);
    expect(queued.parties.map((p: { cpf: string }) => p.cpf)).toEqual(['***.444.777-**', '***.533.447-**']);
    const seenPhoto = await app.inject({
      method: 'GET',
      url: `/api/accident-certificates/${d.id}/photos/${photo.json().id}`,
      headers: authHeaders(police),
    });
    expect(seenPhoto.rawPayload.equals(JPEG)).toBe(true);

    const corrections = await decide(d.id, {
      decision: 'corrections',
      reason: 'Informe o número do imóvel em frente ao local do acidente.',
    });
    expect(corrections.json()).toMatchObject({ status: 'corrections_requested', answer: expect.stringMatching(/número do imóvel/) });

    // A decision on a declaration no longer awaiting one is refused and changes nothing.
    expect((await decide(d.id, { decision: 'validate' })).statusCode).toBe(404);

    const resubmitted = await app.inject({
      method: 'PUT',
      url: `/api/citizen/accident-certificates/${d.id}`,
      headers: asCitizen(declarant),
      payload: declaration({ placeDescription: 'Av. Historiador Rubens de Mendonça, 1500, em frente à farmácia' }),
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', version: 2 });
    expect(resubmitted.json().history.map((h: { kind: string }) => h.kind)).toEqual(['submitted', 'corrections_requested', 'resubmitted']);

    const validated = await decide(d.id, { decision: 'validate' });
    expect(validated.statusCode, validated.body).toBe(200);
    const cert = validated.json();
    expect(cert).toMatchObject({ status: 'validated', code: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/) });

    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, prata.email));
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/correção solicitada/), expect.stringMatching(/emitida/)]),
    );

    const pdf = await app.inject({
      method: 'GET',
      url: `/api/citizen/accident-certificates/${d.id}/pdf`,
      headers: { cookie: declarant.cookie },
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const verified = await app.inject({ method: 'GET', url: `/api/public/accident-certificates/${cert.code}` });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(Object.keys(verified.json()).sort()).toEqual([
      'accidentDate',
      'code',
      'issuedAt',
      'municipality',
      'partiesCpfMasked',
      'protocol',
    ]);
    expect(verified.json()).toMatchObject({
      protocol: d.protocol,
      accidentDate: '2026-03-09',
      municipality: 'Cuiabá',
      partiesCpfMasked: ['***.444.777-**', '***.533.447-**'],
    });
    for (const leaked of [prata.cpf, ouro.cpf, prata.name, 'QBC1234', 'farmácia']) expect(verified.body).not.toContain(leaked);

    // The check appears in the parties' "who looked me up".
    const lookups = (await app.inject({ method: 'GET', url: '/api/citizen/lookups', headers: { cookie: other.cookie } })).json().lookups;
    expect(lookups).toContainEqual(expect.objectContaining({ purpose: 'conferir a autenticidade da certidão de acidente de trânsito' }));

    // A tampered code (one character changed) and a tampered PDF fail.
    const last = cert.code.at(-1) === 'A' ? 'B' : 'A';
    const tamperedCode = await app.inject({ method: 'GET', url: `/api/public/accident-certificates/${cert.code.slice(0, -1)}${last}` });
    expect(tamperedCode.json().error.code).toBe('ACCIDENT_CERTIFICATE_NOT_FOUND');
    expect(await copyMatches(app, cert.code, pdf.rawPayload)).toBe(true);
    expect(await copyMatches(app, cert.code, flippedCopy(pdf.rawPayload))).toBe(false);
  });

  it('another party named by CPF sees the declaration without the others’ personal data and confirms with their own sign-in', async () => {
    const d = (await declare(declarant, declaration())).json();
    // Named by CPF and already a portal user: told by e-mail, with the protocol only.
    const told = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, ouro.email));
    const notice = told.find((m) => m.subject.includes(d.protocol));
    expect(notice?.subject).toMatch(/confirme sua participação/);
    expect(notice?.text).not.toContain(prata.name);
    const list = (
      await app.inject({ method: 'GET', url: '/api/citizen/accident-participations', headers: { cookie: other.cookie } })
    ).json();
    const mine = list.participations.find((p: { id: string }) => p.id === d.id);
    expect(mine.me).toMatchObject({ name: ouro.name, cpf: ouro.cpf, plate: 'RTA1B23', confirmedAt: null });
    expect(mine.others).toEqual([{ plate: 'QBC1234', vehicle: 'Fiat Uno branco', declarant: true }]);
    expect(JSON.stringify(mine)).not.toContain(prata.cpf);
    expect(JSON.stringify(mine)).not.toContain(prata.name);

    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/citizen/accident-participations/${d.id}/confirm`,
      headers: asCitizen(other),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().me.confirmedAt).toBe(new Date(NOW).toISOString());
    const own = (
      await app.inject({ method: 'GET', url: `/api/citizen/accident-certificates/${d.id}`, headers: { cookie: declarant.cookie } })
    ).json();
    expect(own.parties[1].confirmedAt).not.toBeNull();
    expect(own.history.map((h: { kind: string }) => h.kind)).toEqual(['submitted', 'party_confirmed']);

    // Someone not named cannot confirm, nor see it.
    const notNamed = await app.inject({
      method: 'POST',
      url: `/api/citizen/accident-participations/${d.id}/confirm`,
      headers: asCitizen(outsider),
    });
    expect(notNamed.statusCode).toBe(404);
  });

  it('is rejected with reasons, the citizen is told by e-mail, and a rejected declaration cannot be resubmitted', async () => {
    const d = (await declare(declarant, declaration())).json();
    const rejected = await decide(d.id, { decision: 'reject', reason: 'O mesmo acidente já foi registrado por boletim de ocorrência.' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', code: null, answer: expect.stringMatching(/boletim/) });
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, prata.email));
    expect(mails.some((m) => m.subject.includes(d.protocol) && m.subject.includes('indeferida'))).toBe(true);
    const again = await app.inject({
      method: 'PUT',
      url: `/api/citizen/accident-certificates/${d.id}`,
      headers: asCitizen(declarant),
      payload: declaration(),
    });
    expect(again.json().error.code).toBe('INVALID_STATE');
  });

  it('an accident with injuries is refused and referred to the police; nothing is written', async () => {
    const before = await countDeclarations();
    const res = await declare(declarant, declaration({ noInjuries: false }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'ACCIDENT_WITH_INJURIES', message: expect.stringMatching(/190.*delegacia/) });
    expect(await countDeclarations()).toBe(before);
  });

  it('a place outside Mato Grosso is refused', async () => {
    const before = await countDeclarations();
    const res = await declare(declarant, declaration({ latitude: -23.5505, longitude: -46.6333 }));
    expect(res.json().error.code).toBe('ACCIDENT_OUTSIDE_MT');
    expect(await countDeclarations()).toBe(before);
  });

  it('a declaration after ACCIDENT_DECLARATION_MAX_DAYS (30) is refused; one in the future too', async () => {
    const late = await declare(declarant, declaration({ occurredAt: '2026-02-08T12:59:00Z' }));
    expect(late.json().error).toMatchObject({ code: 'ACCIDENT_DECLARATION_LATE', message: expect.stringMatching(/30 dias/) });
    const onTime = await declare(declarant, declaration({ occurredAt: '2026-02-08T13:00:00Z' }));
    expect(onTime.statusCode, onTime.body).toBe(200);
    const future = await declare(declarant, declaration({ occurredAt: '2026-03-10T13:05:00Z' }));
    expect(future.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'occurredAt' }] });
  });

  it('plates: old and Mercosul formats pass, anything else is refused; the declarant cannot name themselves', async () => {
    const bad = await declare(declarant, declaration({ plate: 'AB-12345' }));
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const self = await declare(declarant, declaration({ otherParties: [{ name: 'Eu mesmo', cpf: prata.cpf, plate: 'QBC1D23' }] }));
    expect(self.json().error.details[0].path).toBe('otherParties.0.cpf');
  });

  it('photos: checked by bytes at upload; another citizen’s photo cannot be attached', async () => {
    const exe = await uploadPhoto(declarant, Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64, 1)]), 'foto.jpg');
    expect(exe.json().error.code).toBe('FILE_IS_EXECUTABLE');
    const foreign = (await uploadPhoto(outsider)).json();
    const res = await declare(declarant, declaration({ photoFileIds: [foreign.id] }));
    expect(res.statusCode).toBe(404);
  });

  it('a single-vehicle accident (a post, a wall) needs no other party', async () => {
    // Another declarant: the first one files DECLARATIONS_PER_DAY (5) in this file already.
    const res = await declare(other, declaration({ otherParties: [] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().parties).toHaveLength(1);
  });

  it('a bronze account is refused with the level message', async () => {
    const s = await signInWithGovbr(app, bronze.cpf, bronze.password);
    const res = await declare(s, declaration());
    expect(res.json().error.code).toBe('CITIZEN_LEVEL_TOO_LOW');
  });

  it('IDOR: another citizen sees, corrects and downloads nothing of it; staff and citizen sessions stay apart', async () => {
    const d = (await declare(declarant, declaration())).json();
    await decide(d.id, { decision: 'corrections', reason: 'Envie fotos dos dois veículos, por favor.' });
    const show = await app.inject({
      method: 'GET',
      url: `/api/citizen/accident-certificates/${d.id}`,
      headers: { cookie: outsider.cookie },
    });
    expect(show.statusCode).toBe(404);
    const edit = await app.inject({
      method: 'PUT',
      url: `/api/citizen/accident-certificates/${d.id}`,
      headers: asCitizen(outsider),
      payload: declaration(),
    });
    expect(edit.statusCode).toBe(404);
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/citizen/accident-certificates/${d.id}/pdf`,
      headers: { cookie: outsider.cookie },
    });
    expect(pdf.statusCode).toBe(404);
    const mine = (
      await app.inject({ method: 'GET', url: '/api/citizen/accident-certificates', headers: { cookie: outsider.cookie } })
    ).json();
    expect(mine.declarations).toEqual([]);
    const theirs = (
      await app.inject({ method: 'GET', url: '/api/citizen/accident-participations', headers: { cookie: outsider.cookie } })
    ).json();
    expect(theirs.participations).toEqual([]);
    // A citizen session never opens the traffic police routes; a staff session never opens citizen routes.
    expect(
      (await app.inject({ method: 'GET', url: `/api/accident-certificates/${d.id}`, headers: { cookie: declarant.cookie } })).statusCode,
    ).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/citizen/accident-certificates', headers: authHeaders(police) })).statusCode).toBe(
      401,
    );
    const politec = await signIn(app, (await makeUser(t.database, ['politec_staff'])).email);
    expect((await app.inject({ method: 'GET', url: '/api/accident-certificates/queue', headers: authHeaders(politec) })).statusCode).toBe(
      403,
    );
  });

  it('at most DECLARATIONS_PER_DAY (5) declarations per citizen per day; the next is refused and writes nothing', async () => {
    const mine = async () =>
      (await app.inject({ method: 'GET', url: '/api/citizen/accident-certificates', headers: { cookie: declarant.cookie } })).json()
        .declarations.length;
    // All of this file's declarations were made on the same (pinned) day.
    for (let n = await mine(); n < 5; n++) expect((await declare(declarant, declaration())).statusCode).toBe(200);
    const before = await countDeclarations();
    const sixth = await declare(declarant, declaration());
    expect(sixth.json().error.code).toBe('RATE_LIMITED');
    expect(await countDeclarations()).toBe(before);
  });
});
