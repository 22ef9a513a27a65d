import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { App } from '../src/app.js';
import type { Database } from '../src/db/client.js';
import { applications, cooperationTerms } from '../src/db/tables/accreditation.js';
import { cameraSelfTests, cameras } from '../src/db/tables/cameras.js';
import { mailOutbox } from '../src/db/tables/mail.js';
import { nextBusinessDay } from '../src/modules/calendar/business-days.js';
import { todayOn } from '../src/modules/calendar/clock.js';
import { CUIABA_IBGE } from '../src/modules/reference/municipalities.js';
import { api, partnerFor, staff } from './accreditation.fixtures.js';

/** Factories for the obligations tests (loans, accountability, inspections, complaints, sanctions). */

import { testClock } from './helpers/clock.js';

export { resetClock, setClock, testClock } from './helpers/clock.js';
/** Noon in Cuiabá (UTC−4) is 16:00Z. */
export const noonInCuiaba = (date: string) => `${date}T16:00:00Z`;

/** An ACTIVE cooperation term for the partner (the accreditation flow is tested elsewhere). */
export async function activeTerm(database: Database, partnerId: string, signedOn = '2026-01-05') {
  const [a] = await database.db
    .insert(applications)
    .values({
      number: `T-${randomBytes(4).toString('hex')}`,
      partnerId,
      status: 'homologated',
      propertyOwnership: 'own',
      createdBy: randomUUID(),
    })
    .returning();
  const [t] = await database.db
    .insert(cooperationTerms)
    .values({
      number: `TCT-${randomBytes(4).toString('hex')}`,
      partnerId,
      applicationId: a!.id,
      kind: 'direct',
      status: 'active',
      signedOn,
    })
    .returning();
  return t!;
}

export async function endTerm(database: Database, termId: string, endedAt: Date) {
  await database.db.update(cooperationTerms).set({ status: 'ended', endedAt, endReason: 'teste' }).where(eq(cooperationTerms.id, termId));
}

/** A partner with an active term, a committee member and an admin, all signed in. */
export async function world(app: App, database: Database) {
  const p = await partnerFor(app, 'company');
  const term = await activeTerm(database, p.partner.id);
  const committee = await staff(app, database, ['committee_member']);
  const admin = await staff(app, database, ['admin']);
  return {
    ...p,
    term,
    partnerApi: api(app, p.session),
    committee: api(app, committee),
    admin: api(app, admin),
    repCpf: p.body.legalRepresentative.cpf as string,
  };
}

let serialSeq = 0;
export async function newAsset(c: ReturnType<typeof api>, warrantyEndsOn: string | null = '2030-12-31') {
  serialSeq++;
  const tag = `${Date.now()}-${serialSeq}-${randomBytes(2).toString('hex')}`;
  const res = await c.post('/api/loans/assets', {
    model: 'Câmera bullet 4MP',
    serial: `SN-${tag}`,
    assetTag: `PAT-${tag}`,
    warrantyEndsOn,
  });
  if (res.statusCode !== 200) throw new Error(`asset: ${res.body}`);
  return res.json() as { id: string; serial: string };
}

/** A loan of `n` assets, picked up on `pickedUpOn` by the legal representative. */
export async function pickedUpLoan(w: Awaited<ReturnType<typeof world>>, n = 1, pickedUpOn?: string) {
  const assets = [];
  for (let i = 0; i < n; i++) assets.push(await newAsset(w.committee));
  const loan = await w.committee.post('/api/loans', { termId: w.term.id, assetIds: assets.map((a) => a.id) });
  if (loan.statusCode !== 200) throw new Error(`loan: ${loan.body}`);
  const id = loan.json().id as string;
  const sched = await w.partnerApi.post(`/api/loans/${id}/pickup-schedule`, {
    pickupOn: nextPickupDay(),
    personName: 'Maria da Silva',
    personCpf: w.repCpf,
  });
  if (sched.statusCode !== 200) throw new Error(`schedule: ${sched.body}`);
  const picked = await w.committee.post(`/api/loans/${id}/pickup`, pickedUpOn ? { pickedUpOn } : {});
  if (picked.statusCode !== 200) throw new Error(`pickup: ${picked.body}`);
  return { id, assets, loan: picked.json() };
}

/** The first business day in Cuiabá after today on the obligations clock (the platform's own calendar). */
export function nextPickupDay(): string {
  return nextBusinessDay(todayOn(testClock), { municipalityIbge: CUIABA_IBGE });
}

/** A lent camera registered by the partner with the asset's serial, and a successful self-test with a snapshot. */
export async function cameraWithVideo(database: Database, partnerId: string, serial: string, at: Date) {
  const id = randomUUID();
  const port = 20000 + Math.floor(Math.random() * 20000);
  await database.db.insert(cameras).values({
    id,
    partnerId,
    kind: 'program_loan',
    assetSerial: serial,
    name: `Câmera ${serial}`,
    host: `cam-${randomBytes(3).toString('hex')}.example.com`,
    rtspPort: port,
    httpPort: port + 1,
    rtspPath: '/stream1',
    latitude: -15.6,
    longitude: -56.1,
    municipalityIbge: '5103403',
    heading: 90,
    fieldOfView: 60,
    mounting: 'pole',
    status: 'online',
  });
  await database.db
    .insert(cameraSelfTests)
    .values({ id: randomUUID(), cameraId: id, startedAt: at, finishedAt: at, ok: true, steps: [], snapshotFile: `${id}.jpg` });
  return id;
}

export async function mailsTo(database: Database, to: string) {
  return database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
}
export async function allMails(database: Database) {
  return database.db.select().from(mailOutbox);
}
