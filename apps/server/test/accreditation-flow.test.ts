import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { seedSecurityRegionsIfEmpty } from '../src/modules/regions/regions.service.js';
import { A, api, CUIABA, multipart, partnerFor, readyDraft, SINOP, staff } from './accreditation.fixtures.js';
import { anonymous, type Session, testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
let app: App;
let committee: Session;
let admin: Session;
const coordinators = new Map<string, Session>();

beforeAll(async () => {
  t = await createTestDatabase();
  await seedSecurityRegionsIfEmpty(t.database.db);
  app = await testApp(t.database, t.dataDir, { PUBLIC_URL: 'https://vigiamais.mt.gov.br' });
  committee = await staff(app, t.database, ['committee_member']);
  admin = await staff(app, t.database, ['admin']);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

type Detail = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Committee analysis, favourable RISP opinions, approval and CIOSP homologation. */
async function analyseApproveHomologate(id: string) {
  const c = api(app, committee);
  let d: Detail = (await c.post(`${A}/applications/${id}/start-analysis`)).json();
  expect(d.status).toBe('in_analysis');
  d = (
    await c.put(`${A}/applications/${id}/checklist`, {
      items: d.checklist.map((i: { itemKey: string }) => ({ itemKey: i.itemKey, verdict: 'ok' })),
    })
  ).json();
  expect(d.checklist.every((i: { verdict: string }) => i.verdict === 'ok')).toBe(true);
  d = (
    await c.post(`${A}/applications/${id}/technical-visits`, { scheduledFor: '2026-12-01T13:00:00-04:00', place: 'Endereço do ponto 1' })
  ).json();
  const blocked = await c.post(`${A}/applications/${id}/approve`, { reason: 'Tentativa antes de registrar a visita e os pareceres.' });
  expect(blocked.statusCode).toBe(409);
  d = (
    await c.post(`${A}/applications/${id}/technical-visits/${d.technicalVisits[0].id}/findings`, {
      findings: 'Câmeras focadas no logradouro; conexão adequada.',
    })
  ).json();
  for (const o of d.rispOpinions) {
    if (!coordinators.has(o.securityRegionId))
      coordinators.set(o.securityRegionId, await staff(app, t.database, ['risp_coordinator'], { securityRegionId: o.securityRegionId }));
    const r = await api(app, coordinators.get(o.securityRegionId)!).post(`${A}/risp-opinions/${o.id}`, {
      favourable: true,
      reasons: 'Local de interesse para a segurança pública.',
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const approved = await c.post(`${A}/applications/${id}/approve`, {
    reason: 'Documentação completa, requisitos técnicos atendidos e pareceres favoráveis.',
  });
  expect(approved.statusCode, approved.body).toBe(200);
  expect(approved.json().status).toBe('approved');
  expect((await api(app, committee).post(`${A}/applications/${id}/homologate`)).statusCode).toBe(403); // CIOSP/admin only
  const homologated = await api(app, admin).post(`${A}/applications/${id}/homologate`);
  expect(homologated.statusCode, homologated.body).toBe(200);
  return homologated.json();
}

async function download(s: Session, applicationId: string, docId: string): Promise<Buffer> {
  const res = await api(app, s).get(`${A}/applications/${applicationId}/generated-documents/${docId}`);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

async function verify(code: string, data: Buffer) {
  const anon = await anonymous(app);
  const mp = multipart({ name: 'termo.pdf', data }, { code });
  return app.inject({
    method: 'POST',
    url: '/api/public/documents/verify',
    headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf, ...mp.headers },
    payload: mp.payload,
  });
}

describe('full path — application to signed cooperation term (Art. 8–16, Art. 5)', () => {
  let partner: Awaited<ReturnType<typeof partnerFor>>;
  let applicationId: string;
  let termId: string;

  it('submits, is analysed, approved, homologated with gazette text, pre-qualification and cooperation terms', async () => {
    partner = await partnerFor(app, 'cooperative', CUIABA);
    const draft = await readyDraft(app, partner.session, { municipalities: [CUIABA, SINOP] });
    applicationId = draft.id;
    expect((await api(app, partner.session).post(`${A}/applications/${draft.id}/submit`, {})).statusCode).toBe(200);
    const result = await analyseApproveHomologate(draft.id);
    expect(result.application.status).toBe('homologated');
    expect(result.term).toMatchObject({
      kind: 'direct',
      status: 'pending_signature',
      authorisations: [{ applicationId: draft.id, cameraPoints: 2 }],
    });
    expect(result.gazetteText).toContain('art. 16, § 1º');
    expect(result.gazetteText).toContain(partner.body.name);
    termId = result.term.id;
    const detail = (await api(app, partner.session).get(`${A}/applications/${draft.id}`)).json();
    const kinds = new Set(detail.generatedDocuments.map((d: { kind: string }) => d.kind));
    for (const k of [
      'annex_1',
      'annex_3',
      'annex_4',
      'annex_5',
      'decision',
      'homologation',
      'gazette_text',
      'prequalification_term',
      'cooperation_term',
    ])
      expect(kinds, k).toContain(k);
  });

  it('Art. 5 §3 — signed, valid 5 years with automatic renewal while operating', async () => {
    const signed = await api(app, admin).post(`${A}/cooperation-terms/${termId}/sign`, { signedOn: '2026-11-23' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'active', signedOn: '2026-11-23', currentPeriodEndsOn: '2031-11-22', renewals: 0 });
    const mine = (await api(app, partner.session).get(`${A}/cooperation-terms`)).json().terms;
    expect(mine.map((x: { id: string }) => x.id)).toEqual([termId]);
    const other = await partnerFor(app, 'company', CUIABA);
    expect((await api(app, other.session).get(`${A}/cooperation-terms`)).json().terms).toEqual([]);
  });

  it('annexes 3, 4 and 5 always list the same camera points (one source digest)', async () => {
    const detail = (await api(app, committee).get(`${A}/applications/${applicationId}`)).json();
    const { generatedDocuments } = await import('../src/db/tables/documents.js');
    const { eq } = await import('drizzle-orm');
    const rows = await t.database.db.select().from(generatedDocuments).where(eq(generatedDocuments.subjectId, applicationId));
    const digests = new Set(
      rows.filter((r) => ['annex_3', 'annex_4', 'annex_5'].includes(r.kind) && !r.supersededById).map((r) => r.sourceDigest),
    );
    expect(digests.size).toBe(1);
    expect(detail.cameraPoints).toHaveLength(2);
  });

  it('the cooperation term PDF verifies on the public page; an altered copy fails', async () => {
    const detail = (await api(app, partner.session).get(`${A}/applications/${applicationId}`)).json();
    const termPdf = detail.generatedDocuments.find(
      (d: { kind: string; format: string }) => d.kind === 'cooperation_term' && d.format === 'pdf',
    );
    const bytes = await download(partner.session, applicationId, termPdf.id);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const lookup = await app.inject({ method: 'GET', url: `/api/public/documents/${termPdf.code}` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({ code: termPdf.code, kind: 'cooperation_term', sha256: termPdf.sha256, superseded: false });

    const ok = await verify(termPdf.code, bytes);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ matches: true, message: expect.stringContaining('Documento autêntico') });

    const tampered = Buffer.from(bytes);
    const mid = Math.floor(tampered.length / 2);
    tampered[mid] = tampered[mid]! ^ 0x01;
    const bad = await verify(termPdf.code, tampered);
    expect(bad.json()).toMatchObject({ matches: false, message: expect.stringContaining('NÃO confere') });

    const docx = detail.generatedDocuments.find(
      (d: { kind: string; format: string }) => d.kind === 'cooperation_term' && d.format === 'docx',
    );
    expect((await download(partner.session, applicationId, docx.id)).subarray(0, 2).toString()).toBe('PK');
  });

  it('Art. 14 §4 — an extension is a new application and a new authorisation under the same term', async () => {
    const draft = await readyDraft(app, partner.session, { municipalities: [CUIABA], extendsTermId: termId });
    expect((await api(app, partner.session).post(`${A}/applications/${draft.id}/submit`, {})).statusCode).toBe(200);
    const result = await analyseApproveHomologate(draft.id);
    expect(result.term.id).toBe(termId);
    expect(result.term.authorisations.map((a: { applicationId: string }) => a.applicationId).sort()).toEqual(
      [applicationId, draft.id].sort(),
    );
    const terms = (await api(app, partner.session).get(`${A}/cooperation-terms`)).json().terms;
    expect(terms).toHaveLength(1);
  });
});

describe("Art. 4 II + Art. 8 §1 — a municipality's indirect-management term, once signed, routes private applications", () => {
  it("municipality applies for indirect management → delegation term → a company there lands in the manager's queue", async () => {
    const city = await partnerFor(app, 'municipality', SINOP);
    const draft = await readyDraft(app, city.session, { municipalities: [SINOP], modality: 'indirect' });
    expect((await api(app, city.session).post(`${A}/applications/${draft.id}/submit`, {})).statusCode).toBe(200);
    const result = await analyseApproveHomologate(draft.id);
    expect(result.term).toMatchObject({ kind: 'indirect_delegation', coveredMunicipalities: [SINOP] });

    const company = await partnerFor(app, 'company', SINOP);
    const before = await readyDraft(app, company.session, { municipalities: [SINOP] });
    expect((await api(app, company.session).post(`${A}/applications/${before.id}/submit`, {})).json().handledBy).toBe('sesp'); // term not signed yet

    await api(app, admin).post(`${A}/cooperation-terms/${result.term.id}/sign`, { signedOn: '2026-11-23' });
    const after = await readyDraft(app, company.session, { municipalities: [SINOP] });
    const routed = await api(app, company.session).post(`${A}/applications/${after.id}/submit`, {});
    expect(routed.json()).toMatchObject({ handledBy: 'manager', managerMunicipalityIbge: SINOP });
    const manager = await staff(app, t.database, ['municipal_manager'], { municipalityIbge: SINOP });
    const homologated = await analyseApproveHomologateAs(manager, after.id);
    expect(homologated.term).toMatchObject({ kind: 'adhesion' });
  });
});

async function analyseApproveHomologateAs(reviewer: Session, id: string) {
  const saved = committee;
  committee = reviewer;
  try {
    return await analyseApproveHomologate(id);
  } finally {
    committee = saved;
  }
}
