import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a calendar date `YYYY-MM-DD` that exists (2027-02-31 and 2027-02-29 do not). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
}

/**
 * A calendar date `YYYY-MM-DD` that exists. The shape alone let 2027-02-31 through to the database
 * (a 500 after the application number was taken); the day is now checked against the month.
 */
export const calendarDateSchema = z
  .string()
  .regex(ISO_DATE, { message: 'Data inválida: use AAAA-MM-DD.' })
  .refine(isCalendarDate, { message: 'Data inexistente: confira o dia e o mês (AAAA-MM-DD).', abort: true });
