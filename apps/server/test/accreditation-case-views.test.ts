import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { seedSecurityRegionsIfEmpty } from '../src/modules/regions/regions.service.js';
import { A, api, CUIABA, partnerFor, readyDraft, regionIdOf, SINOP, staff } from './accreditation.fixtures.js';
import { authHeaders, type Session, testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

/** Art. 12 (what the RISP coordinator sees) and the case history (audit trail). */

let t: TestDatabase;
let app: App;
let committee: Session;
let cuiabaRisp: Session;
let sinopRisp: Session;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedSecurityRegionsIfEmpty(t.database.db);
  app = await testApp(t.database, t.dataDir);
  committee = await staff(app, t.database, ['committee_member']);
  cuiabaRisp = await staff(app, t.database, ['risp_coordinator'], { securityRegionId: (await regionIdOf(t.database, CUIABA))! });
  sinopRisp = await staff(app, t.database, ['risp_coordinator'], { securityRegionId: (await regionIdOf(t.database, SINOP))! });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

async function inAnalysis(municipalities: string[]) {
  const partner = await partnerFor(app, 'cooperative', CUIABA);
  const draft = await readyDraft(app, partner.session, { municipalities });
  expect((await api(app, partner.session).post(`${A}/applications/${draft.id}/submit`, {})).statusCode).toBe(200);
  const started = await api(app, committee).post(`${A}/applications/${draft.id}/start-analysis`);
  expect(started.statusCode, started.body).toBe(200);
  return { partner, application: started.json() };
}

describe('Art. 12 — the RISP coordinator sees what it gives an opinion on', () => {
  it('number, partner, only the points of its region (with photos) and Anexo 5; another region gets 404', async () => {
    const { partner, application } = await inAnalysis([CUIABA, SINOP]);
    const opinion = (await api(app, sinopRisp).get(`${A}/risp-opinions`))
      .json()
      .opinions.find((o: { applicationId: string }) => o.applicationId === application.id);
    const res = await api(app, sinopRisp).get(`${A}/risp-opinions/${opinion.id}/case`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.application).toMatchObject({
      id: application.id,
      number: application.number,
      partnerName: partner.partner.name,
      partnerKind: 'cooperative',
      status: 'in_analysis',
    });
    expect(c.totalCameraPoints).toBe(2);
    expect(c.cameraPoints).toHaveLength(1);
    expect(c.cameraPoints[0]).toMatchObject({
      municipalityIbge: SINOP,
      films: expect.any(String),
      latitude: expect.any(Number),
      longitude: expect.any(Number),
    });
    expect(c.annex5.map((d: { format: string }) => d.format).sort()).toEqual(['docx', 'pdf']);

    const photo = await api(app, sinopRisp).get(`${A}/risp-opinions/${opinion.id}/files/${c.cameraPoints[0].viewPhotoFileId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toContain('image/jpeg');
    const annex = await api(app, sinopRisp).get(
      `${A}/risp-opinions/${opinion.id}/generated-documents/${c.annex5.find((d: { format: string }) => d.format === 'pdf').id}`,
    );
    expect(annex.statusCode).toBe(200);
    expect(annex.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Annex 1 of the same application is not the coordinator's: 404.
    const annex1 = application.generatedDocuments.find((d: { kind: string }) => d.kind === 'annex_1');
    expect((await api(app, sinopRisp).get(`${A}/risp-opinions/${opinion.id}/generated-documents/${annex1.id}`)).statusCode).toBe(404);

    // The Cuiabá coordinator cannot read the Sinop opinion, nor its photo.
    expect((await api(app, cuiabaRisp).get(`${A}/risp-opinions/${opinion.id}/case`)).statusCode).toBe(404);
    expect((await api(app, cuiabaRisp).get(`${A}/risp-opinions/${opinion.id}/files/${c.cameraPoints[0].viewPhotoFileId}`)).statusCode).toBe(
      404,
    );
    // The application detail itself stays closed to RISP coordinators.
    expect(
      (await app.inject({ method: 'GET', url: `${A}/applications/${application.id}`, headers: authHeaders(sinopRisp) })).statusCode,
    ).toBe(403);
  });
});

describe('case history — status changes with time and actor, from the audit trail', () => {
  it('lists each step in order; the partner sees its own, another partner gets 404', async () => {
    const { partner, application } = await inAnalysis([CUIABA]);
    const opinion = application.rispOpinions[0];
    expect(
      (
        await api(app, cuiabaRisp).post(`${A}/risp-opinions/${opinion.id}`, {
          favourable: true,
          reasons: 'Local de interesse da segurança pública.',
        })
      ).statusCode,
    ).toBe(200);
    const res = await api(app, partner.session).get(`${A}/applications/${application.id}/history`);
    expect(res.statusCode, res.body).toBe(200);
    const events = res.json().events as {
      action: string;
      fromStatus: string | null;
      toStatus: string | null;
      actorName: string;
      at: string;
      description: string;
    }[];
    const actions = events.map((e) => e.action);
    expect(actions[0]).toBe('application.created');
    expect(actions).toEqual(
      expect.arrayContaining([
        'application.camera_points_set',
        'application.submitted',
        'application.analysis_started',
        'risp_opinion.favourable',
      ]),
    );
    expect(events.find((e) => e.action === 'application.submitted')).toMatchObject({
      fromStatus: 'draft',
      toStatus: 'submitted',
      actorName: 'Maria da Silva',
    });
    expect(events.find((e) => e.action === 'application.analysis_started')).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'in_analysis',
    });
    expect([...events.map((e) => e.at)]).toEqual([...events.map((e) => e.at)].sort());
    expect(events.every((e) => e.description.length > 5)).toBe(true);

    const other = await partnerFor(app, 'company', CUIABA);
    expect((await api(app, other.session).get(`${A}/applications/${application.id}/history`)).statusCode).toBe(404);
    expect((await api(app, committee).get(`${A}/applications/${application.id}/history`)).statusCode).toBe(200);
  });
});
