import { addYears } from '@vigia/contracts';
import { addDays, daysBetween, type LocalDate } from '../calendar/local-date.js';

export const LOAN_YEARS = 5;
export const INSTALLATION_DAYS = 90;
export const INSTALLATION_REMINDERS = [30, 60, 80] as const;

/**
 * Art. 18 §4: a loan lasts at most 5 years from pickup, "prorrogada automaticamente desde que
 * mantida a operação nos mesmos termos da cooperação". While the cooperation operates, the current
 * period is the 5-year period containing `today` (renewals counted); once it stops, there is no
 * renewal: the first period (or the one running when it stopped) is the last, and the equipment
 * must be returned (Art. 18 caput).
 */
export function loanPeriod(
  pickedUpOn: LocalDate,
  today: LocalDate,
  cooperationOperating: boolean,
): { currentPeriodEndsOn: LocalDate; renewals: number; returnDue: boolean } {
  let k = 1;
  const end = (n: number) => addDays(addYears(pickedUpOn, LOAN_YEARS * n), -1);
  if (cooperationOperating) {
    while (end(k) < today) k++;
    return { currentPeriodEndsOn: end(k), renewals: k - 1, returnDue: false };
  }
  return { currentPeriodEndsOn: end(1), renewals: 0, returnDue: true };
}

/** Guide §04: installation and integration within 90 days of pickup (calendar days). */
export const installationDueOn = (pickedUpOn: LocalDate): LocalDate => addDays(pickedUpOn, INSTALLATION_DAYS);

/** Reminders (days elapsed since pickup) that are due and not yet sent. */
export function remindersDue(pickedUpOn: LocalDate, today: LocalDate, sent: readonly number[]): number[] {
  const elapsed = daysBetween(pickedUpOn, today);
  return INSTALLATION_REMINDERS.filter((r) => elapsed >= r && !sent.includes(r));
}
