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
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ bucket, key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.bucket, rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { hits: sql`${rateLimitCounters.hits} + 1` },
    })
    .returning({ hits: rateLimitCounters.hits });
  const hits = row?.hits ?? limit.max + 1;
  return { allowed: hits <= limit.max, hits };
}
