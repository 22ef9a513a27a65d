/**
 * The time source of every legal deadline (obligations, sanctions, accreditation notices). It sits
 * with the configuration because the composition root chooses it like any other setting: production
 * builds the app, the sweeps and the demo seed on `systemClock`; tests hand a settable clock to
 * `buildApp` (packages/testkit/src/test-clock.ts).
 */
export interface Clock {
  now(): Date;
}

/** Production reads the machine's time. */
export const systemClock: Clock = { now: () => new Date() };
