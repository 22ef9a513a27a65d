import { isValidImei, type PoliceReportKind, policeReportContentSchema, policeReportKinds } from '@vigia/contracts';
import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { type CitizenSessionCookies, GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { rateLimitCounters } from '../src/db/tables/account-security.js';
import { mailOutbox } from '../src/db/tables/mail.js';
import { securityUnits } from '../src/db/tables/security-units.js';
import { vehicleTheftFlags } from '../src/db/tables/vehicle-records.js';
import { markStolenVehicles, type VehicleTheftRecords } from '../src/modules/police-reports/vehicle-theft-link.js';
import { JPEG, multipart } from './accreditation.fixtures.js';
import { copyMatches, flippedCopy } from './document-copy.fixtures.js';
import { authHeaders, makeUser, type Session, signIn, testApp } from './helpers/app.js';
import { resetClock, setClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

const demo = (level: string) => govbrDemoAccounts.find((a) => a.level === level)!;
const bronze = demo('bronze');
const prata = demo('prata');
const ouro = demo('ouro');

/** Monday 10 March 2026, 03:00 in Cuiabá: the middle of the night. */
const NOW = '2026-03-10T07:00:00Z';
const CUIABA = { latitude: -15.5786, longitude: -56.0797 };
const VARZEA_GRANDE = { latitude: -15.6467, longitude: -56.1325 };
const CUIABA_IBGE = '5103403';
const VARZEA_GRANDE_IBGE = '5108402';
/** A valid IMEI (Luhn check digit) and the same with the last digit changed. */
const IMEI = '490154203237518';
const BAD_IMEI = '490154203237519';

let t: TestDatabase;
let app: App;
let provider: GovbrProvider;
let officer: Session;
let cuiabaOfficer: Session;
let varzeaOfficer: Session;
let reporter: CitizenSessionCookies;
let basic: CitizenSessionCookies;
let other: CitizenSessionCookies;
let cuiabaStation: string;
let varzeaStation: string;

async function addStation(name: string, municipalityIbge: string, at: { latitude: number; longitude: number }) {
  const [row] = await t.database.db
    .insert(securityUnits)
    .values({ kind: 'civil_police_station', name, address: 'Endereço de teste', municipalityIbge, ...at, source: 'test' })
    .returning();
  return row!.id;
}

beforeAll(async () => {
  setClock(NOW);
  provider = await startGovbrProvider({
    clients: [{ ...GOVBR_TEST_CLIENT, redirectUris: [GOVBR_TEST_CLIENT.redirectUri] }],
    accounts: govbrDemoAccounts,
  });
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, govbrEnv(provider.issuer));
  cuiabaStation = await addStation('1ª Delegacia de Polícia de Cuiabá', CUIABA_IBGE, { latitude: -15.601, longitude: -56.0974 });
  varzeaStation = await addStation('Delegacia de Várzea Grande', VARZEA_GRANDE_IBGE, VARZEA_GRANDE);
  officer = await signIn(app, (await makeUser(t.database, ['civil_police'])).email);
  cuiabaOfficer = await signIn(app, (await makeUser(t.database, ['civil_police'], { municipalityIbge: CUIABA_IBGE })).email);
  varzeaOfficer = await signIn(app, (await makeUser(t.database, ['civil_police'], { municipalityIbge: VARZEA_GRANDE_IBGE })).email);
  reporter = await signInWithGovbr(app, prata.cpf, prata.password);
  basic = await signInWithGovbr(app, bronze.cpf, bronze.password);
  other = await signInWithGovbr(app, ouro.cpf, ouro.password);
});
// Each test files more reports than the daily abuse guard allows one citizen.
beforeEach(async () => {
  await t.database.db.delete(rateLimitCounters);
});
afterAll(async () => {
  resetClock();
  await app?.close();
  await provider?.close();
  await t?.drop();
});

const asCitizen = (s: CitizenSessionCookies) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

const base = (over: Record<string, unknown> = {}) => ({
  occurredAt: '2026-03-09T20:30:00-04:00',
  ...CUIABA,
  placeDescription: 'Av. Historiador Rubens de Mendonça, 1500',
  narrative: 'Relato do fato com detalhes suficientes para a delegacia entender o que aconteceu.',
  ...over,
});
const author = { role: 'author', name: null, description: 'Homem de cerca de 30 anos, boné vermelho' };
const phone = { type: 'phone', description: 'Celular', brand: 'Samsung', model: 'Galaxy A54' };

/** A complete content per kind (what the kind requires, no more). */
const complete: Record<PoliceReportKind, Record<string, unknown>> = {
  loss: base({ objects: [{ type: 'document', description: 'Carteira de identidade' }] }),
  theft: base({ objects: [{ type: 'other', description: 'Bicicleta aro 29', serial: 'BK-12345' }] }),
  phone_theft: base({ objects: [phone] }),
  complaint: base(),
  missing_person: base({
    missingPerson: { name: 'João Desaparecido', physicalDescription: '1,70 m, cabelo castanho, cicatriz no queixo', relationship: 'pai' },
  }),
  illegal_profession: base({ profession: 'Médico', people: [{ role: 'author', name: 'Fulano de Tal' }] }),
  calumny: base({ people: [author] }),
  defamation: base({ people: [author] }),
  insult: base({ people: [author] }),
  threat: base({ people: [author] }),
  illegal_constraint: base({ people: [author] }),
  domicile_violation: base({ people: [author] }),
  pre_registration: base({ fact: 'Roubo a mão armada' }),
};
/** What each kind requires beyond the common fields (the paths reported when missing). */
const required: Record<PoliceReportKind, string[]> = {
  loss: ['objects'],
  theft: ['objects'],
  phone_theft: ['objects'],
  complaint: [],
  missing_person: ['missingPerson.name', 'missingPerson.physicalDescription', 'missingPerson.relationship'],
  illegal_profession: ['profession', 'people'],
  calumny: ['people'],
  defamation: ['people'],
  insult: ['people'],
  threat: ['people'],
  illegal_constraint: ['people'],
  domicile_violation: ['people'],
  pre_registration: ['stationId', 'fact'],
};

const start = (s: CitizenSessionCookies, kind: PoliceReportKind, content: Record<string, unknown> = {}, stationId: string | null = null) =>
  app.inject({ method: 'POST', url: '/api/citizen/police-reports', headers: asCitizen(s), payload: { kind, stationId, content } });
const save = (s: CitizenSessionCookies, id: string, content: Record<string, unknown>, stationId: string | null = null) =>
  app.inject({ method: 'PUT', url: `/api/citizen/police-reports/${id}`, headers: asCitizen(s), payload: { stationId, content } });
const submit = (s: CitizenSessionCookies, id: string) =>
  app.inject({ method: 'POST', url: `/api/citizen/police-reports/${id}/submit`, headers: asCitizen(s) });
async function file(s: CitizenSessionCookies, kind: PoliceReportKind, content: Record<string, unknown>, stationId: string | null = null) {
  const started = await start(s, kind, content, stationId);
  expect(started.statusCode, started.body).toBe(200);
  const sent = await submit(s, started.json().id);
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.json();
}
const decide = (who: Session, id: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/police-reports/${id}/decision`, headers: authHeaders(who), payload });
const queue = async (who: Session, stationId?: string) =>
  (
    await app.inject({
      method: 'GET',
      url: `/api/police-reports/queue${stationId ? `?stationId=${stationId}` : ''}`,
      headers: authHeaders(who),
    })
  ).json().reports as { id: string; urgent: boolean }[];

/** The report's PDF once it is rendered (after commit): waits on `pdfReady`, then downloads it. */
async function renderedPdf(s: CitizenSessionCookies, id: string) {
  const until = Date.now() + 20_000;
  for (;;) {
    const mine = (await app.inject({ method: 'GET', url: `/api/citizen/police-reports/${id}`, headers: { cookie: s.cookie } })).json();
    if (mine.pdfReady) break;
    if (Date.now() > until) throw new Error('the report PDF was not rendered');
    await new Promise((r) => setTimeout(r, 50));
  }
  const pdf = await app.inject({ method: 'GET', url: `/api/citizen/police-reports/${id}/pdf`, headers: { cookie: s.cookie } });
  expect(pdf.statusCode).toBe(200);
  return pdf;
}

describe('online police station (Delegacia Virtual)', () => {
  it('gives the protocol at the first step, saves later steps as a draft, and checks IMEI, plate and the point in MT', async () => {
    const first = await start(reporter, 'phone_theft');
    expect(first.statusCode, first.body).toBe(200);
    const draft = first.json();
    expect(draft).toMatchObject({ status: 'draft', protocol: expect.stringMatching(/^DV-2026-[A-Z0-9]{5}-[A-Z0-9]{5}$/) });

    const step2 = await save(reporter, draft.id, base());
    expect(step2.json()).toMatchObject({ protocol: draft.protocol, status: 'draft', content: { placeDescription: expect.any(String) } });

    expect(isValidImei(IMEI)).toBe(true);
    const badImei = await save(reporter, draft.id, base({ objects: [{ ...phone, imei: BAD_IMEI }] }));
    expect(badImei.statusCode).toBe(400);
    expect(badImei.body).toContain('IMEI inválido');
    const badPlate = await save(reporter, draft.id, base({ objects: [{ type: 'vehicle', description: 'Moto', plate: 'AB-12' }] }));
    expect(badPlate.body).toContain('Placa inválida');
    const mercosul = await save(reporter, draft.id, base({ objects: [{ type: 'vehicle', description: 'Moto', plate: 'rta1b23' }] }));
    expect(mercosul.json().content.objects[0].plate).toBe('RTA1B23');
    const outside = await save(reporter, draft.id, base({ latitude: -23.55, longitude: -46.63 }));
    expect(outside.json().error.code).toBe('POLICE_REPORT_OUTSIDE_MT');

    // Still incomplete: the submission says what is missing, with stable codes and paths.
    await save(reporter, draft.id, base());
    const incomplete = await submit(reporter, draft.id);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.code).toBe('POLICE_REPORT_INCOMPLETE');
    expect(incomplete.json().error.details).toEqual([{ path: 'objects', message: expect.stringMatching(/celular/) }]);

    await save(reporter, draft.id, base({ objects: [{ ...phone, imei: IMEI }] }));
    const sent = await submit(reporter, draft.id);
    expect(sent.json()).toMatchObject({ status: 'submitted', protocol: draft.protocol, station: { id: cuiabaStation } });
    // A submitted report is no longer a draft.
    expect((await save(reporter, draft.id, base())).json().error.code).toBe('POLICE_REPORT_NOT_EDITABLE');
  });

  it.each(policeReportKinds)('%s: refuses submission without its required fields, accepts them complete', async (kind) => {
    const empty = (await start(reporter, kind)).json();
    const refused = await submit(reporter, empty.id);
    expect(refused.json().error.code).toBe('POLICE_REPORT_INCOMPLETE');
    const paths = refused.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['occurredAt', 'latitude', 'placeDescription', 'narrative', ...required[kind]]));
    // Complete but for the kind's own fields: only those are reported.
    const common = (await start(reporter, kind, base())).json();
    const own = (await submit(reporter, common.id)).json();
    if (required[kind].length) expect(own.error.details.map((d: { path: string }) => d.path).sort()).toEqual([...required[kind]].sort());
    const ok = await file(reporter, kind, complete[kind], kind === 'pre_registration' ? varzeaStation : null);
    expect(ok.status).toBe('submitted');
    if (kind === 'pre_registration') expect(ok.station).toMatchObject({ id: varzeaStation, municipality: 'Várzea Grande' });
  });

  it('validation gives the report its number and a PDF with authenticity code, verifiable by code and by bytes', async () => {
    const r = await file(reporter, 'theft', complete.theft);
    const validated = await decide(officer, r.id, { decision: 'validate' });
    expect(validated.statusCode, validated.body).toBe(200);
    const v = validated.json();
    expect(v).toMatchObject({ status: 'validated', reportNumber: expect.stringMatching(/^BO-2026-/), code: expect.any(String) });
    // Decided once: a second decision is refused.
    expect((await decide(officer, r.id, { decision: 'validate' })).statusCode).toBe(409);

    const pdf = await renderedPdf(reporter, r.id);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await copyMatches(app, v.code, pdf.rawPayload)).toBe(true);
    expect(await copyMatches(app, v.code, flippedCopy(pdf.rawPayload))).toBe(false);

    const verified = await app.inject({ method: 'GET', url: `/api/public/police-reports/${v.code}` });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(Object.keys(verified.json()).sort()).toEqual(['code', 'kindLabel', 'registeredAt', 'reportNumber', 'station']);
    expect(verified.json()).toMatchObject({ reportNumber: v.reportNumber, kindLabel: 'Furto' });
    for (const leaked of [prata.cpf, prata.name, 'Bicicleta']) expect(verified.body).not.toContain(leaked);

    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, prata.email));
    expect(mails.map((m) => m.subject)).toContainEqual(expect.stringContaining(`${r.protocol}: boletim de ocorrência registrado`));
  });

  it('a registered report can be rated once by the citizen who filed it (service ratings)', async () => {
    const r = await file(reporter, 'loss', complete.loss);
    const rate = (s: CitizenSessionCookies, score: number) =>
      app.inject({
        method: 'POST',
        url: '/api/citizen/service-ratings',
        headers: asCitizen(s),
        payload: { service: 'police_report', requestId: r.id, score },
      });
    expect((await rate(reporter, 5)).json().error.code).toBe('SERVICE_USE_NOT_FOUND'); // not decided yet
    expect((await decide(officer, r.id, { decision: 'validate' })).statusCode).toBe(200);
    const pending = await app.inject({ method: 'GET', url: '/api/citizen/service-ratings/pending', headers: { cookie: reporter.cookie } });
    expect(pending.json().pending).toContainEqual(
      expect.objectContaining({ service: 'police_report', requestId: r.id, protocol: r.protocol }),
    );
    expect((await rate(other, 1)).statusCode).toBe(404);
    expect((await rate(reporter, 5)).statusCode).toBe(200);
    expect((await rate(reporter, 4)).statusCode).toBe(409);
  });

  it('messages both ways: the station asks for the IMEI, the citizen answers, the report goes back to the queue', async () => {
    const r = await file(reporter, 'phone_theft', complete.phone_theft);
    const asked = await decide(cuiabaOfficer, r.id, { decision: 'request_info', message: 'Informe o IMEI do aparelho (disque *#06#).' });
    expect(asked.json()).toMatchObject({ status: 'info_requested', deadlineAt: '2026-03-25T07:00:00.000Z' });
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, prata.email));
    expect(mails.find((m) => m.subject.includes(`${r.protocol}: a delegacia pediu`))?.text).toContain('Informe o IMEI');

    const mine = (
      await app.inject({ method: 'GET', url: `/api/citizen/police-reports/${r.id}`, headers: { cookie: reporter.cookie } })
    ).json();
    expect(mine.messages).toEqual([expect.objectContaining({ from: 'police', text: 'Informe o IMEI do aparelho (disque *#06#).' })]);

    const answered = await app.inject({
      method: 'POST',
      url: `/api/citizen/police-reports/${r.id}/messages`,
      headers: asCitizen(reporter),
      payload: { text: `O IMEI é ${IMEI}.` },
    });
    expect(answered.json()).toMatchObject({ status: 'submitted' });
    expect(answered.json().messages.map((m: { from: string }) => m.from)).toEqual(['police', 'citizen']);

    const seen = (await app.inject({ method: 'GET', url: `/api/police-reports/${r.id}`, headers: authHeaders(cuiabaOfficer) })).json();
    expect(seen.messages.at(-1)).toMatchObject({ from: 'citizen', text: `O IMEI é ${IMEI}.` });
    expect(seen.reporter.cpf).toBe('***.444.777-**');
    expect(seen.history.map((h: { kind: string }) => h.kind)).toEqual(['submitted', 'info_requested', 'info_answered']);

    const note = await app.inject({
      method: 'POST',
      url: `/api/police-reports/${r.id}/messages`,
      headers: authHeaders(cuiabaOfficer),
      payload: { text: 'Obrigado, vamos registrar.' },
    });
    expect(note.json().messages).toHaveLength(3);

    const refused = await decide(cuiabaOfficer, r.id, {
      decision: 'refuse',
      reason: 'O fato exige comparecimento à delegacia para perícia.',
    });
    expect(refused.json()).toMatchObject({ status: 'refused', answer: expect.stringMatching(/comparecimento/) });
    const late = await app.inject({
      method: 'POST',
      url: `/api/citizen/police-reports/${r.id}/messages`,
      headers: asCitizen(reporter),
      payload: { text: 'Mais uma coisa.' },
    });
    expect(late.statusCode).toBe(409);
  });

  it('Lei 13.812/2019 art. 3 — a missing-person report is received at once, at any hour, urgent, with no waiting period and at any gov.br level', async () => {
    // 03:00 in Cuiabá; the person was last seen 30 minutes ago; the reporter holds only bronze.
    const r = await file(basic, 'missing_person', {
      ...complete.missing_person,
      occurredAt: '2026-03-10T02:30:00-04:00',
    });
    expect(r).toMatchObject({ status: 'submitted', urgent: true, deadlineAt: NOW.replace('Z', '.000Z') });
    const q = await queue(officer);
    const firstOrdinary = q.findIndex((x) => !x.urgent);
    expect(q.findIndex((x) => x.id === r.id)).toBeGreaterThanOrEqual(0);
    expect(q.findIndex((x) => x.id === r.id)).toBeLessThan(firstOrdinary);
    // A bronze account cannot file a crime report (prata), but was never blocked above.
    expect((await start(basic, 'theft')).json().error.code).toBe('CITIZEN_LEVEL_TOO_LOW');
  });

  it('CPP art. 38 — threat and crimes against honour show the 6-month deadline to represent', async () => {
    const threat = await file(reporter, 'threat', complete.threat);
    expect(threat.representationDeadlineAt).toBe('2026-09-10T00:30:00.000Z');
    for (const kind of ['calumny', 'defamation', 'insult'] as const)
      expect((await file(reporter, kind, complete[kind])).representationDeadlineAt).toBe('2026-09-10T00:30:00.000Z');
    expect((await file(reporter, 'theft', complete.theft)).representationDeadlineAt).toBeNull();
  });

  it('Lei 11.340 art. 12 III — domestic violence: safe contact required, 48-hour clock in the back office, neutral e-mails', async () => {
    const noContact = (
      await start(reporter, 'threat', { ...complete.threat, domesticViolence: { safeContact: '', protectiveMeasuresRequested: true } })
    ).json();
    expect((await submit(reporter, noContact.id)).json().error.details).toEqual([
      { path: 'domesticViolence.safeContact', message: expect.stringMatching(/contato seguro/) },
    ]);
    const r = await file(reporter, 'threat', {
      ...complete.threat,
      domesticViolence: { safeContact: '(65) 99999-0000, falar com Ana', protectiveMeasuresRequested: true },
    });
    expect(r.protectiveMeasureDueAt).toBe('2026-03-12T07:00:00.000Z');
    const inQueue = (await queue(officer)).find((q) => q.id === r.id) as unknown as Record<string, unknown>;
    expect(inQueue).toMatchObject({ protectiveMeasureDueAt: '2026-03-12T07:00:00.000Z', protectiveMeasureForwardedAt: null });
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, prata.email));
    expect(mails.some((m) => m.subject.includes(r.protocol) || m.text.includes(r.protocol))).toBe(false);

    setClock('2026-03-11T07:00:00Z');
    try {
      const forwarded = await app.inject({
        method: 'POST',
        url: `/api/police-reports/${r.id}/protective-measure`,
        headers: authHeaders(officer),
        payload: { court: 'Juizado de Violência Doméstica de Cuiabá', reference: 'MPU 123/2026' },
      });
      expect(forwarded.json()).toMatchObject({ protectiveMeasureForwardedAt: '2026-03-11T07:00:00.000Z' });
      expect(forwarded.json().history.at(-1)).toMatchObject({
        kind: 'protective_measure_forwarded',
        note: expect.not.stringMatching(/após/),
      });
    } finally {
      setClock(NOW);
    }
    // Not a domestic-violence kind: refused.
    const theft = (
      await start(reporter, 'theft', { ...complete.theft, domesticViolence: { safeContact: 'x@y.z1', protectiveMeasuresRequested: false } })
    ).json();
    expect((await submit(reporter, theft.id)).json().error.details[0].path).toBe('domesticViolence');
  });

  it('scope: an officer of another municipality gets 404; the unscoped officer sees all and filters by station', async () => {
    const r = await file(reporter, 'insult', complete.insult);
    expect(r.station.id).toBe(cuiabaStation);
    expect((await app.inject({ method: 'GET', url: `/api/police-reports/${r.id}`, headers: authHeaders(varzeaOfficer) })).statusCode).toBe(
      404,
    );
    expect((await decide(varzeaOfficer, r.id, { decision: 'validate' })).statusCode).toBe(404);
    expect((await queue(varzeaOfficer)).some((q) => q.id === r.id)).toBe(false);
    expect((await queue(cuiabaOfficer)).some((q) => q.id === r.id)).toBe(true);
    expect((await queue(officer, cuiabaStation)).some((q) => q.id === r.id)).toBe(true);
    expect((await queue(officer, varzeaStation)).some((q) => q.id === r.id)).toBe(false);
    const stations = (await app.inject({ method: 'GET', url: '/api/police-reports/stations', headers: authHeaders(varzeaOfficer) })).json()
      .stations;
    expect(stations.map((s: { id: string }) => s.id)).toEqual([varzeaStation]);
  });

  it('a citizen never sees, answers or downloads another citizen’s report; a staff session never opens citizen routes', async () => {
    const r = await file(reporter, 'loss', complete.loss);
    for (const url of [`/api/citizen/police-reports/${r.id}`, `/api/citizen/police-reports/${r.id}/pdf`])
      expect((await app.inject({ method: 'GET', url, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    const msg = await app.inject({
      method: 'POST',
      url: `/api/citizen/police-reports/${r.id}/messages`,
      headers: asCitizen(other),
      payload: { text: 'intruso' },
    });
    expect(msg.statusCode).toBe(404);
    const list = (await app.inject({ method: 'GET', url: '/api/citizen/police-reports', headers: { cookie: other.cookie } })).json();
    expect(list.reports.some((x: { id: string }) => x.id === r.id)).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/api/citizen/police-reports', headers: authHeaders(officer) })).statusCode).toBe(401);
  });

  it('attachments are checked by content; a vehicle theft marks the vehicle and a recovery unmarks it', async () => {
    const exe = multipart({ name: 'foto.jpg', data: Buffer.from('MZ\x90\x00 not an image'), type: 'image/jpeg' });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/citizen/police-report-files',
      headers: { ...exe.headers, ...asCitizen(reporter) },
      payload: exe.payload,
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    const mp = multipart({ name: 'nota.jpg', data: JPEG, type: 'image/jpeg' });
    const up = await app.inject({
      method: 'POST',
      url: '/api/citizen/police-report-files',
      headers: { ...mp.headers, ...asCitizen(reporter) },
      payload: mp.payload,
    });
    expect(up.statusCode, up.body).toBe(200);
    const vehicle = { type: 'vehicle', description: 'Honda CG 160 vermelha', plate: 'QBC-1234' };
    const r = await file(reporter, 'theft', { ...complete.theft, objects: [vehicle], attachmentFileIds: [up.json().id] });
    // Someone else's upload cannot be attached.
    const foreign = (await start(other, 'theft', { ...complete.theft, attachmentFileIds: [up.json().id] })).json();
    expect((await submit(other, foreign.id)).statusCode).toBe(404);

    const seen = await app.inject({
      method: 'GET',
      url: `/api/police-reports/${r.id}/attachments/${up.json().id}`,
      headers: authHeaders(officer),
    });
    expect(seen.rawPayload.equals(JPEG)).toBe(true);
    const v = (await decide(officer, r.id, { decision: 'validate' })).json();
    expect(v.vehicles).toEqual([{ index: 0, plate: 'QBC1234', chassis: null, description: vehicle.description, recoveredAt: null }]);
    const registered = await app.inject({ method: 'GET', url: '/api/police-reports/queue?state=validated', headers: authHeaders(officer) });
    expect(registered.json().reports.some((x: { id: string }) => x.id === r.id)).toBe(true);
    const recovered = await app.inject({
      method: 'POST',
      url: `/api/police-reports/${r.id}/vehicle-recovery`,
      headers: authHeaders(officer),
      payload: { objectIndex: 0 },
    });
    expect(recovered.json().vehicles[0].recoveredAt).toBe(NOW.replace('Z', '.000Z'));
    // The platform's vehicle store got the theft flag at validation and closed it at recovery.
    const [flag] = await t.database.db.select().from(vehicleTheftFlags).where(eq(vehicleTheftFlags.policeReportId, r.id));
    expect(flag).toMatchObject({ plate: 'QBC1234', kind: 'theft', reportNumber: v.reportNumber, recoveredByReportId: r.id });
    expect(flag!.recoveredAt).not.toBeNull();

    // The link to the vehicle records: theft → 'theft', a robbery pre-registration → 'robbery', others nothing.
    const calls: unknown[] = [];
    const fake: VehicleTheftRecords = {
      markStolen: async (_db, input) => void calls.push(input),
      markRecovered: async () => {},
    };
    const content = policeReportContentSchema.parse({
      objects: [vehicle, { type: 'vehicle', description: 'Carro', chassis: '9BWZZZ377VT004251' }],
    });
    const at = new Date(NOW);
    expect(await markStolenVehicles(t.database.db, fake, { id: r.id, kind: 'theft', reportNumber: 'BO-1', content }, at)).toBe(2);
    expect(
      await markStolenVehicles(
        t.database.db,
        fake,
        { id: r.id, kind: 'pre_registration', reportNumber: 'BO-2', content: { ...content, robbery: true } },
        at,
      ),
    ).toBe(2);
    expect(await markStolenVehicles(t.database.db, fake, { id: r.id, kind: 'loss', reportNumber: 'BO-3', content }, at)).toBe(0);
    expect(calls).toEqual([
      { plate: 'QBC1234', chassis: null, policeReportId: r.id, reportNumber: 'BO-1', kind: 'theft', at },
      { plate: null, chassis: '9BWZZZ377VT004251', policeReportId: r.id, reportNumber: 'BO-1', kind: 'theft', at },
      { plate: 'QBC1234', chassis: null, policeReportId: r.id, reportNumber: 'BO-2', kind: 'robbery', at },
      { plate: null, chassis: '9BWZZZ377VT004251', policeReportId: r.id, reportNumber: 'BO-2', kind: 'robbery', at },
    ]);
  });
});
