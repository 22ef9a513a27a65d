import { sql } from 'drizzle-orm';
import { affectedRows } from '../../db/affected.js';
import type { Db } from '../../db/client.js';
import type { Sweep } from '../../jobs/sweep.js';

/** Deletes sessions ended more than a day ago and login attempts older than a day, in batches. */
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
      return Math.max(affectedRows(s), affectedRows(a));
    },
  };
}
