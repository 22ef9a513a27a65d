import { deadlineFrom } from '../calendar/business-days.js';
import { type LocalDate, todayInCuiaba } from '../calendar/local-date.js';
import { CUIABA_IBGE } from '../reference/municipalities.js';

/**
 * Art. 16 §2 deadline: the notice is delivered through the portal when issued, so it counts as
 * received on the issue date in Cuiabá; the deadline is counted in business days on the calendar
 * of Cuiabá, where the committee sits (national, state and Cuiabá holidays) — see deadlineFrom.
 */
export function deficiencyDeadline(issuedAt: Date, businessDays: number): { receivedOn: LocalDate; dueOn: LocalDate } {
  const receivedOn = todayInCuiaba(issuedAt);
  return { receivedOn, dueOn: deadlineFrom(receivedOn, businessDays, { municipalityIbge: CUIABA_IBGE }) };
}

/** The deadline runs until the end of `dueOn` in Cuiabá. */
export const deadlinePassed = (dueOn: LocalDate, now: Date): boolean => todayInCuiaba(now) > dueOn;
