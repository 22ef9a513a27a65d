import type { Db } from '../../db/client.js';
import type { Clock } from '../calendar/clock.js';
import type { DocumentsDeps } from '../documents/issue-document.js';

export interface ProtectionDeps extends DocumentsDeps {
  db: Db;
  clock: Clock;
  /** PROTECTION_REMINDER_DAYS (default REMINDER_DAYS): when the page shows, and the sweep mails, the end-of-period reminder. */
  reminderDays?: number;
}

export type { Acting } from '../../http/context.js';
