import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { cooperationTerms } from '../src/db/tables/accreditation.js';
import { deadlineFrom } from '../src/modules/calendar/business-days.js';
import { CUIABA_IBGE } from '../src/modules/reference/municipalities.js';
import { api, partnerFor } from './accreditation.fixtures.js';
import { useTestApp } from './helpers/app.js';
import { activeTerm, noonInCuiaba, resetClock, setClock, world } from './loans.fixtures.js';

const ctx = useTestApp();
afterEach(resetClock);
const FACTS = 'Câmeras cedidas desligadas há mais de 60 dias, sem comunicação à SESP.';

describe('Art. 30 §1 — defence within 10 business days', () => {
  // Received Thu 12 Nov 2026: Fri 13 (1) · weekend · Mon 16–Thu 19 (2–5) · Fri 20 Nov holiday (Consciência Negra) · Mon 23–Fri 27 (6–10)
  it('counts across a weekend and a holiday: due on 27 Nov 2026', () => {
    expect(deadlineFrom('2026-11-12', 10, { municipalityIbge: CUIABA_IBGE })).toBe('2026-11-27');
  });

  it('a defence filed on the 10th business day is accepted', async () => {
    const w = await world(ctx.app, ctx.t.database);
    setClock(noonInCuiaba('2026-11-12'));
    const opened = await w.committee.post('/api/sanctions', { termId: w.term.id, facts: FACTS });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ receivedOn: '2026-11-12', defenceDueOn: '2026-11-27', status: 'notified' });
    expect(opened.json().documents.map((d: { kind: string }) => d.kind)).toContain('sanction_notification');
    // the decision waits for the defence (prior defence guaranteed)
    expect(
      (
        await w.committee.post(`/api/sanctions/${opened.json().id}/decide`, {
          decision: 'warning',
          reasons: 'Fatos comprovados pela vistoria.',
        })
      ).json().error.code,
    ).toBe('SANCTION_DEFENCE_RUNNING');
    setClock('2026-11-28T03:30:00Z'); // 23:30 on 27 Nov in Cuiabá
    const filed = await w.partnerApi.post(`/api/sanctions/${opened.json().id}/defence`, {
      text: 'As câmeras foram religadas; houve falha de energia.',
    });
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'defence_filed' });
  });

  it('a defence filed on the 11th business day is refused as late (and the attempt is recorded)', async () => {
    const w = await world(ctx.app, ctx.t.database);
    setClock(noonInCuiaba('2026-11-12'));
    const opened = (await w.committee.post('/api/sanctions', { termId: w.term.id, facts: FACTS })).json();
    setClock(noonInCuiaba('2026-11-30')); // Monday, 11th business day
    const late = await w.partnerApi.post(`/api/sanctions/${opened.id}/defence`, { text: 'Defesa apresentada depois do prazo.' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'SANCTION_DEFENCE_LATE', message: expect.stringContaining('27/11/2026') });
    // after the deadline the committee may decide without a defence
    const decided = await w.committee.post(`/api/sanctions/${opened.id}/decide`, {
      decision: 'warning',
      reasons: 'Sem defesa no prazo; fatos comprovados.',
    });
    expect(decided.json()).toMatchObject({ status: 'decided', decision: 'warning' });
    expect(decided.json().documents.map((d: { kind: string }) => d.kind)).toContain('sanction_decision');
  });
});

