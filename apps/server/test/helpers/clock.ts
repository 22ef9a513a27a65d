import { testClock } from '@vigia/testkit/test-clock';

export { testClock };

/**
 * The platform clock as tests see it: `setClock` moves "now" for every deadline, sweep and
 * service of the app under test (never the machine clock); `resetClock` goes back to real time.
 */
export const setClock = (iso: string) => testClock.set(iso);
export const resetClock = () => testClock.reset();
