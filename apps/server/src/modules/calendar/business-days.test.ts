import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { parseCsv, readDataset } from '../reference/csv.js';
import {
  addBusinessDays,
  businessDaysBetween,
  calendarDeadlineFrom,
  deadlineFrom,
  isBusinessDay,
  SANCTION_DEFENCE_BUSINESS_DAYS,
} from './business-days.js';
import { easterSunday, holidayOn, holidaysForYear, isHoliday } from './holidays.js';
import { addDays, dayOfWeek, parseLocalDate, toCuiabaDate } from './local-date.js';

const CUIABA = { municipalityIbge: '5103403' };
const SINOP = { municipalityIbge: '5107909' };

describe('calendar dates in America/Cuiaba', () => {
  it('never lets a UTC offset move the day', () => {
    expect(toCuiabaDate(new Date('2026-11-20T02:00:00Z'))).toBe('2026-11-19');
    expect(toCuiabaDate(new Date('2026-11-20T04:00:00Z'))).toBe('2026-11-20');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(dayOfWeek('2026-11-20')).toBe(5);
  });
  it('rejects impossible dates', () => {
    expect(() => parseLocalDate('2026-02-29')).toThrow(RangeError);
    expect(() => parseLocalDate('2026-11-20T00:00:00Z')).toThrow(RangeError);
  });
  it('computes Easter as date-holidays does', () => {
    const hd = new Holidays('BR');
    for (let year = 2020; year <= 2040; year++) {
      const easter = hd.getHolidays(year).find((h) => h.rule === 'easter');
      expect(easterSunday(year)).toBe(easter?.date.slice(0, 10));
    }
  });
});

describe('holidays — national, Mato Grosso and Cuiabá', () => {
  it('20 Nov is a holiday everywhere in MT (Lei 14.759/2023; fixes the date-holidays BR-MT gap)', () => {
    for (const year of [2024, 2025, 2026, 2030]) {
      expect(isHoliday(`${year}-11-20`)).toBe(true);
      expect(isHoliday(`${year}-11-20`, SINOP)).toBe(true);
    }
    expect(holidayOn('2026-11-20', CUIABA)?.levels).toEqual(['national', 'state', 'municipal']);
  });

  it('Cuiabá-only holidays: 8 Apr, Corpus Christi, 8 Dec', () => {
    for (const date of ['2026-04-08', '2026-06-04', '2026-12-08']) {
      expect(isHoliday(date, CUIABA)).toBe(true);
      expect(isHoliday(date, SINOP)).toBe(false);
      expect(isHoliday(date)).toBe(false);
    }
    expect(holidayOn('2026-06-04', SINOP)?.kind).toBe('optional'); // state ponto facultativo
  });

  it('pontos facultativos are optional, never holidays', () => {
    for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-10-28', '2026-12-24']) {
      expect(holidayOn(date)?.kind).toBe('optional');
      expect(isHoliday(date)).toBe(false);
    }
  });

  it('the full 2026 Cuiabá list matches datasets/feriados_cuiaba_2026.csv', () => {
    const oracle = parseCsv(readDataset('feriados_cuiaba_2026.csv'));
    // Cuiabá's offices follow the city decree; state-only pontos facultativos (24 Dec) also show.
    const expectedPublic = oracle.filter((r) => r.status_decreto_prefeitura_cuiaba === 'feriado').map((r) => r.data);
    const expectedOptional = oracle
      .filter((r) => r.status_decreto_prefeitura_cuiaba !== 'feriado')
      .filter((r) => r.status_decreto_prefeitura_cuiaba?.startsWith('ponto') || r.status_decreto_governo_mt?.startsWith('ponto'))
      .map((r) => r.data);
    const list = holidaysForYear(2026, CUIABA);
    // date-holidays also returns the 2026 election Sundays (Código Eleitoral, art. 380), not in the oracle.
    const elections = ['2026-10-04', '2026-10-25'];
    expect(list.filter((h) => h.kind === 'public' && !elections.includes(h.date)).map((h) => h.date)).toEqual(expectedPublic);
    expect(list.filter((h) => h.kind === 'optional').map((h) => h.date)).toEqual(expectedOptional);
    expect(elections.every((d) => dayOfWeek(d) === 0)).toBe(true);
    expect(expectedPublic).toHaveLength(13);
  });

  it('rejects a malformed municipality code', () => {
    expect(() => isHoliday('2026-04-08', { municipalityIbge: 'Cuiabá' })).toThrow(RangeError);
  });
});

describe('business-day arithmetic', () => {
  it('weekends are not business days; Carnaval (ponto facultativo) is', () => {
    expect(isBusinessDay('2026-11-21')).toBe(false);
    expect(isBusinessDay('2026-11-22')).toBe(false);
    expect(isBusinessDay('2026-02-16')).toBe(true);
    expect(isBusinessDay('2026-02-17', CUIABA)).toBe(true);
  });

  it('addBusinessDays and businessDaysBetween are inverse on business days', () => {
    expect(addBusinessDays('2026-11-19', 1)).toBe('2026-11-23');
    expect(addBusinessDays('2026-11-23', -1)).toBe('2026-11-19');
    expect(addBusinessDays('2026-11-21', 0)).toBe('2026-11-21');
    expect(businessDaysBetween('2026-11-19', '2026-11-23')).toBe(1);
    expect(businessDaysBetween('2026-11-23', '2026-11-19')).toBe(-1);
    expect(businessDaysBetween('2026-11-20', '2026-11-20')).toBe(0);
    for (const n of [1, 5, 17, 40]) {
      const end = addBusinessDays('2026-03-02', n, CUIABA);
      expect(businessDaysBetween('2026-03-02', end, CUIABA)).toBe(n);
    }
  });
});

