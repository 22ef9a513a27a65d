import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { type CitizenSessionCookies, GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { accidentDeclarations, accidentEvents, accidentParties, trafficAccidentRecords } from '../src/db/tables/accident-certificate.js';
import { auditEvents } from '../src/db/tables/audit.js';
import { citizenLookups, citizenSessions, citizenSignIns, citizens } from '../src/db/tables/citizen.js';
import { certificateConsentLinks, criminalRecordCertificates } from '../src/db/tables/criminal-record.js';
import { generatedDocuments } from '../src/db/tables/documents.js';
import { storedFiles } from '../src/db/tables/files.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { citizenRetentionSweep } from '../src/modules/citizen-accounts/citizen-retention.sweep.js';
import { localFileStorage } from '../src/modules/files/file-storage.js';
import { JPEG, multipart } from './accreditation.fixtures.js';
import { authHeaders, makeUser, signIn, testApp } from './helpers/app.js';
import { resetClock, setClock, testClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

/**
 * LGPD retention of the citizen services (docs/citizen-services.md, "LGPD"): the data is made
 * through the real flows at T0, then the platform clock moves to each boundary — just inside the
 * period the data is kept, one second outside it is deleted.
 */
const [, prata, ouro] = govbrDemoAccounts as [(typeof govbrDemoAccounts)[0], (typeof govbrDemoAccounts)[0], (typeof govbrDemoAccounts)[0]];
const T0 = '2026-03-02T12:00:00.000Z';
const RETENTION = { certificateYears: 5, lookupYears: 5, consentLinkYears: 5, accidentYears: 5 };

let t: TestDatabase;
let app: App;
let provider: GovbrProvider;

beforeAll(async () => {
  setClock(T0);
  provider = await startGovbrProvider({ clients: [{ ...GOVBR_TEST_CLIENT, redirectUris: [GOVBR_TEST_CLIENT.redirectUri] }] });
  t = await createTestDatabase();
  app = await testApp(t.database, t.dataDir, { ...govbrEnv(provider.issuer), CONSENT_LINK_MAX_DAYS: '365' });
});
afterAll(async () => {
  resetClock();
  await app?.close();
  await provider?.close();
  await t?.drop();
});

const plusYears = (d: Date, years: number) => {
  const x = new Date(d);
  x.setUTCFullYear(x.getUTCFullYear() + years);
  return x;
};
const at = (d: Date, secondsAfter = 0) => setClock(new Date(d.getTime() + secondsAfter * 1000).toISOString());
const asCitizen = (s: CitizenSessionCookies) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

async function issueCertificate(s: CitizenSessionCookies) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/citizen/criminal-certificates',
    headers: asCitizen(s),
    payload: { purpose: 'Admissão em emprego' },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cert = res.json() as { id: string; code: string; status: string };
  expect(cert.status).toBe('issued');
  return cert;
}

describe('citizen retention sweep (LGPD)', () => {
  it('keeps each item until the end of its period and deletes it one second later, audited as counts', async () => {
    const db = t.database.db;
    const storage = localFileStorage(t.dataDir);
    const sweep = citizenRetentionSweep(db, storage, testClock, RETENTION);
    const run = () => drainSweep(sweep);

    // T0: two citizens sign in and get a certificate each; one gives an employer a 200-day consent link.
    const a = await signInWithGovbr(app, prata.cpf, prata.password);
    const b = await signInWithGovbr(app, ouro.cpf, ouro.password);
    const linked = await issueCertificate(a);
    const plain = await issueCertificate(b);
    const link = await app.inject({
      method: 'POST',
      url: `/api/citizen/criminal-certificates/${linked.id}/consent-links`,
      headers: asCitizen(a),
      payload: { grantee: 'Transportadora Cuiabá Ltda.', days: 200 },
    });
    expect(link.statusCode, link.body).toBe(200);
    const used = await app.inject({ method: 'GET', url: `/api/public/consent/${link.json().token}` });
    expect(used.statusCode, used.body).toBe(200);
    for (const code of [linked.code, plain.code])
      expect((await app.inject({ method: 'GET', url: `/api/public/criminal-certificates/${code}` })).statusCode).toBe(200);
    // A sign-in started and never finished.
    expect((await app.inject({ method: 'GET', url: '/api/citizen/auth/login' })).statusCode).toBe(302);

    const [signIn] = await db.select().from(citizenSignIns);
    const sessions = await db.select().from(citizenSessions);
    const lookupCount = async () =>
      (
        await db
          .select({ id: citizenLookups.id })
          .from(citizenLookups)
          .where(inArray(citizenLookups.cpf, [prata.cpf, ouro.cpf]))
      ).length;
    // The PDFs are rendered after commit (deferred render): wait until both files exist.
    await expect
      .poll(
        async () =>
          (
            await db
              .select({ id: generatedDocuments.id })
              .from(criminalRecordCertificates)
              .innerJoin(generatedDocuments, eq(generatedDocuments.id, criminalRecordCertificates.documentId))
              .where(isNotNull(generatedDocuments.sha256))
          ).length,
        { timeout: 30_000, interval: 50 },
      )
      .toBe(2);
    const certRows = await db
      .select({ id: criminalRecordCertificates.id, validUntil: criminalRecordCertificates.validUntil, key: generatedDocuments.storageKey })
      .from(criminalRecordCertificates)
      .innerJoin(generatedDocuments, eq(generatedDocuments.id, criminalRecordCertificates.documentId));
    const [consent] = await db.select().from(certificateConsentLinks);
    expect(signIn).toBeDefined();
    expect(sessions).toHaveLength(2);
    expect(certRows).toHaveLength(2);
    const lookupsAtT0 = await lookupCount();
    expect(lookupsAtT0).toBeGreaterThanOrEqual(3); // two public checks and one use of the consent link

    // Sign-in attempt: 10 minutes.
    at(signIn!.expiresAt);
    await run();
    expect(await db.select().from(citizenSignIns)).toHaveLength(1);
    at(signIn!.expiresAt, 1);
    await run();
    expect(await db.select().from(citizenSignIns)).toHaveLength(0);

    // Sessions: until they expire.
    const sessionEnd = sessions[0]!.expiresAt;
    expect(sessions[1]!.expiresAt.getTime()).toBe(sessionEnd.getTime());
    at(sessionEnd);
    await run();
    expect(await db.select().from(citizenSessions)).toHaveLength(2);
    at(sessionEnd, 1);
    await run();
    expect(await db.select().from(citizenSessions)).toHaveLength(0);

    // Lookups: 5 years; in bounded batches (one per batch here).
    at(plusYears(new Date(T0), 5));
    await run();
    expect(await lookupCount()).toBe(lookupsAtT0);
    at(plusYears(new Date(T0), 5), 1);
    const byOne = citizenRetentionSweep(db, storage, testClock, RETENTION, 1);
    expect(await byOne.runBatch(1)).toBe(1);
    expect(await lookupCount()).toBe(lookupsAtT0 - 1);
    await drainSweep(byOne);
    expect(await lookupCount()).toBe(0);

    // Certificates and PDFs: 5 years after validity — the one with a consent link waits for the link.
    const validUntil = certRows[0]!.validUntil!;
    expect(certRows[1]!.validUntil!.getTime()).toBe(validUntil.getTime());
    at(plusYears(validUntil, 5));
    await run();
    expect(await db.select().from(criminalRecordCertificates)).toHaveLength(2);
    at(plusYears(validUntil, 5), 1);
    await run();
    const left = await db.select().from(criminalRecordCertificates);
    expect(left.map((c) => c.id)).toEqual([linked.id]);
    const plainKey = certRows.find((c) => c.id === plain.id)!.key!;
    expect(await storage.exists(plainKey)).toBe(false);
    expect(await db.select().from(generatedDocuments).where(eq(generatedDocuments.storageKey, plainKey))).toHaveLength(0);
    expect((await app.inject({ method: 'GET', url: `/api/public/criminal-certificates/${plain.code}` })).statusCode).toBe(404);

    // Consent link: 5 years after it expires; then its certificate goes in the same run.
    const linkedKey = certRows.find((c) => c.id === linked.id)!.key!;
    at(plusYears(consent!.expiresAt, 5));
    await run();
    expect(await db.select().from(certificateConsentLinks)).toHaveLength(1);
    expect(await storage.exists(linkedKey)).toBe(true);
    at(plusYears(consent!.expiresAt, 5), 1);
    await run();
    expect(await db.select().from(certificateConsentLinks)).toHaveLength(0);
    expect(await db.select().from(criminalRecordCertificates)).toHaveLength(0);
    expect(await storage.exists(linkedKey)).toBe(false);

    // Citizens themselves are not this sweep's to delete; nothing is left for it to do.
    expect(await db.select().from(citizens)).toHaveLength(2);
    expect(await run()).toBe(0);

    // Audited as counts only (no CPF, no name).
    const audits = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'citizen_retention.swept'))
      .orderBy(desc(auditEvents.seq));
    expect(audits[0]!.data).toMatchObject({ consentLinks: 1, certificates: 1, lookups: 0, sessions: 0, signIns: 0 });
    const total = (k: string) => audits.reduce((n, r) => n + Number((r.data as Record<string, number>)[k]), 0);
    expect({
      signIns: total('signIns'),
      sessions: total('sessions'),
      certificates: total('certificates'),
      lookups: total('lookups'),
    }).toEqual({
      signIns: 1,
      sessions: 2,
      certificates: 2,
      lookups: lookupsAtT0,
    });
    for (const r of audits) {
      const text = JSON.stringify(r);
      expect(text).not.toContain(prata.cpf);
      expect(text).not.toContain(ouro.cpf);
    }
  });
});

