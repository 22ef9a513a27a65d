import { sql } from 'drizzle-orm';
import { affectedRows } from '../../db/affected.js';
import type { Db } from '../../db/client.js';
import type { Sweep } from '../../jobs/sweep.js';

/**
 * Deletes sessions ended more than a day ago, login attempts older than a day, spent ALTCHA
 * solutions, old rate-limit windows and dead e-mail links, in batches.
 */
export function sessionHousekeepingSweep(db: Db): Sweep {
  return {
    name: 'session-housekeeping',
    everySeconds: 300,
    batchSize: 500,
    async runBatch(limit) {
      const s = await db.execute(sql`
        DELETE FROM user_session WHERE id IN (
          SELECT id FROM user_session
          WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'
          LIMIT ${limit})`);
      const a = await db.execute(sql`
        DELETE FROM login_attempt WHERE id IN (
          SELECT id FROM login_attempt WHERE at < now() - interval '1 day' LIMIT ${limit})`);
      // Spent ALTCHA solutions past their challenge's expiry, old rate-limit windows, dead e-mail links.
      const c = await db.execute(sql`
        DELETE FROM altcha_spent WHERE signature IN (SELECT signature FROM altcha_spent WHERE expires_at < now() LIMIT ${limit})`);
      const r = await db.execute(sql`
        DELETE FROM rate_limit_counter WHERE (bucket, key, window_start) IN (
          SELECT bucket, key, window_start FROM rate_limit_counter WHERE window_start < now() - interval '1 day' LIMIT ${limit})`);
      const e = await db.execute(sql`
        DELETE FROM email_token WHERE id IN (
          SELECT id FROM email_token WHERE expires_at < now() - interval '1 day' LIMIT ${limit})`);
      return Math.max(affectedRows(s), affectedRows(a), affectedRows(c), affectedRows(r), affectedRows(e));
    },
  };
}
