import { type LocalDate, todayInCuiaba } from './local-date.js';

/** The time source of every legal deadline (obligations, sanctions, accreditation notices). */
export interface Clock {
  now(): Date;
}

/** Production reads the machine's time. */
export const systemClock: Clock = { now: () => new Date() };

/** The calendar day in Cuiabá on a clock (deadlines count in the state's time zone). */
export const todayOn = (clock: Clock): LocalDate => todayInCuiaba(clock.now());

/** The clock obligations read now. Tests move it (test/helpers/clock.ts); production never does. */
export const clock: Clock = { now: () => new Date() };
export const today = (): LocalDate => todayOn(clock);
