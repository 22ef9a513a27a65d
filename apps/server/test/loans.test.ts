import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { accountabilityReports } from '../src/db/tables/accountability.js';
import { auditEvents } from '../src/db/tables/audit.js';
import { equipmentLoans } from '../src/db/tables/loans.js';
import { complianceCases } from '../src/db/tables/sanctions.js';
import { checkInstallation } from '../src/modules/loans/installation.sweep.js';
import { api, partnerFor, staff, uploadId } from './accreditation.fixtures.js';
import { useTestApp } from './helpers/app.js';
import {
  allMails,
  cameraWithVideo,
  endTerm,
  mailsTo,
  newAsset,
  nextPickupDay,
  noonInCuiaba,
  pickedUpLoan,
  resetClock,
  setClock,
  testClock,
  world,
} from './loans.fixtures.js';

const ctx = useTestApp();
afterEach(resetClock);

describe('equipment loan — asset stock to pickup (Art. 17, guide §03)', () => {
  it('reserves stock for an active cooperation, issues the loan term, schedules and records the pickup with the responsibility term', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const a = await newAsset(w.committee);
    const created = await w.committee.post('/api/loans', { termId: w.term.id, assetIds: [a.id] });
    expect(created.statusCode).toBe(200);
    const loan = created.json();
    expect(loan.items[0]).toMatchObject({ serial: a.serial, assetStatus: 'reserved' });
    expect(loan.documents.map((d: { kind: string }) => d.kind)).toContain('loan_term');
    // the same asset cannot be lent twice
    expect((await w.committee.post('/api/loans', { termId: w.term.id, assetIds: [a.id] })).json().error.code).toBe('ASSET_NOT_AVAILABLE');
    // someone else than the legal representative needs a signed authorisation
    const other = { pickupOn: nextPickupDay(), personName: 'João Portador', personCpf: '529.982.247-25' };
    expect((await w.partnerApi.post(`/api/loans/${loan.id}/pickup-schedule`, other)).json().error.code).toBe(
      'PICKUP_AUTHORISATION_REQUIRED',
    );
    const auth = await uploadId(ctx.app, w.session);
    const sched = await w.partnerApi.post(`/api/loans/${loan.id}/pickup-schedule`, { ...other, authorisationFileId: auth });
    expect(sched.statusCode).toBe(200);
    expect(sched.json()).toMatchObject({ status: 'pickup_scheduled', pickupPlace: expect.stringContaining('Cuiabá') });
    const picked = await w.committee.post(`/api/loans/${loan.id}/pickup`, {});
    expect(picked.statusCode).toBe(200);
    expect(picked.json()).toMatchObject({ status: 'active', installationStatus: 'pending', items: [{ assetStatus: 'lent' }] });
    expect(picked.json().documents.map((d: { kind: string }) => d.kind)).toEqual(
      expect.arrayContaining(['responsibility_term', 'loan_term']),
    );
    const history = (await w.committee.get(`/api/loans/assets/${a.id}`)).json().history.map((h: { toStatus: string }) => h.toStatus);
    expect(history).toEqual(['lent', 'reserved', 'in_stock']);
  });

  it('refuses a loan for a cooperation that is not active', async () => {
    const w = await world(ctx.app, ctx.t.database);
    await endTerm(ctx.t.database, w.term.id, new Date());
    const a = await newAsset(w.committee);
    expect((await w.committee.post('/api/loans', { termId: w.term.id, assetIds: [a.id] })).json().error.code).toBe(
      'COOPERATION_NOT_ACTIVE',
    );
  });
});

describe('Art. 18 §4 — loan up to 5 years, renewed automatically while the cooperation continues', () => {
  it('renews each 5-year period while the cooperation is active; once it ends, no renewal and the return is due', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const { id } = await pickedUpLoan(w, 1, '2020-03-10');
    const active = (await w.partnerApi.get(`/api/loans/${id}`)).json();
    expect(active).toMatchObject({ currentPeriodEndsOn: '2030-03-09', renewals: 1, returnDue: false });
    await endTerm(ctx.t.database, w.term.id, new Date());
    const ended = (await w.partnerApi.get(`/api/loans/${id}`)).json();
    expect(ended).toMatchObject({ currentPeriodEndsOn: '2025-03-09', renewals: 0, returnDue: true });
    // return at the end of the cooperation with the condition checked
    const ret = await w.committee.post(`/api/loans/${id}/return`, { items: [{ assetId: ended.items[0].assetId, condition: 'good' }] });
    expect(ret.statusCode).toBe(200);
    expect(ret.json()).toMatchObject({ status: 'returned', items: [{ assetStatus: 'returned', returnCondition: 'good' }] });
    expect(ret.json().documents.map((d: { kind: string }) => d.kind)).toContain('return_term');
  });
});

