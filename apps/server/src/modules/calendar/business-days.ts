import { type CalendarScope, isHoliday } from './holidays.js';
import { addDays, daysBetween, isWeekend, type LocalDate } from './local-date.js';

/** Monday–Friday and not a `public` holiday for the scope (pontos facultativos are business days). */
export function isBusinessDay(date: LocalDate, scope: CalendarScope = {}): boolean {
  return !isWeekend(date) && !isHoliday(date, scope);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: LocalDate, scope: CalendarScope = {}): LocalDate {
  let d = addDays(date, 1);
  while (!isBusinessDay(d, scope)) d = addDays(d, 1);
  return d;
}

/**
 * The date `n` business days after `start` (`start` itself is never counted). Negative `n` goes
 * back. `n = 0` returns `start` unchanged, business day or not.
 */
export function addBusinessDays(start: LocalDate, n: number, scope: CalendarScope = {}): LocalDate {
  if (!Number.isSafeInteger(n)) throw new RangeError('n must be an integer');
  const step = n < 0 ? -1 : 1;
  let d = start;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isBusinessDay(d, scope)) left--;
  }
  return d;
}

/**
 * Business days in the half-open interval (start, end]: the days a deadline counter would tick
 * going from `start` to `end`. Negative when `end` is before `start`. So
 * `addBusinessDays(s, businessDaysBetween(s, e)) === e` whenever `e` is a business day.
 */
export function businessDaysBetween(start: LocalDate, end: LocalDate, scope: CalendarScope = {}): number {
  const span = daysBetween(start, end);
  const [from, to, sign] = span >= 0 ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let d = addDays(from, 1); daysBetween(d, to) >= 0; d = addDays(d, 1)) {
    if (isBusinessDay(d, scope)) count++;
  }
  return sign * count;
}

/**
 * Last day of a legal deadline of `businessDays` "dias úteis" counted from the day a notice was
 * received (Decree 1.522/2022 Art. 30 §1: "10 (dez) dias úteis, a partir da data de recebimento da
 * notificação"). Art. 16 §2 only asks for a "prazo razoável" to remedy a deficiency notice; the
 * committee sets its length and the platform counts it the same way, in business days.
 *
 * Convention (Lei federal 9.784/1999 art. 66, and CPC art. 219 and 224, which apply to
 * administrative proceedings in what those laws leave open — CPC art. 15):
 * - the day of receipt is excluded and the day the deadline ends is included (Lei 9.784 art. 66
 *   caput; CPC 224 caput); only business days are counted (CPC 219);
 * - counting starts on the first business day after receipt (CPC 224 §3);
 * - a notice received on a non-business day counts as received on the next business day (the
 *   rule of Lei 11.419/2006 art. 5 §2 for notices read electronically, which is how the portal
 *   delivers them), so counting starts the business day after that: received Saturday → deemed
 *   Monday → day 1 is Tuesday. This is the reading most favourable to the partner's defence;
 * - a deadline that would end on a non-business day ends on the next business day (Lei 9.784
 *   art. 66 §1) — counting only business days already guarantees it.
 * The deadline runs until the end of the returned day in Cuiabá time.
 */
export function deadlineFrom(receivedOn: LocalDate, businessDays: number, scope: CalendarScope = {}): LocalDate {
  if (!Number.isSafeInteger(businessDays) || businessDays < 1) {
    throw new RangeError('businessDays must be a positive integer');
  }
  const deemedReceipt = isBusinessDay(receivedOn, scope) ? receivedOn : nextBusinessDay(receivedOn, scope);
  return addBusinessDays(deemedReceipt, businessDays, scope);
}

/** Art. 30 §1: days for the partner's defence in a sanction process. */
export const SANCTION_DEFENCE_BUSINESS_DAYS = 10;

/**
 * Last day of a legal deadline of `days` calendar days ("dias corridos") counted from the day the
 * act was received, as Lei federal 9.784/1999 art. 66 counts them:
 * - the day of receipt is excluded and the last day included (art. 66 caput);
 * - days run continuously, weekends and holidays included (art. 66 §2);
 * - a deadline that would end on a non-business day ends on the next business day (art. 66 §1).
 * Used by the ombudsman's clocks (Lei 13.460/2017 art. 16: 30 days, once more by 30; internal
 * units 20 + 20). The deadline runs until the end of the returned day in Cuiabá time.
 */
export function calendarDeadlineFrom(receivedOn: LocalDate, days: number, scope: CalendarScope = {}): LocalDate {
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError('days must be a positive integer');
  const end = addDays(receivedOn, days);
  return isBusinessDay(end, scope) ? end : nextBusinessDay(end, scope);
}
