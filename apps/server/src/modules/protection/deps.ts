import type { Db } from '../../db/client.js';
import type { Clock } from '../calendar/clock.js';
import type { DocumentsDeps } from '../documents/issue-document.js';

export interface ProtectionDeps extends DocumentsDeps {
  db: Db;
  clock: Clock;
}

export type { Acting } from '../../http/context.js';
