import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { type CitizenSessionCookies, GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { auditEvents } from '../src/db/tables/audit.js';
import { mailOutbox } from '../src/db/tables/mail.js';
import { ombudsmanManifestations } from '../src/db/tables/ombudsman.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { ombudsmanRemindersSweep } from '../src/modules/ombudsman/ombudsman-reminders.sweep.js';
import { solvedAltcha } from './helpers/altcha.js';
import { anonymous, authHeaders, makeUser, type Session, signIn, testApp } from './helpers/app.js';
import { resetClock, setClock, testClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

const demo = (level: string) => govbrDemoAccounts.find((a) => a.level === level)!;
const prata = demo('prata');
const ouro = demo('ouro');

/** Tuesday 10 March 2026, 09:00 in Cuiabá. */
const NOW = '2026-03-10T13:00:00Z';

let t: TestDatabase;
let app: App;
let provider: GovbrProvider;
let ombudsman: Session;
let politec: Session;
let traffic: Session;
let citizen: CitizenSessionCookies;
let otherCitizen: CitizenSessionCookies;
let ombudsmanEmail: string;
let politecEmail: string;

beforeAll(async () => {
  setClock(NOW);
  provider = await startGovbrProvider({
    clients: [{ ...GOVBR_TEST_CLIENT, redirectUris: [GOVBR_TEST_CLIENT.redirectUri] }],
    accounts: govbrDemoAccounts,
  });
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, govbrEnv(provider.issuer));
  const o = await makeUser(t.database, ['ombudsman_staff']);
  ombudsmanEmail = o.email;
  ombudsman = await signIn(app, o.email);
  const p = await makeUser(t.database, ['politec_staff']);
  politecEmail = p.email;
  politec = await signIn(app, p.email);
  traffic = await signIn(app, (await makeUser(t.database, ['traffic_police'])).email);
  citizen = await signInWithGovbr(app, prata.cpf, prata.password);
  otherCitizen = await signInWithGovbr(app, ouro.cpf, ouro.password);
});
afterAll(async () => {
  resetClock();
  await app?.close();
  await provider?.close();
  await t?.drop();
});

const asCitizen = (s: CitizenSessionCookies) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const manifestation = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  identity: 'identified',
  subject: 'Atendimento no posto de identificação',
  description: 'Esperei três horas no posto de identificação do Centro sem nenhuma informação sobre a fila.',
  ...over,
});
const file = (s: CitizenSessionCookies, over: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: '/api/citizen/ombudsman/manifestations', headers: asCitizen(s), payload: manifestation(over) });
const fileAnonymous = async (remoteAddress: string, over: Record<string, unknown> = {}) => {
  const { identity: _i, ...body } = manifestation({ kind: 'report', ...over });
  return app.inject({
    method: 'POST',
    url: '/api/public/ombudsman/manifestations',
    remoteAddress,
    headers: await publicHeaders(),
    payload: { ...body, altcha: await solvedAltcha(app) },
  });
};
/** A visitor's double-submit CSRF pair (no sign-in). */
async function publicHeaders() {
  const anon = await anonymous(app);
  return { cookie: anon.cookie, 'x-csrf-token': anon.csrf };
}
const staff = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>, who: Session = ombudsman) =>
  app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });
const follow = (protocol: string, code: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'GET', url: `/api/public/ombudsman/manifestations/${protocol}?code=${encodeURIComponent(code)}`, remoteAddress });
const counts = async () => ({
  manifestations: (await t.database.db.select({ id: ombudsmanManifestations.id }).from(ombudsmanManifestations)).length,
  audit: (await t.database.db.select({ seq: auditEvents.seq }).from(auditEvents)).length,
  mail: (await t.database.db.select({ id: mailOutbox.id }).from(mailOutbox)).length,
});
const actionsOn = async (id: string) =>
  (await t.database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, id))).map((a) => a.action);

