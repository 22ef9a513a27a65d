import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  evidenceLocks,
  mailOutbox,
  mediaNodes,
  protectionActs,
  protectionMissions,
  protectionReferencePlaces,
} from '../src/db/schema.js';
import { drainSweep } from '../src/jobs/sweep.js';
import { protectionPeriodReminderSweep } from '../src/modules/protection/period-reminder.sweep.js';
import { api, multipart, staff } from './accreditation.fixtures.js';
import { anonymous, authHeaders, type Session, useTestApp } from './helpers/app.js';
import { testClock } from './helpers/clock.js';
import {
  assessmentBody,
  type Cast,
  checklistBody,
  completePlan,
  coreConvocation,
  levelBody,
  missionAt,
  otherUnitConvocation,
  P,
  protectionCast,
  requestBody,
  teamRules,
  vehicles,
} from './protection.fixtures.js';
import { releaseFixtures } from './releases.fixtures.js';

const ctx = useTestApp({ PUBLIC_URL: 'https://vigiamais.mt.gov.br' });
let c: Cast;
let near: string;
const m = (id: string) => `${P}/missions/${id}`;
const as = (s: Session) => api(ctx.app, s);

beforeAll(async () => {
  testClock.set('2030-03-01T12:00:00-04:00');
  c = await protectionCast(ctx.app, ctx.t);
  const f = releaseFixtures(ctx);
  const partner = await f.partner();
  near = await f.camera(
    partner,
    { municipalityIbge: '5103403', latitude: -15.5851, longitude: -56.0861 },
    { name: 'Av. Rubens de Mendonça', eligible: false },
  );
  await f.camera(partner, { municipalityIbge: '5103403', latitude: -15.64, longitude: -56.02 }, { name: 'Longe da rota', eligible: false });
  const published = await as(c.coord.session).put(`${P}/team-rules`, teamRules);
  expect(published.statusCode, published.body).toBe(200);
});

