import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../src/app.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { deficiencyDeadline } from '../src/modules/accreditation/deficiency-deadline.js';
import { deficiencyDeadlineSweep } from '../src/modules/accreditation/deficiency-deadline.sweep.js';
import { listMunicipalities } from '../src/modules/reference/municipalities.js';
import { seedSecurityRegionsIfEmpty } from '../src/modules/regions/regions.service.js';
import { A, api, CUIABA, count, partnerFor, readyDraft, regionIdOf, SINOP, staff } from './accreditation.fixtures.js';
import { type Session, testApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

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
  vi.useRealTimers();
  await app?.close();
  await t?.drop();
});

async function inAnalysis(municipalities = [CUIABA]) {
  const partner = await partnerFor(app, 'company', CUIABA);
  const draft = await readyDraft(app, partner.session, { municipalities });
  expect((await api(app, partner.session).post(`${A}/applications/${draft.id}/submit`, {})).statusCode).toBe(200);
  const started = await api(app, committee).post(`${A}/applications/${draft.id}/start-analysis`);
  expect(started.statusCode, started.body).toBe(200);
  return { partner, application: started.json() };
}

const mailsTo = async (to: string) => {
  const res = (await t.database.db.execute(
    sql`SELECT subject, text FROM mail_outbox WHERE "to" = ${to} ORDER BY created_at`,
  )) as unknown as { rows: { subject: string; text: string }[] };
  return res.rows;
};

describe('Art. 12 — RISP opinion by each security region containing a camera point', () => {
  it('asks one opinion per region; each coordinator sees and answers only its own', async () => {
    const { application } = await inAnalysis([CUIABA, SINOP]);
    expect(application.rispOpinions.map((o: { status: string }) => o.status)).toEqual(['pending', 'pending']);
    expect(application.rispGaps).toEqual([]);
    const mine = (await api(app, sinopRisp).get(`${A}/risp-opinions`))
      .json()
      .opinions.filter((o: { applicationId: string }) => o.applicationId === application.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].municipalities).toEqual([SINOP]);
    const cuiabaOpinion = application.rispOpinions.find((o: { municipalities: string[] }) => o.municipalities.includes(CUIABA));
    const foreign = await api(app, sinopRisp).post(`${A}/risp-opinions/${cuiabaOpinion.id}`, {
      favourable: true,
      reasons: 'Tentativa fora da região.',
    });
    expect(foreign.statusCode).toBe(404);
    const given = await api(app, sinopRisp).post(`${A}/risp-opinions/${mine[0].id}`, {
      favourable: false,
      reasons: 'Local sem interesse de segurança pública.',
    });
    expect(given.json()).toMatchObject({ status: 'unfavourable', reasons: 'Local sem interesse de segurança pública.' });
    const approve = await api(app, committee).post(`${A}/applications/${application.id}/approve`, {
      reason: 'Tentativa de deferir com parecer desfavorável.',
    });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.details.map((d: { message: string }) => d.message)).toContain('Parecer da RISP desfavorável (art. 12).');
  });

  it('a municipality with no known region is reported to the committee — never guessed — and blocks approval', async () => {
    const known = (await t.database.db.execute(sql`SELECT municipality_ibge FROM security_region_municipality`)) as unknown as {
      rows: { municipality_ibge: string }[];
    };
    const knownSet = new Set(known.rows.map((r) => r.municipality_ibge));
    const orphan = listMunicipalities().find((m) => !knownSet.has(m.ibgeCode))!;
    const { application } = await inAnalysis([CUIABA, orphan.ibgeCode]);
    expect(application.rispGaps).toEqual([
      {
        municipalityIbge: orphan.ibgeCode,
        municipalityName: orphan.name,
        message: expect.stringContaining('não tem região integrada de segurança pública'),
      },
    ]);
    expect(application.rispOpinions).toHaveLength(1);
    const approve = await api(app, committee).post(`${A}/applications/${application.id}/approve`, {
      reason: 'Tentativa de deferir sem parecer de todas as regiões.',
    });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.code).toBe('RISP_REGION_UNKNOWN');
  });
});

