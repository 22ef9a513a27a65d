import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { seedSecurityRegionsIfEmpty } from '../src/modules/regions/regions.service.js';
import { A, activeIndirectTerm, api, partnerFor, readyDraft, SINOP, staff, VARZEA_GRANDE } from './accreditation.fixtures.js';
import { type Session, testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
let app: App;
let committee: Session;
let sinopManager: Session;
let vgManager: Session;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedSecurityRegionsIfEmpty(t.database.db);
  app = await testApp(t.database, t.dataDir);
  await activeIndirectTerm(t.database, SINOP);
  committee = await staff(app, t.database, ['committee_member']);
  sinopManager = await staff(app, t.database, ['municipal_manager'], { municipalityIbge: SINOP });
  vgManager = await staff(app, t.database, ['municipal_manager'], { municipalityIbge: VARZEA_GRANDE });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

async function submitted(kind: 'company' | 'municipality', municipality: string, body: Record<string, unknown> = {}) {
  const { session } = await partnerFor(app, kind, municipality);
  const draft = await readyDraft(app, session, { municipalities: [municipality] });
  const res = await api(app, session).post(`${A}/applications/${draft.id}/submit`, body);
  expect(res.statusCode, res.body).toBe(200);
  return { session, app: res.json() };
}

describe('Art. 8 §1 — a private application goes to the indirect manager of its municipality', () => {
  it("routes to the manager's queue; that manager sees it, another manager gets 404, SESP sees everything", async () => {
    const { app: application } = await submitted('company', SINOP);
    expect(application).toMatchObject({ handledBy: 'manager', managerMunicipalityIbge: SINOP, directHandling: null });
    const ids = (s: Session) =>
      api(app, s)
        .get(`${A}/applications`)
        .then((r) => r.json().applications.map((x: { id: string }) => x.id));
    expect(await ids(sinopManager)).toContain(application.id);
    expect(await ids(vgManager)).not.toContain(application.id);
    expect(await ids(committee)).toContain(application.id);
    expect((await api(app, vgManager).get(`${A}/applications/${application.id}`)).statusCode).toBe(404);
    expect((await api(app, vgManager).post(`${A}/applications/${application.id}/start-analysis`)).statusCode).toBe(404);
    const started = await api(app, sinopManager).post(`${A}/applications/${application.id}/start-analysis`);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().status).toBe('in_analysis');
  });

  it('without an indirect manager the application goes to SESP', async () => {
    const { app: application } = await submitted('company', VARZEA_GRANDE);
    expect(application).toMatchObject({ handledBy: 'sesp', managerMunicipalityIbge: null });
    expect((await api(app, vgManager).get(`${A}/applications/${application.id}`)).statusCode).toBe(404);
  });

  it('public applicants are not routed to a manager (the rule is for private applicants)', async () => {
    const { app: application } = await submitted('municipality', SINOP);
    expect(application.handledBy).toBe('sesp');
  });
});

describe('Art. 8 §2 — direct handling by SESP on technical grounds', () => {
  const reason = 'Os pontos ficam em rodovia estadual monitorada diretamente pelo CIOSP; razões técnicas de conexão.';

  it('the request waits for SESP; accepted, SESP handles it (the manager no longer sees it)', async () => {
    const { app: application } = await submitted('company', SINOP, { directHandlingReason: reason });
    expect(application).toMatchObject({ handledBy: 'sesp', directHandling: { status: 'requested', reason } });
    expect((await api(app, sinopManager).get(`${A}/applications/${application.id}`)).statusCode).toBe(404);
    const early = await api(app, committee).post(`${A}/applications/${application.id}/start-analysis`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('art. 8º, § 2º');
    const accepted = await api(app, committee).post(`${A}/applications/${application.id}/direct-handling`, {
      accept: true,
      note: 'Razões técnicas procedentes.',
    });
    expect(accepted.json()).toMatchObject({ handledBy: 'sesp', directHandling: { status: 'accepted' } });
    expect((await api(app, committee).post(`${A}/applications/${application.id}/start-analysis`)).statusCode).toBe(200);
  });

  it("returned, it goes to the manager's queue with SESP's reasons", async () => {
    const { app: application } = await submitted('company', SINOP, { directHandlingReason: reason });
    const returned = await api(app, committee).post(`${A}/applications/${application.id}/direct-handling`, {
      accept: false,
      note: 'Não há razão técnica que afaste a gestão indireta.',
    });
    expect(returned.json()).toMatchObject({
      handledBy: 'manager',
      directHandling: { status: 'returned', note: 'Não há razão técnica que afaste a gestão indireta.' },
    });
    expect((await api(app, sinopManager).get(`${A}/applications/${application.id}`)).statusCode).toBe(200);
  });

  it("a manager cannot decide the request (SESP's prerogative)", async () => {
    const { app: application } = await submitted('company', SINOP, { directHandlingReason: reason });
    const res = await api(app, sinopManager).post(`${A}/applications/${application.id}/direct-handling`, {
      accept: true,
      note: 'Tentativa indevida do gestor.',
    });
    expect(res.statusCode).toBe(403);
  });
});
