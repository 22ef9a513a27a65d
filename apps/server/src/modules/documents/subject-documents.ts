import type { ObligationDocument } from '@vigia/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import type { FileStorage } from '../files/file-storage.js';

/** The generated acts of a subject (loan, report, inspection, sanction…), newest first. */
export async function documentsOf(db: Queryable, subjectType: string, subjectId: string): Promise<ObligationDocument[]> {
  const rows = await db
    .select()
    .from(generatedDocuments)
    .where(and(eq(generatedDocuments.subjectType, subjectType), eq(generatedDocuments.subjectId, subjectId)))
    .orderBy(desc(generatedDocuments.issuedAt));
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    title: d.title,
    format: d.format,
    code: d.code,
    issuedAt: d.issuedAt.toISOString(),
    superseded: d.supersededById !== null,
  }));
}

/** A generated act of a subject the caller already proved it may see. */
export async function downloadDocument(
  db: Queryable,
  storage: FileStorage,
  subjectType: string,
  subjectId: string,
  docId: string,
): Promise<FileDownload> {
  const [doc] = await db
    .select()
    .from(generatedDocuments)
    .where(
      and(eq(generatedDocuments.id, docId), eq(generatedDocuments.subjectType, subjectType), eq(generatedDocuments.subjectId, subjectId)),
    )
    .limit(1);
  if (!doc) throw new AppError('NOT_FOUND');
  return { data: await storage.read(doc.storageKey), mediaType: doc.mediaType, filename: `${doc.kind}-${doc.code}.${doc.format}` };
}