describe('ombudsman (Lei 13.460/2017)', () => {
  it('art. 16: the answer is due in 30 days, extended once by 30 with a justification (Lei 9.784 art. 66 §1 moves a Saturday end); a second extension is refused', async () => {
    setClock(NOW);
    const res = await file(citizen);
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json();
    expect(created.protocol).toMatch(/^OUV-2026-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(created.accessCode).toMatch(/^[A-Z0-9]{12}$/);
    // Received Tuesday 10 March: day 30 is Thursday 9 April (Good Friday inside still counts).
    expect(created.dueOn).toBe('2026-04-09');

    const queue = (await staff('GET', '/api/ombudsman/queue')).json().items;
    const item = queue.find((i: { id: string }) => i.id === created.id);
    expect(item).toMatchObject({ status: 'received', clock: { dueOn: '2026-04-09', daysLeft: 30, extended: false } });

    const noReason = await staff('POST', `/api/ombudsman/manifestations/${created.id}/extend`, { justification: '' });
    expect(noReason.statusCode).toBe(400);

    const extended = await staff('POST', `/api/ombudsman/manifestations/${created.id}/extend`, {
      justification: 'Aguardando informações da Politec sobre a escala do posto no dia.',
    });
    expect(extended.statusCode, extended.body).toBe(200);
    // Day 60 from receipt is Saturday 9 May: the deadline ends on Monday 11 May.
    expect(extended.json().clock).toMatchObject({ dueOn: '2026-05-11', extended: true, extensionReason: expect.stringMatching(/Politec/) });

    const again = await staff('POST', `/api/ombudsman/manifestations/${created.id}/extend`, {
      justification: 'Ainda aguardando a unidade responsável responder.',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'OMBUDSMAN_ALREADY_EXTENDED', message: expect.stringMatching(/única prorrogação/) });
    const [row] = await t.database.db.select().from(ombudsmanManifestations).where(eq(ombudsmanManifestations.id, created.id));
    expect(row!.dueOn).toBe('2026-05-11');

    // The citizen sees the new date and its reason, by protocol + code.
    const seen = (await follow(created.protocol, created.accessCode)).json();
    expect(seen).toMatchObject({ dueOn: '2026-05-11', extended: true, extensionReason: expect.stringMatching(/Politec/) });
    expect(await actionsOn(created.id)).toEqual(
      expect.arrayContaining(['ombudsman.manifestation_filed', 'ombudsman.deadline_extended', 'ombudsman.manifestation_viewed']),
    );
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, prata.email));
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(`${created.protocol} recebida`), expect.stringMatching('prorrogado')]),
    );
  });

  it('art. 16 with Lei 9.784 art. 66 §1: a 30-day deadline ending on a holiday (20 November in MT) moves to the next business day', async () => {
    setClock('2026-10-21T13:00:00Z');
    const signedIn = await signInWithGovbr(app, prata.cpf, prata.password);
    const res = await file(signedIn, { kind: 'suggestion', subject: 'Horário dos postos' });
    expect(res.json().dueOn).toBe('2026-11-23');
    setClock(NOW);
  });

  it('internal units answer within 20 days, extended once by 20; only the unit routed to sees it; the ombudsman then answers the citizen', async () => {
    setClock(NOW);
    const created = (await file(citizen)).json();
    const routed = await staff('POST', `/api/ombudsman/manifestations/${created.id}/route`, {
      unit: 'politec',
      note: 'Apurar a fila do posto do Centro no dia indicado.',
    });
    expect(routed.statusCode, routed.body).toBe(200);
    // Routed Tuesday 10 March: day 20 is Monday 30 March.
    expect(routed.json()).toMatchObject({ status: 'with_unit', unit: 'politec', unitClock: { dueOn: '2026-03-30', daysLeft: 20 } });
    const told = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, politecEmail));
    expect(told.some((m) => m.subject.includes(created.protocol))).toBe(true);

    // Another unit does not see it.
    expect((await staff('GET', '/api/ombudsman/unit/manifestations', undefined, traffic)).json().items).toEqual([]);
    expect((await staff('GET', `/api/ombudsman/unit/manifestations/${created.id}`, undefined, traffic)).statusCode).toBe(404);
    // Units never open the ombudsman's queue.
    expect((await staff('GET', '/api/ombudsman/queue', undefined, politec)).statusCode).toBe(403);

    const inbox = (await staff('GET', '/api/ombudsman/unit/manifestations', undefined, politec)).json().items;
    expect(inbox.map((i: { id: string }) => i.id)).toContain(created.id);

    const unitExtended = await staff(
      'POST',
      `/api/ombudsman/unit/manifestations/${created.id}/extend`,
      { justification: 'A escala do posto está com a coordenação regional.' },
      politec,
    );
    expect(unitExtended.statusCode, unitExtended.body).toBe(200);
    // Day 40 from routing is Sunday 19 April: the unit's deadline ends Monday 20 April.
    expect(unitExtended.json().unitClock).toMatchObject({ dueOn: '2026-04-20', extended: true });
    const unitAgain = await staff(
      'POST',
      `/api/ombudsman/unit/manifestations/${created.id}/extend`,
      { justification: 'Mais uma vez, aguardando a coordenação.' },
      politec,
    );
    expect(unitAgain.json().error.code).toBe('OMBUDSMAN_ALREADY_EXTENDED');

    const unitAnswer = await staff(
      'POST',
      `/api/ombudsman/unit/manifestations/${created.id}/answer`,
      { text: 'No dia houve falha no sistema de senhas; a fila foi reorganizada e o posto reforçado.' },
      politec,
    );
    expect(unitAnswer.json()).toMatchObject({ status: 'unit_answered', unitAnswer: expect.stringMatching(/falha no sistema/) });

    const answered = await staff('POST', `/api/ombudsman/manifestations/${created.id}/answer`, {
      text: 'Prezado cidadão, a Politec reconheceu a falha no sistema de senhas e reforçou o atendimento no posto do Centro.',
    });
    expect(answered.json()).toMatchObject({ status: 'answered', clock: null, unitAnswer: expect.stringMatching(/falha/) });
    const twice = await staff('POST', `/api/ombudsman/manifestations/${created.id}/answer`, { text: 'Uma segunda resposta qualquer.' });
    expect(twice.json().error.code).toBe('MANIFESTATION_ANSWERED');

    const mine = (
      await app.inject({ method: 'GET', url: '/api/citizen/ombudsman/manifestations', headers: { cookie: citizen.cookie } })
    ).json();
    const seen = mine.manifestations.find((m: { id: string }) => m.id === created.id);
    expect(seen).toMatchObject({ status: 'answered', answer: expect.stringMatching(/reforçou/) });
    // Another citizen neither lists nor opens it.
    const others = (
      await app.inject({ method: 'GET', url: '/api/citizen/ombudsman/manifestations', headers: { cookie: otherCitizen.cookie } })
    ).json();
    expect(others.manifestations.map((m: { id: string }) => m.id)).not.toContain(created.id);
    const peek = await app.inject({
      method: 'GET',
      url: `/api/citizen/ombudsman/manifestations/${created.id}`,
      headers: { cookie: otherCitizen.cookie },
    });
    expect(peek.statusCode).toBe(404);
    expect(await actionsOn(created.id)).toEqual(
      expect.arrayContaining(['ombudsman.routed', 'ombudsman.unit_deadline_extended', 'ombudsman.unit_answered', 'ombudsman.answered']),
    );
  });

  it('art. 10 §7: a confidential manifestation shows its requester to the ombudsman staff only, never to the unit it is routed to', async () => {
    setClock(NOW);
    const created = (await file(citizen, { identity: 'confidential', kind: 'report', subject: 'Conduta de servidor' })).json();
    const view = (await staff('GET', `/api/ombudsman/manifestations/${created.id}`)).json();
    expect(view.requester).toMatchObject({ name: prata.name, cpf: '***.444.777-**', email: prata.email });
    await staff('POST', `/api/ombudsman/manifestations/${created.id}/route`, { unit: 'politec', note: 'Apurar a conduta relatada.' });

    const unitRes = await staff('GET', `/api/ombudsman/unit/manifestations/${created.id}`, undefined, politec);
    expect(unitRes.json()).toMatchObject({ identity: 'confidential', requesterName: null });
    const inboxBody = JSON.stringify(
      (await staff('GET', '/api/ombudsman/unit/manifestations', undefined, politec))
        .json()
        .items.find((i: { id: string }) => i.id === created.id),
    );
    expect(inboxBody).toContain(created.protocol);
    for (const secret of [prata.name, prata.email, prata.cpf, '444.777']) {
      expect(unitRes.body).not.toContain(secret);
      expect(inboxBody).not.toContain(secret);
    }
    // The unit's e-mail carries the protocol only.
    const toUnit = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, politecEmail));
    for (const m of toUnit) expect(`${m.subject} ${m.text}`).not.toContain(prata.name);
    // The filing's audit row names neither the requester nor the text.
    const [filed] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, created.id)).limit(1);
    expect(JSON.stringify(filed)).not.toContain(prata.name);
    expect(JSON.stringify(filed)).not.toContain('Conduta');

    // An identified one shows the unit the name, never the CPF or e-mail.
    const identified = (await file(citizen, { subject: 'Outra reclamação' })).json();
    await staff('POST', `/api/ombudsman/manifestations/${identified.id}/route`, { unit: 'politec', note: 'Responder ao cidadão.' });
    const idView = await staff('GET', `/api/ombudsman/unit/manifestations/${identified.id}`, undefined, politec);
    expect(idView.json().requesterName).toBe(prata.name);
    expect(idView.body).not.toContain(prata.email);
    expect(idView.body).not.toContain('444.777');
  });

  it('anonymous: proof of work, then followed and answered both ways by protocol + access code only', async () => {
    setClock(NOW);
    const { identity: _i, ...body } = manifestation({ kind: 'report' });
    const noProof = await app.inject({
      method: 'POST',
      url: '/api/public/ombudsman/manifestations',
      remoteAddress: '10.0.0.7',
      headers: await publicHeaders(),
      payload: { ...body, altcha: 'x' },
    });
    expect(noProof.json().error.code).toBe('ALTCHA_INVALID');

    const res = await fileAnonymous('10.0.0.7');
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json();
    const [row] = await t.database.db.select().from(ombudsmanManifestations).where(eq(ombudsmanManifestations.id, created.id));
    expect(row).toMatchObject({ identity: 'anonymous', citizenId: null });
    expect(row!.accessCodeHash).not.toContain(created.accessCode);

    expect((await follow(created.protocol, 'ERRADO123456')).statusCode).toBe(404);
    expect((await follow('OUV-2026-AAAAA-BBBBB', created.accessCode)).statusCode).toBe(404);
    const seen = await follow(created.protocol.toLowerCase(), created.accessCode.toLowerCase());
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ identity: 'anonymous', status: 'received', dueOn: '2026-04-09', messages: [] });

    const asked = await staff('POST', `/api/ombudsman/manifestations/${created.id}/messages`, {
      text: 'Informe o endereço aproximado, por favor.',
    });
    expect(asked.json().requester).toBeNull();
    const reply = await app.inject({
      method: 'POST',
      url: `/api/public/ombudsman/manifestations/${created.protocol}/messages`,
      headers: await publicHeaders(),
      payload: { code: created.accessCode, text: 'Rua das Flores, perto da praça do bairro Centro-Sul.' },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().messages.map((m: { from: string }) => m.from)).toEqual(['ombudsman', 'citizen']);
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/public/ombudsman/manifestations/${created.protocol}/messages`,
      headers: await publicHeaders(),
      payload: { code: 'ERRADO123456', text: 'Tentativa sem o código certo.' },
    });
    expect(wrong.statusCode).toBe(404);
    const item = (await staff('GET', '/api/ombudsman/queue')).json().items.find((i: { id: string }) => i.id === created.id);
    expect(item).toMatchObject({ identity: 'anonymous', citizenWaiting: true });
    expect(await actionsOn(created.id)).toEqual(
      expect.arrayContaining(['ombudsman.manifestation_filed', 'ombudsman.message_sent', 'ombudsman.citizen_replied']),
    );
  });

  it('anonymous filings beyond the per-address limit answer 429 with a pt-BR message and write nothing', async () => {
    setClock(NOW);
    for (let i = 0; i < 5; i++) expect((await fileAnonymous('10.0.0.99')).statusCode).toBe(200);
    const before = await counts();
    const refused = await fileAnonymous('10.0.0.99');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/Aguarde/) });
    expect(await counts()).toEqual(before);
    // Another address is not affected.
    expect((await fileAnonymous('10.0.0.100')).statusCode).toBe(200);
  });

  it('reminds the ombudsman and the unit by e-mail before each deadline, once per due date', async () => {
    setClock(NOW);
    const created = (await file(citizen, { subject: 'Lembrete de prazo' })).json();
    await staff('POST', `/api/ombudsman/manifestations/${created.id}/route`, { unit: 'politec', note: 'Responder no prazo.' });
    const sweep = ombudsmanRemindersSweep(t.database.db, testClock);
    const reminders = async () =>
      (
        await t.database.db
          .select()
          .from(mailOutbox)
          .where(like(mailOutbox.subject, `%${created.protocol}%`))
      ).filter((m) => /termina em|até \d/.test(m.subject));
    await drainSweep(sweep);
    expect(await reminders()).toEqual([]);

    setClock('2026-03-26T13:00:00Z'); // unit due 30 March: 4 days left
    await drainSweep(sweep);
    expect((await reminders()).map((m) => m.to)).toEqual([politecEmail]);
    await drainSweep(sweep);
    expect(await reminders()).toHaveLength(1);

    setClock('2026-04-05T13:00:00Z'); // answer due 9 April: 4 days left
    await drainSweep(sweep);
    const sent = await reminders();
    expect(sent.map((m) => m.to).sort()).toEqual([ombudsmanEmail, politecEmail].sort());
    expect(sent.find((m) => m.to === ombudsmanEmail)!.subject).toMatch('09/04/2026');
    setClock(NOW);
  });

  it('keeps each side to its routes: a citizen session never opens staff routes and staff cannot file as a citizen', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/ombudsman/queue', headers: { cookie: citizen.cookie } })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/citizen/ombudsman/manifestations',
          headers: authHeaders(ombudsman),
          payload: manifestation(),
        })
      ).statusCode,
    ).toBe(401);
    expect((await staff('GET', '/api/ombudsman/unit/manifestations', undefined, ombudsman)).statusCode).toBe(403);
  });
});