describe('accident declarations: retention after the decision (LGPD)', () => {
  it('keeps a decided declaration exactly 5 years after the decision and deletes it one second later with its parties, history, photos, PDF and record; open ones stay whatever their age', async () => {
    const db = t.database.db;
    const storage = localFileStorage(t.dataDir);
    const sweep = citizenRetentionSweep(db, storage, testClock, RETENTION);
    const run = () => drainSweep(sweep);

    setClock(T0);
    const police = await signIn(app, (await makeUser(t.database, ['traffic_police'])).email);
    const citizen = await signInWithGovbr(app, prata.cpf, prata.password);
    const upload = async () => {
      const mp = multipart({ name: 'batida.jpg', data: JPEG, type: 'image/jpeg' });
      const res = await app.inject({
        method: 'POST',
        url: '/api/citizen/accident-photos',
        headers: { ...mp.headers, ...asCitizen(citizen) },
        payload: mp.payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as string;
    };
    const declare = async (photoFileIds: string[], resubmit?: string) => {
      const res = await app.inject({
        method: resubmit ? 'PUT' : 'POST',
        url: resubmit ? `/api/citizen/accident-certificates/${resubmit}` : '/api/citizen/accident-certificates',
        headers: asCitizen(citizen),
        payload: {
          occurredAt: '2026-03-01T18:30:00-04:00',
          latitude: -15.5786,
          longitude: -56.0797,
          placeDescription: 'Av. Historiador Rubens de Mendonça, em frente ao nº 1500',
          plate: 'QBC1234',
          vehicle: 'Fiat Uno branco',
          otherParties: [{ name: ouro.name, cpf: ouro.cpf, plate: 'RTA1B23', vehicle: 'VW Gol prata' }],
          narrative: 'Parado no semáforo, fui atingido na traseira pelo outro veículo, em baixa velocidade. Só danos materiais.',
          photoFileIds,
          noInjuries: true,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { id: string; protocol: string };
    };
    const decide = async (id: string, payload: Record<string, unknown>) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/accident-certificates/${id}/decision`,
        headers: authHeaders(police),
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { status: string; code: string | null };
    };

    // T0: four declarations by the same citizen; the rejected one shares a photo with one still open;
    // the validated one replaced its photo when corrected (the first one lives on in its history).
    const [pEarlier, pValidated, pShared, pRejected, pCorrections] = [
      await upload(),
      await upload(),
      await upload(),
      await upload(),
      await upload(),
    ];
    const validated = await declare([pEarlier!]);
    const rejected = await declare([pShared!, pRejected!]);
    const open = await declare([pShared!]);
    const corrections = await declare([pCorrections!]);
    await decide(validated.id, { decision: 'corrections', reason: 'Envie uma foto em que a placa esteja legível.' });
    await declare([pValidated!], validated.id);
    const cert = await decide(validated.id, { decision: 'validate' });
    expect(cert.status).toBe('validated');
    await decide(corrections.id, { decision: 'corrections', reason: 'Informe o número do imóvel em frente ao local.' });
    // The rejection comes a day later: its period ends a day later.
    const rejectedAt = new Date(new Date(T0).getTime() + 86_400_000);
    setClock(rejectedAt.toISOString());
    await decide(rejected.id, { decision: 'reject', reason: 'Os fatos narrados não correspondem às fotos enviadas.' });
    const validatedAt = new Date(T0);

    const keyOf = async (fileId: string) => (await db.select().from(storedFiles).where(eq(storedFiles.id, fileId)))[0]?.storageKey;
    const keys = Object.fromEntries(
      await Promise.all(
        Object.entries({ pEarlier, pValidated, pShared, pRejected, pCorrections }).map(
          async ([k, id]) => [k, (await keyOf(id!))!] as const,
        ),
      ),
    );
    const [doc] = await db.select().from(generatedDocuments).where(eq(generatedDocuments.code, cert.code!));
    expect(doc?.storageKey).toBeTruthy();
    expect(await storage.exists(doc!.storageKey!)).toBe(true);
    for (const k of Object.values(keys)) expect(await storage.exists(k)).toBe(true);
    expect(await db.select().from(trafficAccidentRecords).where(eq(trafficAccidentRecords.sourceId, validated.id))).toHaveLength(1);
    const rowsOf = async (id: string) => ({
      declarations: (await db.select().from(accidentDeclarations).where(eq(accidentDeclarations.id, id))).length,
      parties: (await db.select().from(accidentParties).where(eq(accidentParties.declarationId, id))).length,
      history: (await db.select().from(accidentEvents).where(eq(accidentEvents.declarationId, id))).length,
    });
    expect(await rowsOf(validated.id)).toEqual({ declarations: 1, parties: 2, history: 4 });
    expect(await rowsOf(rejected.id)).toEqual({ declarations: 1, parties: 2, history: 2 });
    const accidentAudits = async () =>
      (await db.select().from(auditEvents).where(eq(auditEvents.action, 'citizen_retention.swept'))).map(
        (r) => r.data as Record<string, number>,
      );
    const auditsBefore = (await accidentAudits()).length;

    // Exactly 5 years after the validation: everything kept.
    at(plusYears(validatedAt, 5));
    await run();
    expect(await rowsOf(validated.id)).toEqual({ declarations: 1, parties: 2, history: 4 });
    expect(await storage.exists(doc!.storageKey!)).toBe(true);

    // One second later: the validated declaration goes, with its parties, history, photo, PDF and record.
    at(plusYears(validatedAt, 5), 1);
    await run();
    expect(await rowsOf(validated.id)).toEqual({ declarations: 0, parties: 0, history: 0 });
    expect(
      await db
        .select()
        .from(storedFiles)
        .where(inArray(storedFiles.id, [pEarlier!, pValidated!])),
    ).toHaveLength(0);
    for (const k of [keys.pEarlier!, keys.pValidated!]) expect(await storage.exists(k)).toBe(false);
    expect(await db.select().from(generatedDocuments).where(eq(generatedDocuments.code, cert.code!))).toHaveLength(0);
    expect(await storage.exists(doc!.storageKey!)).toBe(false);
    expect(await db.select().from(trafficAccidentRecords).where(eq(trafficAccidentRecords.sourceId, validated.id))).toHaveLength(0);
    expect((await app.inject({ method: 'GET', url: `/api/public/accident-certificates/${cert.code}` })).statusCode).toBe(404);
    // The rejection, a day younger, is still inside its period.
    expect(await rowsOf(rejected.id)).toEqual({ declarations: 1, parties: 2, history: 2 });
    expect(await storage.exists(keys.pRejected!)).toBe(true);

    at(plusYears(rejectedAt, 5));
    await run();
    expect(await rowsOf(rejected.id)).toEqual({ declarations: 1, parties: 2, history: 2 });
    at(plusYears(rejectedAt, 5), 1);
    await run();
    expect(await rowsOf(rejected.id)).toEqual({ declarations: 0, parties: 0, history: 0 });
    expect(await storage.exists(keys.pRejected!)).toBe(false);
    expect(await db.select().from(storedFiles).where(eq(storedFiles.id, pRejected!))).toHaveLength(0);
    // The photo the open declaration also holds stays.
    expect(await storage.exists(keys.pShared!)).toBe(true);
    expect(await db.select().from(storedFiles).where(eq(storedFiles.id, pShared!))).toHaveLength(1);

    // Open declarations (submitted, corrections requested) are never deleted, whatever their age.
    at(plusYears(new Date(T0), 40));
    await run();
    const left = await db
      .select({ id: accidentDeclarations.id, status: accidentDeclarations.status })
      .from(accidentDeclarations)
      .where(or(eq(accidentDeclarations.id, open.id), eq(accidentDeclarations.id, corrections.id)));
    expect(left.map((r) => r.status).sort()).toEqual(['corrections_requested', 'submitted']);
    expect(await rowsOf(corrections.id)).toEqual({ declarations: 1, parties: 2, history: 2 });
    for (const k of [keys.pShared!, keys.pCorrections!]) expect(await storage.exists(k)).toBe(true);

    // Audited as counts.
    const audits = (await accidentAudits()).slice(auditsBefore);
    const total = (k: string) => audits.reduce((n, r) => n + Number(r[k] ?? 0), 0);
    expect({ declarations: total('accidentDeclarations'), photos: total('accidentPhotos') }).toEqual({ declarations: 2, photos: 3 });
    for (const r of audits) expect(JSON.stringify(r)).not.toContain(prata.cpf);
  });
});
