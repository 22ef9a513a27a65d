import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween, deadlineFrom, isBusinessDay, nextBusinessDay } from '../src/modules/calendar/business-days.js';
import { easterSunday, holidaysForYear } from '../src/modules/calendar/holidays.js';
import { addDays, dayOfWeek, type LocalDate } from '../src/modules/calendar/local-date.js';
import { CUIABA_IBGE } from '../src/modules/reference/municipalities.js';
import { api, partnerFor, readyDraft, staff } from './accreditation.fixtures.js';
import { useTestApp } from './helpers/app.js';
import { resetClock, setClock } from './helpers/clock.js';
import { activeTerm, newAsset, nextPickupDay, noonInCuiaba, world } from './loans.fixtures.js';

/**
 * The date-sensitive flows (loans, obligations, accreditation deadlines, sanctions) run under a
 * fake "today" on awkward dates: the eve of every national, MT and Cuiabá holiday of this year and
 * the next, Carnaval week, 31 December and Fridays before long weekends. The dates come from the
 * platform's own calendar and only the platform clock moves (never the machine clock), so a
 * fixture that keeps a calendar of its own — the bug that failed the suite on 2026-12-07 — fails here.
 */

const CUIABA = { municipalityIbge: CUIABA_IBGE };
const A = '/api/accreditation';

function awkwardDates(): { date: LocalDate; why: string }[] {
  const year = Number(new Date().toISOString().slice(0, 4));
  const found = new Map<LocalDate, string>();
  const add = (date: LocalDate, why: string) => {
    if (!found.has(date)) found.set(date, why);
  };
  for (const y of [year, year + 1]) {
    const holidays = holidaysForYear(y, CUIABA).filter((h) => h.kind === 'public');
    for (const h of holidays) add(addDays(h.date, -1), `véspera de ${h.name}`);
    const easter = easterSunday(y);
    add(addDays(easter, -49), 'domingo de Carnaval');
    add(addDays(easter, -48), 'segunda-feira de Carnaval');
    add(addDays(easter, -47), 'terça-feira de Carnaval');
    add(addDays(easter, -46), 'Quarta-feira de Cinzas');
    add(`${y}-12-31`, '31 de dezembro');
    for (const h of holidays) {
      // A Monday holiday makes the Friday before it the last business day of a long weekend;
      // a Thursday holiday makes the Friday after it a bridge day.
      if (dayOfWeek(h.date) === 1) add(addDays(h.date, -3), `sexta-feira antes de ${h.name}`);
      if (dayOfWeek(h.date) === 4) add(addDays(h.date, 1), `sexta-feira depois de ${h.name}`);
    }
  }
  return [...found].map(([date, why]) => ({ date, why })).sort((a, b) => a.date.localeCompare(b.date));
}

const DATES = awkwardDates();
const ctx = useTestApp();
let w: Awaited<ReturnType<typeof world>>;
let committee: ReturnType<typeof api>;

beforeAll(async () => {
  w = await world(ctx.app, ctx.t.database);
  committee = api(ctx.app, await staff(ctx.app, ctx.t.database, ['committee_member']));
});
afterEach(resetClock);

