import { describe, expect, it } from 'vitest';
import { api, JPEG, partnerFor, staff, uploadId } from './accreditation.fixtures.js';
import { useTestApp } from './helpers/app.js';
import { world } from './loans.fixtures.js';

const ctx = useTestApp();
const allOk = {
  camera_working: 'ok',
  aimed_at_public_space: 'ok',
  weather_protection: 'ok',
  vandalism_protection: 'ok',
  signage_plate: 'ok',
};

describe('Art. 28 §1 — inspections', () => {
  it('an unannounced inspection stays hidden from the partner until recorded; findings with faults need a follow-up deadline', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const sched = await w.committee.post('/api/inspections', {
      termId: w.term.id,
      kind: 'unannounced',
      scheduledFor: '2026-12-03T13:00:00Z',
      place: 'Praça central',
    });
    expect(sched.statusCode).toBe(200);
    const id = sched.json().id;
    expect((await w.partnerApi.get('/api/inspections')).json().inspections).toEqual([]);
    expect((await w.partnerApi.get(`/api/inspections/${id}`)).statusCode).toBe(404);
    const committeeSession = await staff(ctx.app, ctx.t.database, ['committee_member']);
    const inspector = api(ctx.app, committeeSession);
    const photo = await uploadId(ctx.app, committeeSession, JPEG, 'vistoria.jpg');
    const faulty = { ...allOk, signage_plate: 'fault', vandalism_protection: 'fault' };
    const noDeadline = await inspector.post(`/api/inspections/${id}/record`, {
      checklist: faulty,
      findings: 'Placa não instalada; caixa sem proteção.',
      photoFileIds: [photo],
    });
    expect(noDeadline.statusCode).toBe(400);
    const rec = await inspector.post(`/api/inspections/${id}/record`, {
      checklist: faulty,
      findings: 'Placa não instalada; caixa sem proteção.',
      photoFileIds: [photo],
      followUpDueOn: '2027-01-15',
    });
    expect(rec.statusCode).toBe(200);
    expect(rec.json()).toMatchObject({ status: 'recorded', faults: 2, followUpDueOn: '2027-01-15' });
    expect(rec.json().documents[0]).toMatchObject({ kind: 'inspection_report' });
    const seen = (await w.partnerApi.get(`/api/inspections/${id}`)).json();
    expect(seen).toMatchObject({ faults: 2, findings: expect.stringContaining('Placa') });
    expect((await w.partnerApi.get(`/api/inspections/${id}/files/${photo}`)).statusCode).toBe(200);
    const closed = await inspector.post(`/api/inspections/${id}/follow-up/close`, { note: 'Placa instalada, foto recebida.' });
    expect(closed.json()).toMatchObject({ status: 'follow_up_closed' });
  });

  it('a scheduled inspection is announced and visible; other partners get 404', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const id = (
      await w.committee.post('/api/inspections', {
        termId: w.term.id,
        kind: 'scheduled',
        scheduledFor: '2026-12-03T13:00:00Z',
        place: 'Sede do parceiro',
      })
    ).json().id;
    expect((await w.partnerApi.get(`/api/inspections/${id}`)).statusCode).toBe(200);
    const x = api(ctx.app, (await partnerFor(ctx.app, 'company')).session);
    expect((await x.get(`/api/inspections/${id}`)).statusCode).toBe(404);
    expect(
      (await w.partnerApi.post(`/api/inspections/${id}/record`, { checklist: allOk, findings: 'auto-vistoria', photoFileIds: [] }))
        .statusCode,
    ).toBe(403);
  });
});
