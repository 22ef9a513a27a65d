import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '../db/client.js';
import { mailOutbox } from '../db/tables/mail.js';
import type { Sweep } from '../jobs/sweep.js';

const MAX_ATTEMPTS = 8;

/** Retry delay after a failed attempt: 1, 2, 4 … minutes, capped at one hour. */
export const retryDelayMs = (attempts: number): number => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

/**
 * Sends due outbox messages. Each message is claimed with FOR UPDATE SKIP LOCKED inside its own
 * short transaction, so two workers never send the same message and a crash re-sends at most the
 * one message that was in flight.
 */
export function mailSweep(deps: { db: Db; transporter: Transporter; from: string }): Sweep {
  return {
    name: 'mail-outbox',
    everySeconds: 5,
    batchSize: 20,
    async runBatch(limit) {
      let processed = 0;
      for (; processed < limit; processed++) {
        const done = await deps.db.transaction(async (tx) => {
          const [msg] = await tx
            .select()
            .from(mailOutbox)
            .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.notBefore, sql`now()`)))
            .orderBy(asc(mailOutbox.createdAt))
            .limit(1)
            .for('update', { skipLocked: true });
          if (!msg) return false;
          try {
            await deps.transporter.sendMail({
              from: deps.from,
              to: msg.to,
              subject: msg.subject,
              text: msg.text,
              html: msg.html ?? undefined,
            });
            await tx
              .update(mailOutbox)
              .set({ status: 'sent', sentAt: new Date(), attempts: msg.attempts + 1 })
              .where(eq(mailOutbox.id, msg.id));
          } catch (err) {
            const attempts = msg.attempts + 1;
            await tx
              .update(mailOutbox)
              .set({
                attempts,
                lastError: String((err as Error).message).slice(0, 500),
                status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
                notBefore: new Date(Date.now() + retryDelayMs(attempts)),
              })
              .where(eq(mailOutbox.id, msg.id));
          }
          return true;
        });
        if (!done) break;
      }
      return processed;
    },
  };
}