describe('Resolução 121/2025/CSPJC-MT — request (Art. 3–5)', () => {
  it('Art. 3 — a person covered by Lei 9.807/1999 is refused at the request, with a clear message, and nothing is created', async () => {
    const before = (await ctx.t.database.db.select().from(protectionMissions)).length;
    const res = await as(c.requester.session).post(`${P}/missions`, requestBody({ coveredByWitnessProtection: true }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('PROTECTEE_EXCLUDED');
    expect(res.json().error.message).toContain('9.807/1999');
    expect((await ctx.t.database.db.select().from(protectionMissions)).length).toBe(before);
    const refused = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'protection.request.refused'));
    expect(refused.length).toBeGreaterThan(0);
  });

  it('Art. 4 §1 — the protection extends to a family member of an Art. 4 authority, not of an Art. 5 one', async () => {
    const family = { name: 'João da Silva', relationship: 'filho' };
    const ok = await as(c.requester.session).post(
      `${P}/missions`,
      requestBody({ protectee: { ...requestBody().protectee, familyMemberOf: family } }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const art5 = await as(c.requester.session).post(
      `${P}/missions`,
      requestBody({
        protectee: {
          name: 'Ministro X',
          office: 'Ministro da Justiça',
          category: 'art5_minister_or_head_of_power',
          familyMemberOf: family,
        },
        directorGeneralOrder: 'Determinação DG nº 15/2030 — compor a segurança do Ministro.',
      }),
    );
    expect(art5.statusCode).toBe(400);
  });

  it('Art. 5 — heads of government, ministers and heads of powers only with a recorded order of the Delegado-Geral', async () => {
    const protectee = {
      name: 'Governador Y',
      office: 'Governador de outro estado',
      category: 'art5_head_of_government',
      familyMemberOf: null,
    };
    const without = await as(c.requester.session).post(`${P}/missions`, requestBody({ protectee }));
    expect(without.statusCode).toBe(422);
    expect(without.json().error.code).toBe('PROTECTION_ORDER_REQUIRED');
    const withOrder = await as(c.requester.session).post(
      `${P}/missions`,
      requestBody({ protectee, directorGeneralOrder: 'Determinação DG nº 16/2030 — visita oficial do Governador.' }),
    );
    expect(withOrder.statusCode, withOrder.body).toBe(201);
    const d = (await as(c.dg.session).get(m(withOrder.json().id))).json();
    expect(d.directorGeneralOrder).toContain('16/2030');
  });
});

describe('Resolução 121/2025/CSPJC-MT — assessment and activation (Art. 6–7)', () => {
  it('Art. 6 — the intelligence directorate records a judgement, reasoning and sources per factor; others cannot', async () => {
    const id = await missionAt(ctx.app, c, 'requested');
    const byRequester = await as(c.requester.session).post(`${m(id)}/assessment`, assessmentBody);
    expect(byRequester.statusCode).toBe(403);
    expect(byRequester.json().error.code).toBe('PROTECTION_FUNCTION_REQUIRED');
    const noReason = await as(c.intel.session).post(`${m(id)}/assessment`, {
      ...assessmentBody,
      factors: [{ factor: 'Ameaça', judgement: 'present', reasoning: '', sources: 'DI' }],
    });
    expect(noReason.statusCode).toBe(400);
    const res = await as(c.intel.session).post(`${m(id)}/assessment`, assessmentBody);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('assessed');
    expect(res.json().assessment.factors).toHaveLength(2);
  });

  it('Art. 6–7 — activation is decided only by the Delegado-Geral, after the assessment, with reasons', async () => {
    const early = await missionAt(ctx.app, c, 'requested');
    expect(
      (await as(c.dg.session).post(`${m(early)}/activation`, { activate: true, reasons: 'Antes da avaliação de ameaça.' })).statusCode,
    ).toBe(409);
    const id = await missionAt(ctx.app, c, 'assessed');
    for (const who of [c.coord, c.intel, c.requester]) {
      const res = await as(who.session).post(`${m(id)}/activation`, { activate: true, reasons: 'Tentativa sem competência.' });
      expect([403, 404]).toContain(res.statusCode);
    }
    const res = await as(c.dg.session).post(`${m(id)}/activation`, { activate: true, reasons: 'Ameaça concreta confirmada pela DI.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('planning');
    expect(res.json().acts.map((a: { kind: string }) => a.kind)).toEqual(['request', 'threat_assessment', 'activation']);
    const other = await missionAt(ctx.app, c, 'assessed');
    const no = await as(c.dg.session).post(`${m(other)}/activation`, { activate: false, reasons: 'Ameaça não confirmada.' });
    expect(no.json().status).toBe('not_activated');
  });
});

describe('Resolução 121/2025/CSPJC-MT — level and team (Art. 12–16, 19–20)', () => {
  it('Art. 12–14 — CORE decides a level 1–4 with a rationale for each of the five criteria of Art. 13', async () => {
    const id = await missionAt(ctx.app, c, 'planning');
    const { violenceHistory: _, ...four } = levelBody().criteria;
    expect((await as(c.coord.session).post(`${m(id)}/level`, { level: 3, criteria: four })).statusCode).toBe(400);
    expect((await as(c.coord.session).post(`${m(id)}/level`, levelBody(5))).statusCode).toBe(400);
    expect((await as(c.dg.session).post(`${m(id)}/level`, levelBody(3))).statusCode).toBe(403);
    const res = await as(c.coord.session).post(`${m(id)}/level`, levelBody(3));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().level).toBe(3);
    expect(Object.keys(res.json().levelDecision.criteria).sort()).toEqual([
      'environment',
      'office',
      'publicLife',
      'violenceHistory',
      'visitReasons',
    ]);
    expect(res.json().teamRuleVersion).toBe(1);
  });

  it('Art. 15–16, 19–20 — the team per level comes from the versioned rule set, with shortfalls shown before the start', async () => {
    const id = await missionAt(ctx.app, c, 'planning');
    const co = as(c.coord.session);
    await co.post(`${m(id)}/level`, levelBody(3));
    let d = (await co.put(`${m(id)}/vehicles`, { vehicles: [vehicles[1]] })).json();
    const messages = d.blockers.map((b: { message: string }) => b.message);
    expect(messages).toContain('Nível 3 exige 1 viatura(s) blindada(s); 0 designada(s) (art. 20, § 1º).');
    expect(messages).toContain('Nível 3 exige 2 policiais; 0 apresentado(s) (art. 19).');
    const noSignals = await co.put(`${m(id)}/vehicles`, { vehicles: [{ ...vehicles[0], soundAndLightSignals: false }] });
    expect(noSignals.json().error.code).toBe('PROTECTION_VEHICLE_INVALID');
    d = (
      await co.put(`${m(id)}/vehicles`, { vehicles: [...vehicles, { ...vehicles[1], plate: 'QBA1C25', kind: 'authority_own' }] })
    ).json();
    expect(d.blockers.map((b: { message: string }) => b.message)).toContain(
      'Nível 3 não permite o deslocamento da autoridade em veículo próprio (art. 20, § 2º).',
    );
    const v2 = await co.put(`${P}/team-rules`, teamRules);
    expect(v2.json().version).toBe(2);
    expect((await co.get(m(id))).json().teamRuleVersion).toBe(1);
  });
});

describe('Resolução 121/2025/CSPJC-MT — action plan (Art. 17–18)', () => {
  it('Art. 18 — the plan is not issued, nor the mission started, with any of its three parts missing', async () => {
    const id = await missionAt(ctx.app, c, 'planning');
    const co = as(c.coord.session);
    const plan = completePlan();
    const partial = {
      ...plan,
      situational: { ...plan.situational, expectedDemonstrations: '' },
      measures: { ...plan.measures, weaponsCheck: '' },
    };
    await co.put(`${m(id)}/plan`, partial);
    const issued = await co.post(`${m(id)}/plan/issue`, {});
    expect(issued.statusCode).toBe(409);
    expect(issued.json().error.code).toBe('PROTECTION_PLAN_INCOMPLETE');
    expect(issued.json().error.details.map((x: { path: string }) => x.path)).toEqual([
      'situational.expectedDemonstrations',
      'measures.weaponsCheck',
    ]);
    const start = await co.post(`${m(id)}/start`, {});
    expect(start.json().error.code).toBe('PROTECTION_NOT_READY');
    expect(start.json().error.details.some((x: { path: string }) => x.path === 'measures.weaponsCheck')).toBe(true);
    await co.put(`${m(id)}/plan`, { ...plan, route: { legs: [], venues: [] } });
    expect((await co.post(`${m(id)}/plan/issue`, {})).json().error.details.map((x: { path: string }) => x.path)).toEqual(['route.legs']);
    await co.put(`${m(id)}/plan`, plan);
    const ok = await co.post(`${m(id)}/plan/issue`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().acts.at(-1).kind).toBe('action_plan');
  });

  it('Art. 18, I — the plan lists the program cameras within the distance of each leg and venue, with their health', async () => {
    const id = await missionAt(ctx.app, c, 'planning');
    const d = (await as(c.coord.session).put(`${m(id)}/plan`, completePlan())).json();
    const leg = d.route.find((s: { name: string }) => s.name.startsWith('Paiaguás'));
    expect(leg.cameras.map((x: { id: string }) => x.id)).toContain(near);
    expect(leg.cameras.every((x: { name: string }) => x.name !== 'Longe da rota')).toBe(true);
    expect(leg.cameras[0]).toMatchObject({ status: 'pending' });
  });
});

describe('Resolução 121/2025/CSPJC-MT — convocation and readiness (Art. 9–10, 21–22)', () => {
  it('Art. 10 §1 — an officer of another unit is convoked through the immediate superior, who acknowledges; the officer presents after (§2)', async () => {
    const id = await missionAt(ctx.app, c, 'planning');
    const co = as(c.coord.session);
    const noJustification = await co.post(`${m(id)}/convocations`, { ...otherUnitConvocation(c), justification: null });
    expect(noJustification.json().error.code).toBe('PROTECTION_CONVOCATION_INVALID');
    const noTraining = await co.post(`${m(id)}/convocations`, { ...otherUnitConvocation(c), trainingValidatedByCore: false });
    expect(noTraining.json().error.code).toBe('PROTECTION_CONVOCATION_INVALID');
    const noSuperior = await co.post(`${m(id)}/convocations`, { ...otherUnitConvocation(c), superiorEmail: null });
    expect(noSuperior.json().error.details[0].path).toBe('superiorEmail');
    const d = (await co.post(`${m(id)}/convocations`, otherUnitConvocation(c))).json();
    const conv = d.convocations[0];
    expect(conv.acknowledgedAt).toBeNull();
    expect(d.acts.at(-1).kind).toBe('convocation');
    const early = await as(c.otherOfficer.session).post(`${m(id)}/convocations/${conv.id}/present`, {});
    expect(early.json().error.code).toBe('PROTECTION_CONVOCATION_INVALID');
    expect((await as(c.otherOfficer.session).post(`${m(id)}/convocations/${conv.id}/acknowledge`, {})).statusCode).toBe(404);
    expect((await as(c.bystander.session).post(`${m(id)}/convocations/${conv.id}/acknowledge`, {})).statusCode).toBe(404);
    // The superior sees the convocation, not the protectee nor the plan.
    const seen = (await as(c.superior.session).get(m(id))).json();
    expect(seen.full).toBe(false);
    expect(seen.protectee).toBeUndefined();
    const ack = await as(c.superior.session).post(`${m(id)}/convocations/${conv.id}/acknowledge`, {});
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().convocations[0].acknowledgedAt).not.toBeNull();
    const present = await as(c.otherOfficer.session).post(`${m(id)}/convocations/${conv.id}/present`, {});
    expect(present.json().convocations[0].presentedAt).not.toBeNull();
  });

  it('Art. 9 — CORE officers are employed with the authority-protection course', async () => {
    const id = await missionAt(ctx.app, c, 'planning');
    const res = await as(c.coord.session).post(`${m(id)}/convocations`, { ...coreConvocation(c), authorityProtectionCourse: false });
    expect(res.json().error.details[0].path).toBe('authorityProtectionCourse');
  });

  it('Art. 22 — each officer signs at the briefing the minimum equipment checklist with serial numbers (Art. 21: uniform or authorised alternative)', async () => {
    const id = await missionAt(ctx.app, c, 'planning');
    const d = (await as(c.coord.session).post(`${m(id)}/convocations`, coreConvocation(c))).json();
    const conv = d.convocations[0];
    const o = as(c.coreOfficer.session);
    await o.post(`${m(id)}/convocations/${conv.id}/present`, {});
    const missing = await o.post(`${m(id)}/convocations/${conv.id}/checklist`, {
      ...checklistBody(),
      equipment: { ...checklistBody().equipment, metalDetector: '', neuromuscularDevice: '' },
      spareMagazines: 0,
    });
    expect(missing.json().error.code).toBe('PROTECTION_CHECKLIST_INCOMPLETE');
    expect(missing.json().error.details.map((x: { path: string }) => x.path)).toEqual([
      'equipment.metalDetector',
      'equipment.neuromuscularDevice',
      'spareMagazines',
    ]);
    const unauthorised = await o.post(`${m(id)}/convocations/${conv.id}/checklist`, checklistBody({ uniform: 'authorised_alternative' }));
    expect(unauthorised.json().error.details[0].path).toBe('uniformAuthorisedBy');
    const coreAsOriented = await o.post(`${m(id)}/convocations/${conv.id}/checklist`, checklistBody({ uniform: 'as_oriented' }));
    expect(coreAsOriented.json().error.details[0].path).toBe('uniform');
    expect((await as(c.coord.session).post(`${m(id)}/convocations/${conv.id}/checklist`, checklistBody())).statusCode).toBe(404);
    const signed = await o.post(
      `${m(id)}/convocations/${conv.id}/checklist`,
      checklistBody({ uniform: 'authorised_alternative', uniformAuthorisedBy: 'Coordenador da CORE, Del. Fulano' }),
    );
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().convocations[0].checklistSignedAt).not.toBeNull();
  });
});

describe('Resolução 121/2025/CSPJC-MT — period (Art. 11 §1)', () => {
  it('Art. 11 §1 — the period is extended or reduced by an act with reasons; contradictory changes are refused', async () => {
    const id = await missionAt(ctx.app, c, 'planning');
    const co = as(c.coord.session);
    const bad = await co.post(`${m(id)}/period`, { kind: 'extension', newEnd: '2030-03-15', reason: 'Prorrogação para antes do fim.' });
    expect(bad.json().error.code).toBe('PROTECTION_PERIOD_INVALID');
    const ext = await co.post(`${m(id)}/period`, {
      kind: 'extension',
      newEnd: '2030-03-25',
      reason: 'Nova audiência designada para 24/03.',
    });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().periodEnd).toBe('2030-03-25');
    const red = await as(c.dg.session).post(`${m(id)}/period`, {
      kind: 'reduction',
      newEnd: '2030-03-12',
      reason: 'Prisão dos autores das ameaças.',
    });
    expect(red.json().periodEnd).toBe('2030-03-12');
    expect(red.json().periodChanges.map((p: { kind: string }) => p.kind)).toEqual(['extension', 'reduction']);
    expect(red.json().acts.filter((a: { kind: string }) => a.kind.startsWith('period_')).length).toBe(2);
    expect(
      (await as(c.requester.session).post(`${m(id)}/period`, { kind: 'extension', newEnd: '2030-04-01', reason: 'Sem competência.' }))
        .statusCode,
    ).toBe(403);
  });

  it('Art. 11 — a reminder shows in the last days of the period', async () => {
    const id = await missionAt(ctx.app, c, 'planning', { periodStart: '2030-03-01', periodEnd: '2030-03-02' });
    expect((await as(c.coord.session).get(m(id))).json().reminder).toEqual({ daysToEnd: 1 });
  });

  it('Art. 11 §1 — N days before the period ends, the coordination and the team are mailed once per period end; an extension brings a new reminder', async () => {
    const id = await missionAt(ctx.app, c, 'ready', { codeName: 'CORUJA-LEMBRETE' });
    const co = as(c.coord.session);
    expect((await co.post(`${m(id)}/start`, {})).statusCode).toBe(200);
    const number = (await co.get(m(id))).json().number as string;
    const sweep = protectionPeriodReminderSweep(ctx.t.database.db, testClock, {
      reminderDays: 2,
      publicUrl: 'https://vigiamais.mt.gov.br',
    });
    const mails = async () => (await ctx.t.database.db.select().from(mailOutbox)).filter((x) => x.subject.includes(`nº ${number})`));
    try {
      await drainSweep(sweep);
      expect(await mails()).toEqual([]); // 1 March: the period ends on 20 March
      testClock.set('2030-03-18T08:00:00-04:00');
      await drainSweep(sweep);
      const first = await mails();
      expect(first.map((x) => x.to).sort()).toEqual([c.coord.email, c.coreOfficer.email, c.otherOfficer.email].sort());
      expect(first[0]!.subject).toBe(
        `Missão de proteção CORUJA-LEMBRETE (nº ${number}): o período de segurança termina em 2 dia(s), em 2030-03-20`,
      );
      expect(first[0]!.text).toContain(`https://vigiamais.mt.gov.br/app/protecao/missoes/${id}`);
      expect(first.map((x) => `${x.subject}${x.text}`).join()).not.toContain('Maria da Silva');
      await drainSweep(sweep);
      testClock.set('2030-03-19T08:00:00-04:00');
      await drainSweep(sweep);
      expect((await mails()).length).toBe(3); // once per mission and period end
      const ext = await co.post(`${m(id)}/period`, {
        kind: 'extension',
        newEnd: '2030-03-30',
        reason: 'Nova audiência designada para 29/03.',
      });
      expect(ext.statusCode, ext.body).toBe(200);
      await drainSweep(sweep);
      expect((await mails()).length).toBe(3);
      testClock.set('2030-03-29T08:00:00-04:00');
      await drainSweep(sweep);
      const all = await mails();
      expect(all.length).toBe(6);
      expect(all.filter((x) => x.subject.includes('em 1 dia(s), em 2030-03-30')).length).toBe(3);
      const audited = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'protection.period.reminder_sent'));
      expect(audited.filter((a) => a.targetId === id).map((a) => a.data!.periodEnd)).toEqual(['2030-03-20', '2030-03-30']);
    } finally {
      testClock.set('2030-03-01T12:00:00-04:00');
    }
  });
});

