import { type CertificateRequest, maskCpf } from '@vigia/contracts';
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { criminalRecordCertificates } from '../../db/tables/criminal-record.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import type { FileStorage } from '../files/file-storage.js';
import { toCertificateRequest } from './certificate-deps.js';

/** The citizen's own requests, newest first. */
export async function certificatesOf(db: Queryable, citizenId: string): Promise<CertificateRequest[]> {
  const rows = await db
    .select({ c: criminalRecordCertificates, pdfReady: isNotNull(generatedDocuments.sha256) })
    .from(criminalRecordCertificates)
    .leftJoin(generatedDocuments, eq(generatedDocuments.id, criminalRecordCertificates.documentId))
    .where(eq(criminalRecordCertificates.citizenId, citizenId))
    .orderBy(desc(criminalRecordCertificates.requestedAt));
  return rows.map((r) => toCertificateRequest(r.c, Boolean(r.pdfReady)));
}

/**
 * The PDF of one of the citizen's own certificates (someone else's: 404); null while it is still
 * being rendered after the issue.
 */
export async function certificatePdfOf(db: Queryable, storage: FileStorage, citizenId: string, id: string): Promise<FileDownload | null> {
  const [row] = await db
    .select({ protocol: criminalRecordCertificates.protocol, doc: generatedDocuments })
    .from(criminalRecordCertificates)
    .innerJoin(generatedDocuments, eq(generatedDocuments.id, criminalRecordCertificates.documentId))
    .where(and(eq(criminalRecordCertificates.id, id), eq(criminalRecordCertificates.citizenId, citizenId)));
  if (!row) throw new AppError('NOT_FOUND', 'Nenhuma certidão emitida sua com este identificador.');
  if (row.doc.sha256 === null) return null;
  return {
    data: await storage.read(row.doc.storageKey),
    mediaType: 'application/pdf',
    filename: `certidao-antecedentes-${row.protocol}.pdf`,
  };
}

/** Politec's analysis queue: oldest deadline first; the CPF masked. */
export async function analysisQueue(db: Queryable) {
  const rows = await db
    .select()
    .from(criminalRecordCertificates)
    .where(eq(criminalRecordCertificates.status, 'in_analysis'))
    .orderBy(asc(criminalRecordCertificates.deadlineAt))
    .limit(500);
  return rows.map((r) => ({
    ...toCertificateRequest(r),
    name: r.name,
    cpfMasked: maskCpf(r.cpf),
    analysisReason: r.analysisReason ?? 'record',
  }));
}
