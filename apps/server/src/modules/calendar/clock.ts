import type { Clock } from '../../config/clock.js';
import { type LocalDate, todayInCuiaba } from './local-date.js';

export { type Clock, systemClock } from '../../config/clock.js';

/** The calendar day in Cuiabá on a clock (deadlines count in the state's time zone). */
export const todayOn = (clock: Clock): LocalDate => todayInCuiaba(clock.now());