describe('guide §04 — 90-day installation deadline and reminders', () => {
  it('reminds at 30, 60 and 80 days, then the first video of every lent camera closes the deadline and opens the installation report', async () => {
    setClock(noonInCuiaba('2026-11-02'));
    const w = await world(ctx.app, ctx.t.database);
    const { id, assets } = await pickedUpLoan(w, 2, '2026-11-02');
    expect((await w.partnerApi.get(`/api/loans/${id}`)).json()).toMatchObject({ installationDueOn: '2027-01-31' });
    const partnerMail = w.body.email as string;
    const reminders = async () => (await mailsTo(ctx.t.database, partnerMail)).filter((m) => m.subject.includes('lembrete')).length;

    setClock(noonInCuiaba('2026-12-01')); // day 29
    await checkInstallation(ctx.t.database.db, testClock, id);
    expect(await reminders()).toBe(0);
    setClock(noonInCuiaba('2026-12-02')); // day 30
    await checkInstallation(ctx.t.database.db, testClock, id);
    await checkInstallation(ctx.t.database.db, testClock, id); // idempotent
    expect(await reminders()).toBe(1);
    setClock(noonInCuiaba('2027-01-22')); // day 81: 60 and 80 due
    await checkInstallation(ctx.t.database.db, testClock, id);
    expect(await reminders()).toBe(3);
    expect((await w.partnerApi.get(`/api/loans/${id}`)).json().remindersSent).toEqual([30, 60, 80]);

    // one camera delivers video: not yet met
    await cameraWithVideo(ctx.t.database, w.partner.id, assets[0]!.serial, new Date('2027-01-20T15:00:00Z'));
    await checkInstallation(ctx.t.database.db, testClock, id);
    expect((await w.partnerApi.get(`/api/loans/${id}`)).json().installationStatus).toBe('pending');
    await cameraWithVideo(ctx.t.database, w.partner.id, assets[1]!.serial, new Date('2027-01-22T14:00:00Z'));
    await checkInstallation(ctx.t.database.db, testClock, id);
    const met = (await w.partnerApi.get(`/api/loans/${id}`)).json();
    expect(met).toMatchObject({ installationStatus: 'met', installationMetAt: '2027-01-22T14:00:00.000Z' });
    expect(met.items.every((i: { firstVideoAt: string | null }) => i.firstVideoAt)).toBe(true);
    const reports = await ctx.t.database.db.select().from(accountabilityReports).where(eq(accountabilityReports.sourceLoanId, id));
    expect(reports).toMatchObject([{ kind: 'installation', status: 'pending' }]);
  });

  it('a missed deadline opens a case for the committee (once)', async () => {
    setClock(noonInCuiaba('2026-09-01'));
    const w = await world(ctx.app, ctx.t.database);
    const { id } = await pickedUpLoan(w, 1, '2026-09-01');
    setClock(noonInCuiaba('2026-11-30')); // due 2026-11-30: still running
    await checkInstallation(ctx.t.database.db, testClock, id);
    expect((await ctx.t.database.db.select().from(equipmentLoans).where(eq(equipmentLoans.id, id)))[0]!.installationStatus).toBe('pending');
    setClock(noonInCuiaba('2026-12-01'));
    await checkInstallation(ctx.t.database.db, testClock, id);
    await checkInstallation(ctx.t.database.db, testClock, id);
    const cases = await ctx.t.database.db.select().from(complianceCases).where(eq(complianceCases.subjectId, id));
    expect(cases).toMatchObject([{ kind: 'installation_deadline_missed', status: 'open' }]);
    expect((await w.committee.get('/api/sanctions/cases')).json().cases.some((c: { subjectId: string }) => c.subjectId === id)).toBe(true);
  });
});

