import { addYears } from '@vigia/contracts';
import { addDays, type LocalDate } from '../calendar/local-date.js';

export const TERM_YEARS = 5;

/**
 * Art. 5 §3: a cooperation term is valid for 5 years from signature, renewed automatically for
 * further 5-year periods while the cooperation keeps operating. For an operating term the current
 * period is the one containing `today`; an ended term has no current period.
 */
export function termPeriod(
  signedOn: LocalDate,
  today: LocalDate,
  operating: boolean,
): { currentPeriodEndsOn: LocalDate | null; renewals: number } {
  if (!operating) return { currentPeriodEndsOn: null, renewals: 0 };
  let k = 1;
  while (addDays(addYears(signedOn, TERM_YEARS * k), -1) < today) k++;
  return { currentPeriodEndsOn: addDays(addYears(signedOn, TERM_YEARS * k), -1), renewals: k - 1 };
}
