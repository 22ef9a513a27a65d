import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applicationDocuments, cameraPoints, deficiencyItems, deficiencyNotices } from '../../db/tables/accreditation.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { storedFiles } from '../../db/tables/files.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import type { AuthContext } from '../accounts/session.service.js';
import type { FileStorage } from '../files/file-storage.js';
import { loadInScope, viewCondition } from './scope.js';

/** A generated act of an application the user may see. */
export async function downloadGeneratedDocument(
  db: Db,
  storage: FileStorage,
  auth: AuthContext,
  applicationId: string,
  docId: string,
): Promise<FileDownload> {
  await loadInScope(db, viewCondition(auth), applicationId);
  const [doc] = await db
    .select()
    .from(generatedDocuments)
    .where(
      and(
        eq(generatedDocuments.id, docId),
        eq(generatedDocuments.subjectType, 'application'),
        eq(generatedDocuments.subjectId, applicationId),
      ),
    )
    .limit(1);
  if (!doc) throw new AppError('NOT_FOUND');
  return { data: await storage.read(doc.storageKey), mediaType: doc.mediaType, filename: `${doc.kind}-${doc.code}.${doc.format}` };
}

/** An uploaded file referenced by an application the user may see (document, photo or answer). */
export async function downloadApplicationFile(
  db: Db,
  storage: FileStorage,
  auth: AuthContext,
  applicationId: string,
  fileId: string,
): Promise<FileDownload> {
  await loadInScope(db, viewCondition(auth), applicationId);
  const [asDoc] = await db
    .select({ id: applicationDocuments.id })
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.applicationId, applicationId), eq(applicationDocuments.fileId, fileId)))
    .limit(1);
  const [asPhoto] = await db
    .select({ id: cameraPoints.id })
    .from(cameraPoints)
    .where(
      and(
        eq(cameraPoints.applicationId, applicationId),
        or(eq(cameraPoints.mountingPhotoFileId, fileId), eq(cameraPoints.viewPhotoFileId, fileId)),
      ),
    )
    .limit(1);
  const [asAnswer] = await db
    .select({ id: deficiencyItems.id })
    .from(deficiencyItems)
    .innerJoin(deficiencyNotices, eq(deficiencyNotices.id, deficiencyItems.noticeId))
    .where(and(eq(deficiencyNotices.applicationId, applicationId), eq(deficiencyItems.fileId, fileId)))
    .limit(1);
  if (!asDoc && !asPhoto && !asAnswer) throw new AppError('NOT_FOUND');
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId)).limit(1);
  if (!file) throw new AppError('NOT_FOUND');
  return { data: await storage.read(file.storageKey), mediaType: file.mediaType, filename: file.originalName };
}