describe('Art. 18 §1–3 — incidents', () => {
  it('§1 theft needs the police report number and is communicated at once to SESP/CIOSP by e-mail', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const { id, assets } = await pickedUpLoan(w);
    const base = {
      assetId: assets[0]!.id,
      kind: 'theft',
      occurredOn: '2026-11-20',
      description: 'Câmera arrancada do poste durante a madrugada.',
    };
    const without = await w.partnerApi.post(`/api/loans/${id}/incidents`, base);
    expect(without.statusCode).toBe(400);
    expect(JSON.stringify(without.json())).toContain('boletim de ocorrência');
    const before = (await allMails(ctx.t.database)).length;
    const res = await w.partnerApi.post(`/api/loans/${id}/incidents`, { ...base, policeReportNumber: 'BO 2026.123456' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'theft', status: 'open', policeReportNumber: 'BO 2026.123456' });
    const mails = (await allMails(ctx.t.database)).slice(before);
    expect(mails.some((m) => m.text.includes('BO 2026.123456'))).toBe(true);
    expect((await w.committee.get(`/api/loans/assets/${assets[0]!.id}`)).json().status).toBe('stolen');
    const audit = await ctx.t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'equipment_incident.reported'));
    expect(audit.some((a) => a.targetId === res.json().id)).toBe(true);
  });

  it('§2 damage by the partner is a repair obligation tracked to closure', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const { id, assets } = await pickedUpLoan(w);
    const inc = await w.partnerApi.post(`/api/loans/${id}/incidents`, {
      assetId: assets[0]!.id,
      kind: 'partner_damage',
      occurredOn: '2026-11-19',
      description: 'Lente trincada na manutenção do poste.',
    });
    expect(inc.json()).toMatchObject({ status: 'repair_pending' });
    const closed = await w.committee.post(`/api/loans/incidents/${inc.json().id}/close`, {
      resolution: 'Reparo feito pelo parceiro e conferido pela SESP.',
      assetOutcome: 'back_in_service',
    });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await w.committee.get(`/api/loans/assets/${assets[0]!.id}`)).json().status).toBe('lent');
  });

  it('§3 warranty defect → replacement with the new serial linked', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const { id, assets } = await pickedUpLoan(w);
    const inc = await w.partnerApi.post(`/api/loans/${id}/incidents`, {
      assetId: assets[0]!.id,
      kind: 'warranty_defect',
      occurredOn: '2026-11-19',
      description: 'Câmera reinicia sozinha a cada 5 minutos.',
    });
    expect(inc.statusCode).toBe(200);
    const fresh = await newAsset(w.committee);
    const rep = await w.committee.post(`/api/loans/incidents/${inc.json().id}/replace`, { newAssetId: fresh.id });
    expect(rep.statusCode).toBe(200);
    expect(rep.json()).toMatchObject({ status: 'closed', replacementSerial: fresh.serial });
    const loan = (await w.partnerApi.get(`/api/loans/${id}`)).json();
    const newItem = loan.items.find((i: { serial: string }) => i.serial === fresh.serial);
    const oldItem = loan.items.find((i: { serial: string }) => i.serial === assets[0]!.serial);
    expect(newItem).toMatchObject({ active: true, assetStatus: 'lent', replacesItemId: oldItem.id });
    expect(oldItem).toMatchObject({ active: false });
    expect(loan.documents.map((d: { kind: string }) => d.kind)).toContain('warranty_replacement');
  });

  it('§3 refuses the replacement when the warranty had ended', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const old = await newAsset(w.committee, '2026-01-01');
    const loan = (await w.committee.post('/api/loans', { termId: w.term.id, assetIds: [old.id] })).json();
    await w.partnerApi.post(`/api/loans/${loan.id}/pickup-schedule`, {
      pickupOn: nextPickupDay(),
      personName: 'Maria',
      personCpf: w.repCpf,
    });
    await w.committee.post(`/api/loans/${loan.id}/pickup`, {});
    const inc = await w.partnerApi.post(`/api/loans/${loan.id}/incidents`, {
      assetId: old.id,
      kind: 'warranty_defect',
      occurredOn: '2026-11-19',
      description: 'Defeito após o fim da garantia.',
    });
    const fresh = await newAsset(w.committee);
    expect((await w.committee.post(`/api/loans/incidents/${inc.json().id}/replace`, { newAssetId: fresh.id })).json().error.code).toBe(
      'WARRANTY_EXPIRED',
    );
  });
});

describe('loans — scope (IDOR)', () => {
  it('another partner gets 404 for a loan, its schedule and its incidents; a manager without adhesion partners sees none', async () => {
    const w = await world(ctx.app, ctx.t.database);
    const { id, assets } = await pickedUpLoan(w);
    const intruder = await partnerFor(ctx.app, 'company');
    const x = api(ctx.app, intruder.session);
    expect((await x.get(`/api/loans/${id}`)).statusCode).toBe(404);
    expect(
      (
        await x.post(`/api/loans/${id}/pickup-schedule`, {
          pickupOn: nextPickupDay(),
          personName: 'Fulano de Tal',
          personCpf: '529.982.247-25',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await x.post(`/api/loans/${id}/incidents`, {
          assetId: assets[0]!.id,
          kind: 'partner_damage',
          occurredOn: '2026-11-19',
          description: 'tentativa de acesso indevido',
        })
      ).statusCode,
    ).toBe(404);
    expect((await x.get('/api/loans')).json().loans).toEqual([]);
    expect((await x.get('/api/loans/incidents')).json().incidents).toEqual([]);
    const manager = api(ctx.app, await staff(ctx.app, ctx.t.database, ['municipal_manager'], { municipalityIbge: '5107909' }));
    expect((await manager.get(`/api/loans/${id}`)).statusCode).toBe(404);
  });
});
