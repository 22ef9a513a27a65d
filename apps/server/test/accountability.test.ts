import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { accountabilityReports } from '../src/db/tables/accountability.js';
import { cooperationTerms } from '../src/db/tables/accreditation.js';
import { openFinalReports } from '../src/modules/accountability/accountability.service.js';
import { systemActor } from '../src/modules/audit/audit.service.js';
import { api, JPEG, partnerFor, uploadId } from './accreditation.fixtures.js';
import { useTestApp } from './helpers/app.js';
import { endTerm, noonInCuiaba, resetClock, setClock, testClock, world } from './loans.fixtures.js';

const ctx = useTestApp();
afterEach(resetClock);

describe('Art. 19 §1 — 90 days after the cooperation ends', () => {
  it('opens the final report due 90 days after the end, once', async () => {
    const w = await world(ctx.app, ctx.t.database);
    await endTerm(ctx.t.database, w.term.id, new Date('2026-10-15T15:00:00Z'));
    await openFinalReports(ctx.t.database.db, testClock, systemActor('test'), 1000);
    await openFinalReports(ctx.t.database.db, testClock, systemActor('test'), 1000);
    const rows = await ctx.t.database.db.select().from(accountabilityReports).where(eq(accountabilityReports.termId, w.term.id));
    expect(rows).toMatchObject([{ kind: 'final', dueOn: '2027-01-13', status: 'pending' }]);
    const list = (await w.partnerApi.get('/api/accountability/reports')).json().reports;
    expect(list[0]).toMatchObject({ kind: 'final', dueOn: '2027-01-13' });
  });
});

describe('Art. 19 — report prefilled with the platform facts, then reviewed', () => {
  it('is prefilled ("não medido" without health data), completed with photos, submitted and approved with an act', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const req = await w.committee.post('/api/accountability/reports', {
      termId: w.term.id,
      kind: 'requested',
      dueOn: '2027-02-01',
      reason: 'Prestação de contas semestral.',
    });
    expect(req.statusCode).toBe(200);
    const r = req.json();
    expect(r.facts.uptime).toMatchObject({ measured: false, label: 'não medido' });
    expect(r.facts.cameras).toMatchObject({ total: 0 });
    expect((await w.partnerApi.post(`/api/accountability/reports/${r.id}/submit`)).json().error.code).toBe('REPORT_INCOMPLETE');
    const photo = await uploadId(ctx.app, w.session, JPEG, 'foto.jpg');
    const pdf = await uploadId(ctx.app, w.session);
    expect(
      (await w.partnerApi.put(`/api/accountability/reports/${r.id}`, { activities: 'x', results: 'y', photoFileIds: [pdf] })).json().error
        .code,
    ).toBe('FILE_TYPE_NOT_ALLOWED');
    const saved = await w.partnerApi.put(`/api/accountability/reports/${r.id}`, {
      activities: 'Monitoramento da praça e da avenida principal, 24 horas.',
      results: 'Duas ocorrências esclarecidas com as imagens.',
      photoFileIds: [photo],
    });
    expect(saved.statusCode).toBe(200);
    const sub = await w.partnerApi.post(`/api/accountability/reports/${r.id}/submit`);
    expect(sub.json()).toMatchObject({ status: 'submitted' });
    const ok = await w.committee.post(`/api/accountability/reports/${r.id}/review`, { decision: 'approve', reasons: '' });
    expect(ok.json()).toMatchObject({ status: 'approved' });
    expect(ok.json().documents.map((d: { kind: string }) => d.kind)).toEqual(
      expect.arrayContaining(['accountability_report', 'accountability_approved']),
    );
    const photoRes = await w.partnerApi.get(`/api/accountability/reports/${r.id}/files/${photo}`);
    expect(photoRes.statusCode).toBe(200);
  });

  it('Art. 19 §3–4 — rejection with reasons ends the cooperation and opens a sanction process', async () => {
    const w = await world(ctx.app, ctx.t.database);
    setClock(noonInCuiaba('2026-11-12'));
    const r = (
      await w.committee.post('/api/accountability/reports', {
        termId: w.term.id,
        kind: 'special_audit',
        dueOn: '2026-12-01',
        reason: 'Indícios de uso indevido.',
      })
    ).json();
    await w.partnerApi.put(`/api/accountability/reports/${r.id}`, {
      activities: 'Câmeras instaladas em área interna da empresa.',
      results: 'Nenhum resultado relatado.',
      photoFileIds: [],
    });
    await w.partnerApi.post(`/api/accountability/reports/${r.id}/submit`);
    expect((await w.committee.post(`/api/accountability/reports/${r.id}/review`, { decision: 'reject', reasons: '' })).statusCode).toBe(
      400,
    );
    const rej = await w.committee.post(`/api/accountability/reports/${r.id}/review`, {
      decision: 'reject',
      reasons: 'Câmeras voltadas para área privada: mau uso.',
      endCooperation: true,
      openSanction: true,
    });
    expect(rej.statusCode).toBe(200);
    expect(rej.json()).toMatchObject({ status: 'rejected', sanctionProcessId: expect.any(String) });
    const [t] = await ctx.t.database.db.select().from(cooperationTerms).where(eq(cooperationTerms.id, w.term.id));
    expect(t!.status).toBe('ended');
    const s = (await w.partnerApi.get(`/api/sanctions/${rej.json().sanctionProcessId}`)).json();
    expect(s).toMatchObject({ status: 'notified', defenceDueOn: '2026-11-27' });
  });

  it('scope: another partner gets 404; the partner cannot review', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const r = (
      await w.committee.post('/api/accountability/reports', {
        termId: w.term.id,
        kind: 'requested',
        dueOn: '2027-02-01',
        reason: 'Prestação de contas semestral.',
      })
    ).json();
    const x = api(ctx.app, (await partnerFor(ctx.app, 'company')).session);
    expect((await x.get(`/api/accountability/reports/${r.id}`)).statusCode).toBe(404);
    expect((await x.put(`/api/accountability/reports/${r.id}`, { activities: 'a', results: 'b', photoFileIds: [] })).statusCode).toBe(404);
    expect((await w.partnerApi.post(`/api/accountability/reports/${r.id}/review`, { decision: 'approve', reasons: '' })).statusCode).toBe(
      403,
    );
  });
});
