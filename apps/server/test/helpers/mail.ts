import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { mailOutbox } from '../../src/db/tables/mail.js';

/** Messages queued for an address, newest first (read from the real outbox). */
export async function mailsTo(database: Database, to: string) {
  return database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.createdAt));
}

/** The token of the newest link to `page` mailed to an address (e.g. confirmar-email, redefinir-senha). */
export async function tokenMailedTo(database: Database, to: string, page: string): Promise<string> {
  for (const m of await mailsTo(database, to)) {
    const hit = new RegExp(`/${page}\\?token=([\\w-]+)`).exec(m.text);
    if (hit) return hit[1]!;
  }
  throw new Error(`no ${page} link mailed to ${to}`);
}
