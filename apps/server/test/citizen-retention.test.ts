import { type GovbrProvider, govbrDemoAccounts, startGovbrProvider } from '@vigia/testkit/govbr-provider';
import { type CitizenSessionCookies, GOVBR_TEST_CLIENT, govbrEnv, signInWithGovbr } from '@vigia/testkit/govbr-sign-in';
import { desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { auditEvents } from '../src/db/tables/audit.js';
import { citizenLookups, citizenSessions, citizenSignIns, citizens } from '../src/db/tables/citizen.js';
import { certificateConsentLinks, criminalRecordCertificates } from '../src/db/tables/criminal-record.js';
import { generatedDocuments } from '../src/db/tables/documents.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { citizenRetentionSweep } from '../src/modules/citizen-accounts/citizen-retention.sweep.js';
import { localFileStorage } from '../src/modules/files/file-storage.js';
import { testApp } from './helpers/app.js';
import { resetClock, setClock, testClock } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

/**
 * LGPD retention of the citizen services (docs/citizen-services.md, "LGPD"): the data is made
 * through the real flows at T0, then the platform clock moves to each boundary — just inside the
 * period the data is kept, one second outside it is deleted.
 */
const [, prata, ouro] = govbrDemoAccounts as [(typeof govbrDemoAccounts)[0], (typeof govbrDemoAccounts)[0], (typeof govbrDemoAccounts)[0]];
const T0 = '2026-03-02T12:00:00.000Z';
const RETENTION = { certificateYears: 5, lookupYears: 5, consentLinkYears: 5 };

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