describe('Art. 16 §2 — deficiency notice: each fault, a deadline in business days, e-mail, an answer per item', () => {
  it('counts business days across the 20 Nov holiday and a weekend (Cuiabá calendar)', () => {
    // Thursday 19 Nov 2026, 3 business days: Fri 20 (Consciência Negra), Sat, Sun skipped → Mon 23, Tue 24, Wed 25.
    expect(deficiencyDeadline(new Date('2026-11-19T15:00:00Z'), 3)).toEqual({ receivedOn: '2026-11-19', dueOn: '2026-11-25' });
    // Issued on Saturday 21 Nov: deemed received Monday 23 → Tue 24, Wed 25, Thu 26.
    expect(deficiencyDeadline(new Date('2026-11-21T15:00:00Z'), 3)).toEqual({ receivedOn: '2026-11-21', dueOn: '2026-11-26' });
    // 23:30 in Cuiabá on 18 Nov is already 19 Nov in UTC: the Cuiabá date counts.
    expect(deficiencyDeadline(new Date('2026-11-19T03:30:00Z'), 1).receivedOn).toBe('2026-11-18');
  });

  it('issues the notice (PDF + DOCX, e-mail with the deadline); the partner answers every item and the application is remedied', async () => {
    const { partner, application } = await inAnalysis();
    const issuedAt = new Date();
    const notice = await api(app, committee).post(`${A}/applications/${application.id}/deficiency-notices`, {
      businessDays: 3,
      items: [
        { itemKey: 'applicant.cnpj_card', description: 'Cartão CNPJ ilegível; envie cópia legível.' },
        { description: 'Foto do foco do ponto 1 não mostra o logradouro público.' },
      ],
    });
    expect(notice.statusCode, notice.body).toBe(200);
    const n = notice.json().deficiencyNotices[0];
    expect(n).toMatchObject({ status: 'open', businessDays: 3, ...deficiencyDeadline(issuedAt, 3) });
    expect(notice.json().status).toBe('deficiency_notice_issued');
    expect(
      notice
        .json()
        .generatedDocuments.filter((d: { kind: string }) => d.kind === 'deficiency_notice')
        .map((d: { format: string }) => d.format)
        .sort(),
    ).toEqual(['docx', 'pdf']);
    const mail = (await mailsTo(partner.body.email)).find((m) => m.subject.includes('falhas a sanar'))!;
    expect(mail.subject).toContain(n.dueOn.split('-').reverse().join('/'));
    expect(mail.text).toContain('1. Cartão CNPJ ilegível');

    const c = api(app, partner.session);
    const partial = await c.post(`${A}/applications/${application.id}/deficiency-response`, {
      answers: [{ itemId: n.items[0].id, answer: 'Enviado cartão legível.' }],
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.details[0].message).toContain('Falta responder ao item 2');

    // (answered with the real clock: sessions cannot travel forward in time; a late answer is tested below)
    const answered = await c.post(`${A}/applications/${application.id}/deficiency-response`, {
      answers: n.items.map((i: { id: string }) => ({ itemId: i.id, answer: 'Falha sanada conforme indicado.' })),
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'remedied', deficiencyNotices: [{ status: 'answered' }] });
    expect((await api(app, committee).post(`${A}/applications/${application.id}/start-analysis`)).json().status).toBe('in_analysis');
  });

  it('refuses to reject for document faults before a notice gave the partner the chance (Art. 16 §2)', async () => {
    const { application } = await inAnalysis();
    await api(app, committee).put(`${A}/applications/${application.id}/checklist`, {
      items: [{ itemKey: 'applicant.cnpj_card', verdict: 'fault', note: 'Cartão CNPJ vencido.' }],
    });
    const res = await api(app, committee).post(`${A}/applications/${application.id}/reject`, {
      reason: 'Indeferido por falta de documentação válida.',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DEFICIENCY_NOTICE_REQUIRED');
  });
});

describe('Art. 16 §3 — missed deadline: the sweep marks it; reasoned rejection and archive', () => {
  it('the sweep expires only notices past their deadline, once; the partner can no longer answer; rejection archives', async () => {
    const { partner, application } = await inAnalysis();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-19T15:00:00Z') });
    const issued = await api(app, committee).post(`${A}/applications/${application.id}/deficiency-notices`, {
      businessDays: 3,
      items: [{ description: 'Falta a certidão de matrícula do imóvel.' }],
    });
    vi.useRealTimers();
    const notice = issued.json().deficiencyNotices[0];
    // issued on Thursday 19 Nov 2026: Fri 20 (holiday), Sat, Sun skipped → due Wed 25 Nov
    expect(notice).toMatchObject({ receivedOn: '2026-11-19', dueOn: '2026-11-25' });
    expect((await mailsTo(partner.body.email)).some((m) => m.subject.includes('prazo: 25/11/2026'))).toBe(true);

    const early = await api(app, committee).post(`${A}/applications/${application.id}/reject`, {
      reason: 'Tentativa de indeferir com prazo em curso.',
    });
    expect(early.json().error.code).toBe('DEADLINE_RUNNING');

    const lastDay = deficiencyDeadlineSweep(t.database.db, { now: () => new Date('2026-11-26T03:59:00Z') }); // 23:59 on 25 Nov in Cuiabá
    await drainSweep(lastDay);
    expect((await api(app, committee).get(`${A}/applications/${application.id}`)).json().deficiencyNotices[0].status).toBe('open');

    const dayAfter = deficiencyDeadlineSweep(t.database.db, { now: () => new Date('2026-11-26T12:00:00Z') });
    const audits = await count(t.database, 'audit_event');
    expect(await drainSweep(dayAfter)).toBeGreaterThanOrEqual(1);
    expect(await drainSweep(dayAfter)).toBe(0); // idempotent
    expect(await count(t.database, 'audit_event')).toBeGreaterThan(audits);
    const detail = (await api(app, committee).get(`${A}/applications/${application.id}`)).json();
    expect(detail.deficiencyNotices[0].status).toBe('expired');
    expect((await mailsTo(partner.body.email)).some((m) => m.subject.includes('prazo encerrado'))).toBe(true);

    const late = await api(app, partner.session).post(`${A}/applications/${application.id}/deficiency-response`, {
      answers: [{ itemId: notice.items[0].id, answer: 'Resposta fora do prazo.' }],
    });
    expect(late.statusCode).toBe(409);

    const rejected = await api(app, committee).post(`${A}/applications/${application.id}/reject`, {
      reason: 'Falhas não sanadas no prazo concedido (art. 16, § 3º).',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'archived', decisionReason: 'Falhas não sanadas no prazo concedido (art. 16, § 3º).' });
    expect(rejected.json().generatedDocuments.some((d: { kind: string }) => d.kind === 'decision')).toBe(true);
    const actions = (await t.database.db.execute(
      sql`SELECT action FROM audit_event WHERE target_id = ${application.id} ORDER BY seq`,
    )) as unknown as { rows: { action: string }[] };
    expect(actions.rows.map((r) => r.action).slice(-2)).toEqual(['application.rejected', 'application.archived']);

    // Art. 16 §4 — archiving never prevents a new application
    const again = await api(app, partner.session).post(`${A}/applications`, { propertyOwnership: 'own' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'draft' });
    expect(again.json().id).not.toBe(application.id);
  });
});

describe('Art. 16 §4 — a new application is always possible', () => {
  it('after a rejection for another cause (unfavourable RISP), the partner files a new one and it is submitted', async () => {
    const { partner, application } = await inAnalysis();
    const opinion = application.rispOpinions[0];
    await api(app, cuiabaRisp).post(`${A}/risp-opinions/${opinion.id}`, {
      favourable: false,
      reasons: 'Foco em área privada, sem interesse público.',
    });
    const rejected = await api(app, committee).post(`${A}/applications/${application.id}/reject`, {
      reason: 'Parecer desfavorável da RISP quanto ao interesse de segurança pública.',
    });
    expect(rejected.json().status).toBe('archived');
    const draft = await readyDraft(app, partner.session);
    const res = await api(app, partner.session).post(`${A}/applications/${draft.id}/submit`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('submitted');
  });
});
