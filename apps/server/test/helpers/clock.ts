import { clock } from '../../src/modules/calendar/clock.js';

/**
 * The platform clock as tests see it: `setClock` moves "now" for every deadline, sweep and
 * service of the app under test (never the machine clock); `resetClock` goes back to real time.
 */
export const setClock = (iso: string) => {
  clock.now = () => new Date(iso);
};
export const resetClock = () => {
  clock.now = () => new Date();
};
