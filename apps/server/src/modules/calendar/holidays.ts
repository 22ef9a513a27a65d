import Holidays from 'date-holidays';
import { type HolidayDateRule, type HolidayRuleScope, loadHolidayRules } from '../reference/holiday-rules.js';
import { CUIABA_IBGE } from '../reference/municipalities.js';
import { addDays, formatLocalDate, type LocalDate, parseLocalDate } from './local-date.js';

/**
 * Holidays for business-day counting in Mato Grosso.
 *
 * Sources, in order:
 * 1. npm `date-holidays` (`new Holidays('BR', 'MT')`), entries of type `public` only.
 * 2. Corrections from `reference/datasets/feriados_mt_cuiaba_regras.csv` (laws and decrees):
 *    - 20 Nov: national holiday since Lei federal 14.759/2023 and MT state holiday since Lei
 *      estadual 7.879/2002. date-holidays 3.37 drops it for BR-MT from 2024 on (its MT state rule
 *      ends 2023-12-21 and shadows the national rule) — see datasets/README.md.
 *    - Cuiabá only (scope municipality 5103403): 8 Apr (founding of Cuiabá), Corpus Christi
 *      (Easter + 60) and 8 Dec (N. Sra. da Conceição) — Leis municipais 1.077/1968, 3.991/2000,
 *      5.576/2012.
 *
 * Only `public` days stop the count. Pontos facultativos (Carnaval, Ash Wednesday, Corpus Christi
 * outside Cuiabá, 28 Oct, 24 Dec) are declared each year by decree, the offices may open, and no
 * law makes them holidays, so they ARE business days; they are returned as `optional` for display.
 * Optional days come from the rules CSV only (date-holidays' `bank`/`optional` entries are ignored).
 * Municipal holidays of municipalities other than Cuiabá are not known (data gap): only national and
 * state holidays apply there.
 */
export interface CalendarScope {
  /** 7-digit IBGE code of the municipality whose holidays apply (only Cuiabá has its own). */
  municipalityIbge?: string;
}

export type HolidayLevel = 'national' | 'state' | 'municipal';
export type HolidayKind = 'public' | 'optional';

export interface CalendarHoliday {
  date: LocalDate;
  /** pt-BR name shown to people. */
  name: string;
  kind: HolidayKind;
  /** Every level that declares the day (20 Nov is national, state and municipal in Cuiabá). */
  levels: HolidayLevel[];
  legalBasis: string | null;
  source: 'date-holidays' | 'rules';
}

const LEVEL_OF: Record<HolidayRuleScope, HolidayLevel> = {
  nacional: 'national',
  nacional_religioso: 'national',
  estadual_MT: 'state',
  municipal_Cuiaba: 'municipal',
};

/** Easter Sunday (Gregorian, anonymous algorithm — Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate(year, month, day);
}

function resolveRule(rule: HolidayDateRule, year: number): LocalDate {
  return rule.kind === 'fixed' ? formatLocalDate(year, rule.month, rule.day) : addDays(easterSunday(year), rule.offsetDays);
}

export function isCuiabaScope(scope: CalendarScope): boolean {
  const code = scope.municipalityIbge;
  if (code !== undefined && !/^\d{7}$/.test(code)) throw new RangeError(`invalid IBGE code "${code}"`);
  return code === CUIABA_IBGE;
}

let library: Holidays | undefined;
const cache = new Map<string, readonly CalendarHoliday[]>();

function buildYear(year: number, cuiaba: boolean): readonly CalendarHoliday[] {
  library ??= new Holidays('BR', 'MT');
  const days = new Map<LocalDate, CalendarHoliday>();

  for (const h of library.getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    if (!days.has(date)) {
      days.set(date, { date, name: h.name, kind: 'public', levels: ['national'], legalBasis: null, source: 'date-holidays' });
    }
  }

  const rules = loadHolidayRules().filter((r) => r.scope !== 'municipal_Cuiaba' || cuiaba);
  // Holidays first, so that a ponto facultativo never hides a holiday on the same date.
  for (const pass of ['public', 'optional'] as const) {
    for (const rule of rules) {
      const kind: HolidayKind = rule.type === 'feriado' ? 'public' : 'optional';
      if (kind !== pass) continue;
      const date = resolveRule(rule.date, year);
      const level = LEVEL_OF[rule.scope];
      const existing = days.get(date);
      if (!existing || (existing.source === 'date-holidays' && kind === 'public')) {
        days.set(date, { date, name: rule.name, kind, levels: [level], legalBasis: rule.legalBasis, source: 'rules' });
      } else if (existing.kind === kind && !existing.levels.includes(level)) {
        existing.levels.push(level);
      }
    }
  }
  return Object.freeze([...days.values()].sort((a, b) => a.date.localeCompare(b.date)).map((d) => Object.freeze(d)));
}

/** Holidays (`public`) and pontos facultativos (`optional`) of a year, sorted by date. */
export function holidaysForYear(year: number, scope: CalendarScope = {}): readonly CalendarHoliday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new RangeError(`year out of range: ${year}`);
  const cuiaba = isCuiabaScope(scope);
  const key = `${year}|${cuiaba ? 'cuiaba' : 'mt'}`;
  let list = cache.get(key);
  if (!list) {
    list = buildYear(year, cuiaba);
    cache.set(key, list);
  }
  return list;
}

/** The holiday or optional day on a date, if any. */
export function holidayOn(date: LocalDate, scope: CalendarScope = {}): CalendarHoliday | undefined {
  const { year } = parseLocalDate(date);
  return holidaysForYear(year, scope).find((h) => h.date === date);
}

/** True only for `public` holidays (pontos facultativos are not holidays). */
export function isHoliday(date: LocalDate, scope: CalendarScope = {}): boolean {
  return holidayOn(date, scope)?.kind === 'public';
}
