import type { Db } from '../../db/client.js';
import type { Sweep } from '../../jobs/sweep.js';
import { systemActor } from '../audit/audit.service.js';
import type { Clock } from '../calendar/clock.js';
import { openFinalReports } from './accountability.service.js';

/**
 * Art. 19 §1: every cooperation that ended gets its final accountability report, due 90 days after
 * the end. Handles terms ended anywhere (admin end, Art. 19 §3 rescission, Art. 29 revocation).
 * Idempotent: a unique index allows one final report per term.
 */
export function finalAccountabilitySweep(db: Db, clock: Clock): Sweep {
  return {
    name: 'accountability-final',
    everySeconds: 3600,
    batchSize: 50,
    runBatch: (limit) => openFinalReports(db, clock, systemActor('sweep:accountability-final'), limit),
  };
}