describe('awkward dates: the platform clock on days around holidays', () => {
  it('covers at least 12 dates, each around a holiday, Carnaval or the year end', () => {
    expect(DATES.length).toBeGreaterThanOrEqual(12);
    expect(DATES.some((d) => d.why.includes('Carnaval'))).toBe(true);
    expect(DATES.some((d) => d.why.startsWith('sexta-feira'))).toBe(true);
  });

  describe.each(DATES)('today = $date ($why)', ({ date }) => {
    it('loans: the suggested pickup day is a Cuiabá business day, accepted, and the 90-day installation clock starts at pickup', async () => {
      setClock(noonInCuiaba(date));
      const pickupOn = nextPickupDay();
      expect(pickupOn > date).toBe(true);
      expect(isBusinessDay(pickupOn, CUIABA)).toBe(true);
      const asset = await newAsset(w.committee);
      const loan = await w.committee.post('/api/loans', { termId: w.term.id, assetIds: [asset.id] });
      expect(loan.statusCode, loan.body).toBe(200);
      expect(loan.json().firstPickupOn).toBe(pickupOn);
      const sched = await w.partnerApi.post(`/api/loans/${loan.json().id}/pickup-schedule`, {
        pickupOn,
        personName: 'Maria da Silva',
        personCpf: w.repCpf,
      });
      expect(sched.statusCode, sched.body).toBe(200);
      setClock(noonInCuiaba(pickupOn));
      const picked = await w.committee.post(`/api/loans/${loan.json().id}/pickup`, {});
      expect(picked.statusCode, picked.body).toBe(200);
      expect(picked.json()).toMatchObject({ pickedUpOn: pickupOn, installationDueOn: addDays(pickupOn, 90) });
    });

    it('sanctions (Art. 30 §1): the defence is due on the 10th Cuiabá business day, accepted until 23:59 that day, late the next business day', async () => {
      setClock(noonInCuiaba(date));
      const term = await activeTerm(ctx.t.database, w.partner.id, addDays(date, -200));
      const facts = 'Câmeras cedidas desligadas há mais de 60 dias, sem comunicação à SESP.';
      const onTime = await committee.post('/api/sanctions', { termId: term.id, facts });
      const late = await committee.post('/api/sanctions', { termId: term.id, facts });
      expect(onTime.statusCode, onTime.body).toBe(200);
      expect(late.statusCode, late.body).toBe(200);
      const due = onTime.json().defenceDueOn as LocalDate;
      expect(onTime.json().receivedOn).toBe(date);
      expect(due).toBe(deadlineFrom(date, 10, CUIABA));
      expect(isBusinessDay(due, CUIABA)).toBe(true);
      const deemed = isBusinessDay(date, CUIABA) ? date : nextBusinessDay(date, CUIABA);
      expect(businessDaysBetween(deemed, due, CUIABA)).toBe(10);

      setClock(`${addDays(due, 1)}T03:30:00Z`); // 23:30 on the due day in Cuiabá
      const filed = await w.partnerApi.post(`/api/sanctions/${onTime.json().id}/defence`, {
        text: 'As câmeras foram religadas após falha de energia.',
      });
      expect(filed.statusCode, filed.body).toBe(200);
      setClock(noonInCuiaba(nextBusinessDay(due, CUIABA)));
      const refused = await w.partnerApi.post(`/api/sanctions/${late.json().id}/defence`, { text: 'Defesa apresentada depois do prazo.' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('SANCTION_DEFENCE_LATE');
    });

    it('accreditation (Art. 16 §2): a deficiency notice issued today is due after 5 Cuiabá business days', async () => {
      const partner = await partnerFor(ctx.app, 'company', CUIABA_IBGE);
      const draft = await readyDraft(ctx.app, partner.session);
      expect((await api(ctx.app, partner.session).post(`${A}/applications/${draft.id}/submit`, {})).statusCode).toBe(200);
      expect((await committee.post(`${A}/applications/${draft.id}/start-analysis`)).statusCode).toBe(200);
      setClock(noonInCuiaba(date));
      const issued = await committee.post(`${A}/applications/${draft.id}/deficiency-notices`, {
        businessDays: 5,
        items: [{ description: 'Foto do foco do ponto 1 não mostra o logradouro público.' }],
      });
      expect(issued.statusCode, issued.body).toBe(200);
      const notice = issued.json().deficiencyNotices[0];
      expect(notice.receivedOn).toBe(date);
      expect(notice.dueOn).toBe(deadlineFrom(date, 5, CUIABA));
      expect(isBusinessDay(notice.dueOn, CUIABA)).toBe(true);
    });
  });
});
