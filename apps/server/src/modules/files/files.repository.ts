import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { storedFiles } from '../../db/tables/files.js';

export type StoredFileRow = typeof storedFiles.$inferSelect;

export async function findFile(db: Queryable, id: string): Promise<StoredFileRow | undefined> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id)).limit(1);
  return row;
}

/** A file the user uploaded themselves (the only files they may attach by id). */
export async function findOwnFile(db: Queryable, userId: string, id: string): Promise<StoredFileRow | undefined> {
  const [row] = await db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.id, id), eq(storedFiles.uploadedBy, userId)))
    .limit(1);
  return row;
}
