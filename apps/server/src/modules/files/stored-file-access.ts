import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { storedFiles } from '../../db/tables/files.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import type { FileStorage } from './file-storage.js';

/** An uploaded file referenced by a subject the caller may see. */
export async function downloadStoredFile(db: Queryable, storage: FileStorage, fileId: string): Promise<FileDownload> {
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId)).limit(1);
  if (!file) throw new AppError('NOT_FOUND');
  return { data: await storage.read(file.storageKey), mediaType: file.mediaType, filename: file.originalName };
}

/** Uploads the user made themselves (photos must be JPEG/PNG): the only files they may attach. */
export async function requireOwnFiles(db: Queryable, userId: string, ids: string[], kind: 'photo' | 'document'): Promise<void> {
  if (!ids.length) return;
  const rows = await db
    .select()
    .from(storedFiles)
    .where(and(inArray(storedFiles.id, ids), eq(storedFiles.uploadedBy, userId)));
  for (const id of ids) {
    const f = rows.find((r) => r.id === id);
    if (!f) throw new AppError('NOT_FOUND', 'Arquivo não encontrado entre os seus envios.');
    if (kind === 'photo' && !['image/jpeg', 'image/png'].includes(f.mediaType))
      throw new AppError('FILE_TYPE_NOT_ALLOWED', 'As fotos devem ser imagens JPEG ou PNG.');
  }
}
