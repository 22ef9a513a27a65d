import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { playbackSessions } from '../../db/tables/playback.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit } from '../audit/audit.service.js';
import { PLAYBACK_TOKEN_TTL_MS, playbackEndedEntry } from './playback.service.js';

/** A playback not renewed for this long has no valid token left: it ended when its last token expired. */
export const PLAYBACK_EXPIRED_AFTER_MS = PLAYBACK_TOKEN_TTL_MS + 5_000;

/**
 * `playback.ended` for every playback exactly once: playbacks whose last token expired without
 * renewal (the tab was closed, the network dropped, the node died) end at that expiry; then each
 * ended row not yet audited (ended by the expiry above or by the media node's socket close) gets its
 * audit event in the transaction that marks it audited. The player's own "closed" is audited at once
 * by the API and never reaches this sweep.
 */
export function playbackEndedSweep(db: Db): Sweep {
  return {
    name: 'playback-ended',
    everySeconds: 15,
    batchSize: 200,
    async runBatch(limit) {
      await db.execute(sql`
        UPDATE playback_session SET ended_at = LEAST(now(), seen_at + ${PLAYBACK_TOKEN_TTL_MS}::float8 * interval '1 millisecond'), end_reason = 'expired'
        WHERE ended_at IS NULL AND audited_at IS NULL AND seen_at < now() - ${PLAYBACK_EXPIRED_AFTER_MS}::float8 * interval '1 millisecond'`);
      return db.transaction(async (tx) => {
        const res = await tx.execute(sql`
          SELECT s.id::text AS id, u.email
          FROM playback_session s LEFT JOIN app_user u ON u.id = s.user_id
          WHERE s.audited_at IS NULL AND s.ended_at IS NOT NULL
          ORDER BY s.ended_at
          LIMIT ${limit}
          FOR UPDATE OF s SKIP LOCKED`);
        const due = (res as unknown as { rows: Array<{ id: string; email: string | null }> }).rows;
        for (const d of due) {
          const [row] = await tx
            .update(playbackSessions)
            .set({ auditedAt: new Date() })
            .where(sql`${playbackSessions.id} = ${d.id}::uuid`)
            .returning();
          await recordAudit(tx, { id: row!.userId, label: d.email, origin: row!.origin ?? 'api' }, playbackEndedEntry(row!));
        }
        return due.length;
      });
    },
  };
}