describe('Art. 30 §1 — 10 business days of defence from receipt of the notice', () => {
  it('excludes the day of receipt and skips 20 Nov 2026 (a Friday)', () => {
    // Mon 16 Nov received → 17,18,19 | 20 holiday | 23,24,25,26,27,30 | 1 Dec = 10th business day
    expect(deadlineFrom('2026-11-16', SANCTION_DEFENCE_BUSINESS_DAYS)).toBe('2026-12-01');
  });
  it('counts Cuiabá municipal holidays only in Cuiabá (8 Dec)', () => {
    expect(deadlineFrom('2026-12-01', 10, CUIABA)).toBe('2026-12-16');
    expect(deadlineFrom('2026-12-01', 10, SINOP)).toBe('2026-12-15');
  });
});

describe('Art. 16 §2 — deficiency notice deadline in business days', () => {
  it('across a weekend', () => {
    expect(deadlineFrom('2026-03-05', 2)).toBe('2026-03-09'); // Thu → Fri (1), Mon (2)
    expect(deadlineFrom('2026-03-06', 1)).toBe('2026-03-09'); // Fri → Mon
  });
  it('across 20 Nov 2026 (a Friday holiday)', () => {
    expect(deadlineFrom('2026-11-19', 1)).toBe('2026-11-23');
    expect(deadlineFrom('2026-11-19', 1, CUIABA)).toBe('2026-11-23');
  });
  it('across Carnaval: pontos facultativos still count as business days', () => {
    expect(deadlineFrom('2026-02-13', 1)).toBe('2026-02-16');
    expect(deadlineFrom('2026-02-13', 3, CUIABA)).toBe('2026-02-18');
  });
  it('Cuiabá-only holiday: 8 Apr 2026 is a business day in Sinop but not in Cuiabá', () => {
    expect(deadlineFrom('2026-04-07', 1, SINOP)).toBe('2026-04-08');
    expect(deadlineFrom('2026-04-07', 1, CUIABA)).toBe('2026-04-09');
  });
  it('across the year boundary (1 Jan 2027 is a Friday)', () => {
    expect(deadlineFrom('2026-12-30', 1)).toBe('2026-12-31');
    expect(deadlineFrom('2026-12-30', 2)).toBe('2027-01-04');
    expect(deadlineFrom('2026-12-23', 2, CUIABA)).toBe('2026-12-28'); // 24 Dec ponto facultativo counts; 25 Dec does not
  });
  it('a notice received on a non-business day is deemed received on the next business day', () => {
    expect(deadlineFrom('2026-03-07', 1)).toBe('2026-03-10'); // Sat → deemed Mon 9 → Tue 10
    expect(deadlineFrom('2026-11-20', 1)).toBe('2026-11-24'); // holiday Fri → deemed Mon 23 → Tue 24
  });
  it('never ends on a non-business day', () => {
    for (let d = '2026-01-01'; d < '2027-01-01'; d = addDays(d, 1)) {
      expect(isBusinessDay(deadlineFrom(d, 5, CUIABA), CUIABA)).toBe(true);
    }
  });
  it('requires a positive whole number of days', () => {
    expect(() => deadlineFrom('2026-03-05', 0)).toThrow(RangeError);
    expect(() => deadlineFrom('2026-03-05', 1.5)).toThrow(RangeError);
  });
});

describe('calendarDeadlineFrom — Lei 9.784/1999 art. 66 (calendar days)', () => {
  it('art. 66 caput and §2: the day of receipt is excluded and the days run continuously over weekends and holidays', () => {
    // 2026-04-03 (Good Friday) and four weekends lie inside; they count.
    expect(calendarDeadlineFrom('2026-03-10', 30)).toBe('2026-04-09');
    expect(calendarDeadlineFrom('2026-03-10', 1)).toBe('2026-03-11');
  });
  it('art. 66 §1: an end on a Saturday moves to the next business day', () => {
    expect(dayOfWeek('2026-05-09')).toBe(6);
    expect(calendarDeadlineFrom('2026-03-10', 60)).toBe('2026-05-11');
  });
  it('art. 66 §1: an end on a holiday (20 Nov in MT) moves to the next business day', () => {
    expect(calendarDeadlineFrom('2026-10-21', 30)).toBe('2026-11-23');
  });
  it('a receipt on a Sunday still counts from the next day (no deemed receipt for calendar days)', () => {
    expect(calendarDeadlineFrom('2026-03-08', 30)).toBe('2026-04-07');
  });
  it('refuses non-positive or fractional day counts', () => {
    expect(() => calendarDeadlineFrom('2026-03-10', 0)).toThrow(RangeError);
    expect(() => calendarDeadlineFrom('2026-03-10', 1.5)).toThrow(RangeError);
  });
});
