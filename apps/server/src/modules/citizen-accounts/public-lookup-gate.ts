import type { Db } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { type Altcha, spendAltcha } from '../accounts/altcha.js';
import { CoalescedRateLimit } from '../accounts/rate-limit.js';

/**
 * What every anonymous lookup of the portal (arrest warrant, vehicle status) passes, in order:
 *
 * 1. `admit(ip)`: the per-address limit, one count shared by both lookups and by every API process
 *    (the database counter, written coalesced — see CoalescedRateLimit). A refused request writes
 *    nothing: it is answered 429 `LOOKUP_RATE_LIMITED` before anything is read or written.
 * 2. the caller validates the identifiers (stable 400 codes, nothing written);
 * 3. `spend(payload)`: a fresh, unspent ALTCHA proof-of-work solution (one per query), spent in the
 *    shared store so it cannot be replayed by any process.
 */
export class PublicLookupGate {
  private readonly limit: CoalescedRateLimit;

  constructor(
    private readonly db: Db,
    private readonly altcha: Altcha,
    perMinute: number,
  ) {
    this.limit = new CoalescedRateLimit(db, 'public-lookup', { max: perMinute, windowMs: 60_000 });
  }

  admit(ip: string): void {
    if (!this.limit.hit(ip)) throw new AppError('LOOKUP_RATE_LIMITED');
  }

  spend(payload: string | undefined): Promise<void> {
    return spendAltcha(this.db, this.altcha, payload ?? '');
  }

  flush(): Promise<void> {
    return this.limit.flush();
  }
}
