import type { Clock } from './server.js';

/**
 * The one settable clock of the app under test: `testApp` builds the app on it, and tests hand it
 * to the sweeps and services they call directly. `set` moves "now" for every deadline (never the
 * machine clock); `reset` goes back to real time.
 */
export const testClock: Clock & { set(iso: string): void; reset(): void } = {
  now: () => new Date(),
  set(iso) {
    testClock.now = () => new Date(iso);
  },
  reset() {
    testClock.now = () => new Date();
  },
};
