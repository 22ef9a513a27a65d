import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { rateLimitCounters } from '../../db/tables/account-security.js';

/**
 * Counts one request of `key` in `bucket` and tells whether it is still within `max` per window.
 * The counter lives in the database, so every API process shares it (the same store as the
 * login limiter); one upsert increments and reads it atomically, so concurrent requests from
 * two processes cannot both take the last slot.
 */
export async function hitRateLimit(
  db: Queryable,
  bucket: string,
  key: string,
  limit: { max: number; windowMs: number },
): Promise<{ allowed: boolean; hits: number }> {
  const windowStart = new Date(Math.floor(Date.now() / limit.windowMs) * limit.windowMs);
  const hits = (await addHits(db, bucket, key, windowStart, 1)) ?? limit.max + 1;
  return { allowed: hits <= limit.max, hits };
}

/** Adds `n` hits to a window's counter and reads the total back, atomically (one upsert). */
async function addHits(db: Queryable, bucket: string, key: string, windowStart: Date, n: number): Promise<number | undefined> {
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ bucket, key, windowStart, hits: n })
    .onConflictDoUpdate({
      target: [rateLimitCounters.bucket, rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { hits: sql`${rateLimitCounters.hits} + ${n}` },
    })
    .returning({ hits: rateLimitCounters.hits });
  return row?.hits;
}

/**
 * The same shared counter for a hot public endpoint, without a database write on every request:
 * each process admits or refuses from what it last read of the shared count plus its own hits not
 * yet written, and adds those hits to the counter in one upsert per key at most every `flushMs`
 * (reading the total back). All processes still share one count per window; the price is that a
 * process may admit up to the hits of one flush interval that others have not written yet
 * (bounded by each process's request rate × `flushMs`).
 */
export class CoalescedRateLimit {
  private readonly keys = new Map<string, { windowStart: number; shared: number; pending: number }>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly bucket: string,
    private readonly limit: { max: number; windowMs: number },
    private readonly flushMs = 250,
  ) {}

  /** Counts one request of `key`; whether it is still within the limit. */
  hit(key: string): boolean {
    const windowStart = Math.floor(Date.now() / this.limit.windowMs) * this.limit.windowMs;
    let k = this.keys.get(key);
    if (!k || k.windowStart !== windowStart) {
      k = { windowStart, shared: 0, pending: 0 };
      this.keys.set(key, k);
    }
    if (k.shared + k.pending >= this.limit.max) return false;
    k.pending++;
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      this.timer.unref();
    }
    return true;
  }

  /** Writes the hits not yet written (one upsert per key) and reads the shared totals back. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing;
    this.flushing = this.write().finally(() => (this.flushing = null));
    await this.flushing;
  }

  private async write(): Promise<void> {
    const current = Math.floor(Date.now() / this.limit.windowMs) * this.limit.windowMs;
    for (const [key, k] of this.keys) {
      const n = k.pending;
      if (n === 0) {
        if (k.windowStart !== current) this.keys.delete(key);
        continue;
      }
      k.pending -= n;
      try {
        const total = await addHits(this.db, this.bucket, key, new Date(k.windowStart), n);
        if (total !== undefined) k.shared = Math.max(k.shared, total);
      } catch {
        k.pending += n; // written with the next flush
      }
    }
  }
}
