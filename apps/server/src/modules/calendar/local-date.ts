/**
 * Calendar dates as plain `YYYY-MM-DD` strings, meaning a day in America/Cuiaba. Arithmetic uses
 * Date.UTC only as a proleptic calendar (no time of day, no offset), so no time zone can move a
 * date. Convert an instant to a date only through `toCuiabaDate`.
 */
export type LocalDate = string;

export const CUIABA_TIME_ZONE = 'America/Cuiaba';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`invalid calendar date "${date}" (expected YYYY-MM-DD)`);
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  const d = new Date(Date.UTC(year, month - 1, day));
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) throw new RangeError('year out of range');
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function toDayNumber(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromDayNumber(n: number): LocalDate {
  const d = new Date(n * DAY_MS);
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError('days must be an integer');
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWeekend(date: LocalDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

const cuiabaFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: CUIABA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Cuiabá at a given instant (e.g. 2026-11-20T02:00Z is still 2026-11-19). */
export function toCuiabaDate(instant: Date): LocalDate {
  const parts = Object.fromEntries(cuiabaFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function todayInCuiaba(now: Date = new Date()): LocalDate {
  return toCuiabaDate(now);
}

/** A date as people read it in Mato Grosso (dd/mm/yyyy). */
export const fmtDate = (d: LocalDate | Date): string =>
  typeof d === 'string' ? d.split('-').reverse().join('/') : d.toLocaleDateString('pt-BR', { timeZone: 'America/Cuiaba' });