describe('Resolução 121/2025/CSPJC-MT — execution, report and closure; need-to-know', () => {
  let a: string;
  let b: string;

  beforeAll(async () => {
    a = await missionAt(ctx.app, c, 'ready');
    b = await missionAt(ctx.app, c, 'planning', { codeName: 'CONDOR' });
  });

  it('runs the mission: start, execution log, post-mission report; the mission cannot close without the report', async () => {
    const co = as(c.coord.session);
    expect((await co.post(`${m(a)}/close`, { reason: 'Encerramento sem relatório.' })).statusCode).toBe(409);
    const started = await co.post(`${m(a)}/start`, {});
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().status).toBe('in_progress');
    const [row] = await ctx.t.database.db.select().from(protectionMissions).where(eq(protectionMissions.id, a));
    expect(row!.evidenceLockIds.length).toBeGreaterThan(0);
    const logged = await as(c.otherOfficer.session).post(`${m(a)}/log`, {
      kind: 'route_change',
      text: 'Trânsito bloqueado; seguimos pela alternativa.',
    });
    expect(logged.statusCode, logged.body).toBe(200);
    expect(logged.json().log[0].kind).toBe('route_change');
    const report = await co.post(`${m(a)}/report`, { text: 'Missão cumprida sem incidentes; autoridade conduzida ao Fórum e de volta.' });
    expect(report.json().status).toBe('reported');
  });

  it('IDOR — a team member of mission A gets 404 on mission B; an operator or a partner sees nothing', async () => {
    const officer = as(c.otherOfficer.session);
    expect((await officer.get(m(b))).statusCode).toBe(404);
    expect((await officer.post(`${m(b)}/log`, { kind: 'observation', text: 'Tentativa' })).statusCode).toBe(404);
    const listed = (await officer.get(`${P}/missions`)).json().missions.map((x: { id: string }) => x.id);
    expect(listed).toContain(a);
    expect(listed).not.toContain(b);
    const operator = await staff(ctx.app, ctx.t.database, ['operator']);
    const partner = await staff(ctx.app, ctx.t.database, ['partner_user']);
    for (const s of [operator, partner]) {
      expect((await as(s).get(`${P}/missions`)).statusCode).toBe(403);
      expect((await as(s).get(m(a))).statusCode).toBe(403);
    }
    expect((await as(c.bystander.session).get(m(a))).statusCode).toBe(404);
    expect((await as(c.bystander.session).get(`${P}/missions`)).json().missions).toEqual([]);
  });

  it('Secrecy — lists show code names only; every read is audited; copies carry the reader and a distribution list; verification shows no content', async () => {
    const list = await as(c.dg.session).get(`${P}/missions`);
    expect(list.body).toContain('FALCÃO');
    expect(list.body).not.toContain('Maria da Silva');
    const d = (await as(c.dg.session).get(m(a))).json();
    const reads = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'protection.mission.viewed'));
    expect(reads.some((r) => r.targetId === a && r.actorLabel === c.dg.email)).toBe(true);
    const plan = d.acts.find((x: { kind: string }) => x.kind === 'action_plan');
    const pdf = await as(c.dg.session).get(`${m(a)}/acts/${plan.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const copies = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'protection.act.read'));
    expect(copies.at(-1)!.actorLabel).toBe(c.dg.email);
    const lookup = await ctx.app.inject({ method: 'GET', url: `/api/public/documents/${plan.code}` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.body).not.toMatch(/FALCÃO|Maria|Fórum|plano/i);
    expect(lookup.json().title).toBe('DOCUMENTO SIGILOSO — OPERAÇÃO DE PROTEÇÃO');
    const anon = await anonymous(ctx.app);
    const copyCode = copies.at(-1)!.data!.copyCode as string;
    const body = multipart({ name: 'copia.pdf', data: pdf.rawPayload }, { code: copyCode });
    const verify = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/documents/verify',
      headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf, ...body.headers },
      payload: body.payload,
    });
    expect(verify.json().matches).toBe(true);
  });

  it('Access ends at closure — the team and the superior lose it; the CORE coordination keeps it read-only', async () => {
    expect((await as(c.otherOfficer.session).get(m(a))).statusCode).toBe(200);
    const closed = await as(c.coord.session).post(`${m(a)}/close`, { reason: 'Relatório aprovado pela coordenação.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', readOnly: true });
    for (const who of [c.otherOfficer, c.coreOfficer, c.superior, c.requester, c.intel])
      expect((await as(who.session).get(m(a))).statusCode).toBe(404);
    expect((await as(c.coord.session).get(m(a))).statusCode).toBe(200);
    expect((await as(c.coord.session).post(`${m(a)}/log`, { kind: 'observation', text: 'Após o encerramento' })).statusCode).toBe(409);
    const [row] = await ctx.t.database.db.select().from(protectionMissions).where(eq(protectionMissions.id, a));
    const locks = await ctx.t.database.db.select().from(evidenceLocks).where(inArray(evidenceLocks.id, row!.evidenceLockIds));
    expect(locks.length).toBeGreaterThan(0);
    expect(locks.every((l) => l.releasedAt !== null)).toBe(true);
    const auditor = await staff(ctx.app, ctx.t.database, ['auditor']);
    expect((await as(auditor).get(m(a))).statusCode).toBe(200);
  });

  it('route footage stays evidence-locked through an extension and after closure when an incident was logged', async () => {
    const id = await missionAt(ctx.app, c, 'ready', { codeName: 'GAVIÃO' });
    const co = as(c.coord.session);
    expect((await co.post(`${m(id)}/start`, {})).statusCode).toBe(200);
    const extended = await co.post(`${m(id)}/period`, {
      kind: 'extension',
      newEnd: '2030-03-25',
      reason: 'Nova audiência designada para 25/03.',
    });
    expect(extended.statusCode, extended.body).toBe(200);
    await as(c.coreOfficer.session).post(`${m(id)}/log`, { kind: 'incident', text: 'Veículo suspeito seguiu o comboio por 3 km.' });
    await co.post(`${m(id)}/report`, { text: 'Missão cumprida; incidente registrado e comunicado à DI.' });
    expect((await co.post(`${m(id)}/close`, { reason: 'Relatório aprovado pela coordenação.' })).statusCode).toBe(200);
    const [row] = await ctx.t.database.db.select().from(protectionMissions).where(eq(protectionMissions.id, id));
    const locks = await ctx.t.database.db.select().from(evidenceLocks).where(inArray(evidenceLocks.id, row!.evidenceLockIds));
    expect(locks.length).toBeGreaterThan(0);
    expect(locks.every((l) => l.releasedAt === null)).toBe(true);
    // Art. 11 §1: the extension after the start extends the hold on the footage too.
    expect(locks.every((l) => l.toAt.toISOString() === '2030-03-26T04:00:00.000Z')).toBe(true);
  });
});

describe('Route mosaic — the team watches the route cameras live while the mission is in progress', () => {
  const hash = () => randomBytes(32).toString('hex');
  const tokens = (s: Session, ...cameraIds: string[]) =>
    as(s).post('/api/live/tokens', { items: cameraIds.map((cameraId) => ({ cameraId, nonceHash: hash() })) });
  const okOf = async (s: Session, cameraId: string) => (await tokens(s, cameraId)).json().items[0];

  it('an assigned officer gets live tokens, masks and playback for route cameras of a mission in progress — not off the route, not before the start nor after closure; another mission 404; operators and partners nothing', async () => {
    await ctx.t.database.db.insert(mediaNodes).values({ id: 'node-protection', publicUrl: 'http://127.0.0.1:9' }).onConflictDoNothing();
    // Cameras that may stream, created now so that only missions started from here on have them on
    // their route (a grant spans every mission in progress the person watches): one on the second
    // stretch of the main leg, one across town.
    const f = releaseFixtures(ctx);
    const owner = await f.partner();
    const live = await f.camera(
      owner,
      { municipalityIbge: '5103403', latitude: -15.5905, longitude: -56.0905 },
      { name: 'Praça 8 de Abril' },
    );
    const offRoute = await f.camera(owner, { municipalityIbge: '5103403', latitude: -15.65, longitude: -56.03 }, { name: 'Coxipó' });
    const a = await missionAt(ctx.app, c, 'ready', { codeName: 'ÁGUIA-REAL' });
    const b = await missionAt(ctx.app, c, 'planning', { codeName: 'BEIJA-FLOR' });
    const officer = c.otherOfficer.session;
    // Before the start: no grant, no mosaic.
    expect(await okOf(officer, live)).toMatchObject({ ok: false, status: 404 });
    expect((await as(officer).get(`${m(a)}/route-mosaic`)).statusCode).toBe(409);
    expect((await as(c.coord.session).post(`${m(a)}/start`, {})).statusCode).toBe(200);

    const mosaic = await as(officer).get(`${m(a)}/route-mosaic`);
    expect(mosaic.statusCode, mosaic.body).toBe(200);
    const stretches = mosaic.json().stretches as { name: string; position: string; cameras: { id: string }[] }[];
    expect(stretches[0]).toMatchObject({ name: 'Paiaguás → Av. Rubens de Mendonça', position: 'travelling' });
    expect(stretches[0]!.cameras.map((x) => x.id)).toEqual([near, live]);
    expect(stretches.flatMap((s) => s.cameras.map((x) => x.id))).not.toContain(offRoute);
    const viewed = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'protection.route_mosaic.viewed'));
    expect(viewed.some((r) => r.targetId === a && r.actorLabel === c.otherOfficer.email)).toBe(true);

    // The leg being travelled goes first; the leg already travelled last.
    const moved = await as(officer).post(`${m(a)}/current-leg`, { leg: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    const reordered = (await as(officer).get(`${m(a)}/route-mosaic`)).json().stretches as { name: string; position: string }[];
    expect(reordered.map((s) => s.position)).toEqual(['travelling', 'ahead', 'behind']);
    expect(reordered[0]!.name).toBe('Alternativa pela Av. do CPA');
    expect(reordered.at(-1)!.name).toBe('Paiaguás → Av. Rubens de Mendonça');

    // Live: the route camera yes (same token route as operators, single and batch), off the route no.
    const granted = await okOf(officer, live);
    expect(granted).toMatchObject({ ok: true, cameraId: live });
    expect(granted.token.url).toBe(`ws://127.0.0.1:9/live/${live}`);
    expect((await as(officer).post(`/api/live/${live}/token`, { nonceHash: hash() })).statusCode).toBe(200);
    expect(await okOf(officer, offRoute)).toMatchObject({ ok: false, status: 404 });
    expect((await as(officer).get(`/api/cameras/${live}/privacy-masks`)).statusCode).toBe(200);
    expect((await as(officer).get(`/api/cameras/${offRoute}/privacy-masks`)).statusCode).toBe(404);
    // Playback of the last minutes: from the mission's start only, audited like any playback.
    const started = testClock.now().getTime(); // the mission started on the platform clock
    const pb = await as(officer).post(`/api/playback/${live}/token`, {
      nonceHash: hash(),
      from: new Date(started + 60_000).toISOString(),
      reason: 'Mosaico da rota: revisão dos últimos minutos',
    });
    expect(pb.statusCode, pb.body).toBe(200);
    const audited = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'playback.started'));
    expect(audited.some((r) => r.targetId === live && r.actorLabel === c.otherOfficer.email)).toBe(true);
    const before = await as(officer).post(`/api/playback/${live}/token`, {
      nonceHash: hash(),
      from: new Date(started - 60_000).toISOString(),
      reason: 'Antes do início da missão',
    });
    expect(before.statusCode).toBe(404);

    // Another mission: 404 on its mosaic; the requester and the superior do not watch; nor do operators and partners.
    expect((await as(officer).get(`${m(b)}/route-mosaic`)).statusCode).toBe(404);
    expect((await as(c.superior.session).get(`${m(a)}/route-mosaic`)).statusCode).toBe(403);
    expect(await okOf(c.superior.session, live)).toMatchObject({ ok: false, status: 404 });
    expect(await okOf(c.bystander.session, live)).toMatchObject({ ok: false, status: 404 });
    const operator = await staff(ctx.app, ctx.t.database, ['operator']);
    const partner = await staff(ctx.app, ctx.t.database, ['partner_user']);
    for (const s of [operator, partner]) expect((await as(s).get(`${m(a)}/route-mosaic`)).statusCode).toBe(403);
    // (an operator's own view scope is statewide: what it may watch does not come from the mission)

    // After the report and closure: nothing any more, even for the coordination.
    const co = as(c.coord.session);
    expect(
      (await co.post(`${m(a)}/report`, { text: 'Missão cumprida sem incidentes; autoridade conduzida ao Fórum e de volta.' })).statusCode,
    ).toBe(200);
    expect(await okOf(officer, live)).toMatchObject({ ok: false, status: 404 });
    expect((await co.post(`${m(a)}/close`, { reason: 'Relatório aprovado pela coordenação.' })).statusCode).toBe(200);
    for (const s of [officer, c.coord.session]) expect(await okOf(s, live)).toMatchObject({ ok: false, status: 404 });
    expect((await co.get(`${m(a)}/route-mosaic`)).statusCode).toBe(409);
    expect((await as(officer).get(`${m(a)}/route-mosaic`)).statusCode).toBe(404);
    expect((await as(officer).get(`/api/cameras/${live}/privacy-masks`)).statusCode).toBe(404);
  });
});

