import type { Clock } from '../config/clock.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/client.js';

/** What the HTTP application is built from (app.ts); route plugins that need more than the database take it. */
export interface AppDeps {
  config: Config;
  database: Database;
  /** The time source of every legal deadline (production: systemClock; tests: a settable clock). */
  clock: Clock;
}