describe('Art. 30 — suspension capped at 2 years', () => {
  it('refuses more than 24 months, accepts 24, and the suspension bans new applications', async () => {
    const w = await world(ctx.app, ctx.t.database);
    setClock(noonInCuiaba('2026-11-12'));
    const opened = (await w.committee.post('/api/sanctions', { termId: w.term.id, facts: FACTS })).json();
    setClock(noonInCuiaba('2026-12-01'));
    const tooLong = await w.committee.post(`/api/sanctions/${opened.id}/decide`, {
      decision: 'suspension',
      suspensionMonths: 25,
      reasons: 'Reincidência grave comprovada.',
    });
    expect(tooLong.json().error.code).toBe('SANCTION_SUSPENSION_TOO_LONG');
    const ok = await w.committee.post(`/api/sanctions/${opened.id}/decide`, {
      decision: 'suspension',
      suspensionMonths: 24,
      reasons: 'Reincidência grave comprovada.',
    });
    expect(ok.json()).toMatchObject({ decision: 'suspension', suspensionEndsOn: '2028-11-30' });
    const blocked = await w.partnerApi.post('/api/accreditation/applications', { propertyOwnership: 'own' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('PARTNER_SUSPENDED');
  });
});

describe('Art. 30 §2–3 — 5-year limitation and its interruption', () => {
  async function presentReportOn(w: Awaited<ReturnType<typeof world>>, termId: string, date: string) {
    setClock(noonInCuiaba(date));
    const req = (
      await w.committee.post('/api/accountability/reports', {
        termId,
        kind: 'requested',
        dueOn: '2030-01-01',
        reason: 'Prestação de contas anual solicitada.',
      })
    ).json();
    await w.partnerApi.put(`/api/accountability/reports/${req.id}`, {
      activities: 'Monitoramento contínuo da praça central.',
      results: 'Câmeras em operação.',
      photoFileIds: [],
    });
    const sub = await w.partnerApi.post(`/api/accountability/reports/${req.id}/submit`);
    expect(sub.statusCode).toBe(200);
  }

  it('refuses a sanction time-barred 5 years after the accountability report', async () => {
    const w = await world(ctx.app, ctx.t.database);
    await presentReportOn(w, w.term.id, '2020-03-02');
    setClock(noonInCuiaba('2025-03-03'));
    const res = await w.committee.post('/api/sanctions', { termId: w.term.id, facts: FACTS });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SANCTION_TIME_BARRED');
  });

  it('an investigating act (special audit) interrupts it: the count restarts from the act', async () => {
    const w = await world(ctx.app, ctx.t.database);
    await presentReportOn(w, w.term.id, '2020-03-02');
    setClock(noonInCuiaba('2024-06-10'));
    expect(
      (
        await w.committee.post('/api/accountability/reports', {
          termId: w.term.id,
          kind: 'special_audit',
          dueOn: '2024-08-10',
          reason: 'Indícios de irregularidade na execução.',
        })
      ).statusCode,
    ).toBe(200);
    setClock(noonInCuiaba('2025-03-03'));
    const res = await w.committee.post('/api/sanctions', { termId: w.term.id, facts: FACTS });
    expect(res.statusCode).toBe(200);
    // the notification itself is an investigating act too: the count now restarts from it
    expect(res.json().limitation).toMatchObject({
      startsOn: '2020-03-02',
      interruptedOn: '2025-03-03',
      endsOn: '2030-03-03',
      timeBarred: false,
    });
  });
});

describe('Art. 29 — revocation by the Secretary (admin) for supervening public interest', () => {
  it('ends the cooperation with reasons and issues the act; the committee may not revoke', async () => {
    const w = await world(ctx.app, ctx.t.database);
    expect(
      (await w.committee.post('/api/sanctions/revocations', { termId: w.term.id, reasons: 'Desativação do espaço público monitorado.' }))
        .statusCode,
    ).toBe(403);
    const res = await w.admin.post('/api/sanctions/revocations', {
      termId: w.term.id,
      reasons: 'Desativação do espaço público monitorado.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().documents[0]).toMatchObject({ kind: 'revocation' });
    const [t] = await ctx.t.database.db.select().from(cooperationTerms).where(eq(cooperationTerms.id, w.term.id));
    expect(t).toMatchObject({ status: 'ended', endReason: expect.stringContaining('art. 29') });
  });
});

describe('sanctions — scope (IDOR)', () => {
  it('another partner gets 404 for the process and cannot file a defence', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const opened = (await w.committee.post('/api/sanctions', { termId: w.term.id, facts: FACTS })).json();
    const intruder = await partnerFor(ctx.app, 'company');
    await activeTerm(ctx.t.database, intruder.partner.id);
    const x = api(ctx.app, intruder.session);
    expect((await x.get(`/api/sanctions/${opened.id}`)).statusCode).toBe(404);
    expect((await x.post(`/api/sanctions/${opened.id}/defence`, { text: 'Defesa de terceiro indevida.' })).statusCode).toBe(404);
    expect((await x.get('/api/sanctions')).json().sanctions).toEqual([]);
    expect((await x.get(`/api/sanctions/scorecard?partnerId=${w.partner.id}`)).statusCode).toBe(404);
  });
});