describe('Reference list of hospitals, police and fire units along the route', () => {
  const HEADER = 'Tipo *;Nome *;Endereço *;Município *;Telefone;Latitude *;Longitude *;Fonte *';
  const csv = (...lines: string[]) => Buffer.from(`\ufeff${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
  const importAs = (s: Session, data: Buffer) => {
    const mp = multipart({ name: 'apoio.csv', data, type: 'text/csv' });
    return ctx.app.inject({
      method: 'POST',
      url: `${P}/reference-places/import`,
      headers: { ...authHeaders(s), ...mp.headers },
      payload: mp.payload,
    });
  };
  const places = () => ctx.t.database.db.select().from(protectionReferencePlaces);

  it('the template downloads as CSV and XLSX; an invalid file is refused whole with a stable code and every problem in pt-BR', async () => {
    const t = await as(c.admin).get(`${P}/reference-places/template?format=csv`);
    expect(t.statusCode).toBe(200);
    expect(t.body.replace('\ufeff', '').trim()).toBe(HEADER);
    const x = await as(c.coord.session).get(`${P}/reference-places/template?format=xlsx`);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await places()).toEqual([]); // the platform ships an empty list

    const bad = await importAs(
      c.admin,
      csv(
        'Hospital;Pronto-Socorro Municipal (teste);Rua A, 1;Cuiabá;;-15.5852;-56.0862;Teste',
        'Farmácia;Drogaria (teste);Rua B, 2;Cuiabá;;-15.59;-56.09;Teste',
        'Polícia;;Rua C, 3;Cuiabá;;-23.55;-46.63;Teste',
        'Bombeiros;Quartel (teste);Rua D, 4;Atlântida;;abc;-56.09;',
        'Polícia;Delegacia (teste);Rua E, 5;Cuiabá;;=1+1;-56.09;Teste',
      ),
    );
    expect(bad.statusCode, bad.body).toBe(422);
    const err = bad.json().error;
    expect(err.code).toBe('PROTECTION_REFERENCE_IMPORT_INVALID');
    expect(err.message).toMatch(/nada foi importado/);
    expect(err.details.map((d: { path: string }) => d.path)).toEqual([
      'row.3.kind',
      'row.4.name',
      'row.4.latitude',
      'row.5.municipality',
      'row.5.latitude',
      'row.5.source',
      'row.6.latitude',
    ]);
    expect(err.details[0].message).toBe('Linha 3, coluna "Tipo": use "Hospital", "Polícia" ou "Bombeiros".');
    expect(err.details[2].message).toBe('Linha 4: o ponto (latitude, longitude) fica fora de Mato Grosso.');
    expect(await places()).toEqual([]); // no partial write

    const noSource = await importAs(
      c.admin,
      Buffer.from('Tipo;Nome;Endereço;Município;Latitude;Longitude\r\nHospital;X;Y;Cuiabá;-15.6;-56.1\r\n'),
    );
    expect(noSource.json().error.details).toEqual([{ path: 'header.source', message: 'Coluna "Fonte" não encontrada no cabeçalho.' }]);
    expect((await importAs(c.coord.session, csv())).statusCode).toBe(403); // configuration is the administrators'
  });

  it('an import replaces the list; the mission page and the plan list the units within the plan distance per leg and venue', async () => {
    const ok = await importAs(
      c.admin,
      csv(
        'Hospital;Hospital de teste da avenida;Av. Rubens de Mendonça, 10;Cuiabá;(65) 3000-0001;-15.5860;-56.0870;Fonte de teste',
        'Polícia;Delegacia de teste do Fórum;Rua do Fórum, 1;Cuiabá;;-15.6015;-56.0985;Fonte de teste',
        'Bombeiros;Quartel de teste distante;Rua longe, 9;Várzea Grande;;-15.70;-56.20;Fonte de teste',
      ),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 3 });
    expect((await as(c.coord.session).get(`${P}/reference-places`)).json().places.map((p: { name: string }) => p.name)).toHaveLength(3);

    const id = await missionAt(ctx.app, c, 'planning', { codeName: 'SABIÁ' });
    const co = as(c.coord.session);
    const d = (await co.put(`${m(id)}/plan`, { ...completePlan(), supportDistanceMeters: 500 })).json();
    const leg = d.support.find((s: { name: string }) => s.name.startsWith('Paiaguás'));
    const venue = d.support.find((s: { kind: string }) => s.kind === 'venue');
    expect(leg.places.map((p: { name: string }) => p.name)).toContain('Hospital de teste da avenida');
    expect(venue.places.map((p: { name: string }) => p.name)).toEqual(['Delegacia de teste do Fórum']);
    expect(d.support.flatMap((s: { places: { name: string }[] }) => s.places.map((p) => p.name))).not.toContain(
      'Quartel de teste distante',
    );
    await co.put(`${m(id)}/vehicles`, { vehicles });
    await co.post(`${m(id)}/level`, levelBody(3));
    const issued = await co.post(`${m(id)}/plan/issue`, {});
    expect(issued.statusCode, issued.body).toBe(200);
    const plan = (await ctx.t.database.db.select().from(protectionActs).where(eq(protectionActs.missionId, id))).find(
      (a) => a.kind === 'action_plan',
    );
    expect(JSON.stringify(plan!.content)).toContain('Unidade policial: Delegacia de teste do Fórum (Rua do Fórum, 1');
    expect(JSON.stringify(plan!.content)).not.toContain('Quartel de teste distante');

    // A second import replaces the list (not appends).
    expect((await importAs(c.admin, csv('Bombeiros;Quartel único;Rua 1;Cuiabá;;-15.6;-56.1;Fonte'))).json()).toEqual({ imported: 1 });
    expect((await places()).map((p) => p.name)).toEqual(['Quartel único']);
  });
});
