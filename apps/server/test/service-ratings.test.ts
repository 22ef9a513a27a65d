import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { type CitizenSessionCookies, GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { serviceRatings } from '../src/db/tables/service-ratings.js';
import { authHeaders, makeUser, type Session, signIn, testApp } from './helpers/app.js';
import { resetClock, setClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

const demo = (level: string) => govbrDemoAccounts.find((a) => a.level === level)!;
const prata = demo('prata');
const ouro = demo('ouro');

const NOW = '2026-03-10T13:00:00Z';
const PERFORMANCE = '/api/public/service-performance.json';

let t: TestDatabase;
let app: App;
let provider: GovbrProvider;
let ombudsman: Session;
let alice: CitizenSessionCookies;
let bob: CitizenSessionCookies;

beforeAll(async () => {
  setClock(NOW);
  provider = await startGovbrProvider({
    clients: [{ ...GOVBR_TEST_CLIENT, redirectUris: [GOVBR_TEST_CLIENT.redirectUri] }],
    accounts: govbrDemoAccounts,
  });
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, govbrEnv(provider.issuer));
  ombudsman = await signIn(app, (await makeUser(t.database, ['ombudsman_staff'])).email);
  alice = await signInWithGovbr(app, prata.cpf, prata.password);
  bob = await signInWithGovbr(app, ouro.cpf, ouro.password);
});
afterAll(async () => {
  resetClock();
  await app?.close();
  await provider?.close();
  await t?.drop();
});

const asCitizen = (s: CitizenSessionCookies) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const rate = (s: CitizenSessionCookies, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/citizen/service-ratings', headers: asCitizen(s), payload });
const pending = async (s: CitizenSessionCookies) =>
  (await app.inject({ method: 'GET', url: '/api/citizen/service-ratings/pending', headers: { cookie: s.cookie } })).json().pending as {
    service: string;
    requestId: string;
    protocol: string;
  }[];
async function answeredManifestation(s: CitizenSessionCookies): Promise<{ id: string; protocol: string }> {
  const filed = await app.inject({
    method: 'POST',
    url: '/api/citizen/ombudsman/manifestations',
    headers: asCitizen(s),
    payload: {
      kind: 'praise',
      identity: 'identified',
      subject: 'Atendimento exemplar',
      description: 'Fui muito bem atendido no posto de identificação de Várzea Grande.',
    },
  });
  expect(filed.statusCode, filed.body).toBe(200);
  const { id, protocol } = filed.json();
  const answered = await app.inject({
    method: 'POST',
    url: `/api/ombudsman/manifestations/${id}/answer`,
    headers: authHeaders(ombudsman),
    payload: { text: 'Agradecemos o elogio, que foi encaminhado à equipe do posto.' },
  });
  expect(answered.statusCode, answered.body).toBe(200);
  return { id, protocol };
}
const performanceOf = async (service: string) =>
  (await app.inject({ method: 'GET', url: PERFORMANCE })).json().services.find((s: { service: string }) => s.service === service);

describe('service ratings (gov.br model)', () => {
  it('one rating per use, only of a finished request of the citizen who used it', async () => {
    const m = await answeredManifestation(alice);
    expect(await pending(alice)).toEqual(
      expect.arrayContaining([expect.objectContaining({ service: 'ombudsman', requestId: m.id, protocol: m.protocol })]),
    );

    // Bob cannot rate Alice's request: the same answer as an unknown one.
    const foreign = await rate(bob, { service: 'ombudsman', requestId: m.id, score: 1 });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('SERVICE_USE_NOT_FOUND');
    // The wrong service for that id is not a use either.
    expect((await rate(alice, { service: 'accident_certificate', requestId: m.id, score: 4 })).statusCode).toBe(404);
    expect((await rate(alice, { service: 'ombudsman', requestId: m.id, score: 6 })).statusCode).toBe(400);

    const ok = await rate(alice, { service: 'ombudsman', requestId: m.id, score: 5, comment: 'Resposta rápida e clara.' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ service: 'ombudsman', score: 5, comment: 'Resposta rápida e clara.' });
    const again = await rate(alice, { service: 'ombudsman', requestId: m.id, score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'SERVICE_ALREADY_RATED', message: expect.stringMatching(/já avaliou/) });
    expect((await t.database.db.select().from(serviceRatings)).filter((r) => r.requestId === m.id)).toHaveLength(1);
    expect((await pending(alice)).map((p) => p.requestId)).not.toContain(m.id);
  });

  it('an open request cannot be rated yet', async () => {
    const filed = await app.inject({
      method: 'POST',
      url: '/api/citizen/ombudsman/manifestations',
      headers: asCitizen(bob),
      payload: { kind: 'suggestion', identity: 'identified', subject: 'Mais postos', description: 'Sugiro abrir um posto no bairro CPA.' },
    });
    const res = await rate(bob, { service: 'ombudsman', requestId: filed.json().id, score: 3 });
    expect(res.json().error.code).toBe('SERVICE_USE_NOT_FOUND');
  });

  it('a criminal-record certificate issued at once is rated the same way (one registry entry per service)', async () => {
    const cert = await app.inject({
      method: 'POST',
      url: '/api/citizen/criminal-certificates',
      headers: asCitizen(alice),
      payload: { purpose: 'emprego' },
    });
    expect(cert.statusCode, cert.body).toBe(200);
    const { id } = cert.json();
    expect((await pending(alice)).map((p) => p.requestId)).toContain(id);
    expect((await rate(alice, { service: 'criminal_record_certificate', requestId: id, score: 4 })).statusCode).toBe(200);
    expect((await rate(bob, { service: 'criminal_record_certificate', requestId: id, score: 1 })).statusCode).toBe(404);
  });

  it('the public page aggregates per service the volume, the ratings and the share answered within the legal deadline', async () => {
    const m2 = await answeredManifestation(bob);
    expect((await rate(bob, { service: 'ombudsman', requestId: m2.id, score: 2 })).statusCode).toBe(200);

    const res = await app.inject({ method: 'GET', url: PERFORMANCE });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.licence).toMatch(/CC BY 4.0/);
    expect(report.services.map((s: { service: string }) => s.service)).toEqual([
      'criminal_record_certificate',
      'identity_card',
      'security_fee',
      'accident_certificate',
      'ombudsman',
      'police_report',
    ]);
    // Ombudsman: 3 filed (2 answered the same day, 1 open with 30 days left), ratings 5 and 2.
    expect(await performanceOf('ombudsman')).toMatchObject({
      requests: 3,
      finished: 2,
      withinDeadlineShare: 1,
      ratings: 2,
      averageScore: 3.5,
      distribution: [0, 1, 0, 0, 1],
      legalDeadline: expect.stringMatching(/13.460/),
    });
    expect(await performanceOf('criminal_record_certificate')).toMatchObject({
      requests: 1,
      finished: 1,
      withinDeadlineShare: 1,
      ratings: 1,
      averageScore: 4,
    });
    expect(await performanceOf('identity_card')).toMatchObject({ requests: 0, withinDeadlineShare: null, ratings: 0, averageScore: null });

    // 40 days on, the open manifestation is past its 30-day deadline: it counts against the share.
    setClock('2026-04-19T13:00:00Z');
    expect((await performanceOf('ombudsman')).withinDeadlineShare).toBeCloseTo(2 / 3);
    setClock(NOW);
    // No names, comments or ids in the open data: aggregates only.
    expect(res.body).not.toContain('Resposta rápida');
    expect(res.body).not.toContain(m2.id);
  });
});
