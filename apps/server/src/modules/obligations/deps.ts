import type { Db } from '../../db/client.js';
import type { Clock } from '../calendar/clock.js';
import type { DocumentsDeps } from '../documents/issue-document.js';

/** What the obligations use cases (loans, accountability, inspections, complaints, sanctions) are built from. */
export interface ObligationDeps extends DocumentsDeps {
  db: Db;
  clock: Clock;
}

export type { Clock };
