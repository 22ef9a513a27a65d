import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { securityFees } from '../../db/tables/security-fees.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import type { FileStorage } from '../files/file-storage.js';
import { type FeeRow, toSecurityFee } from './fee-deps.js';

/** The latest fee of a service subject (e.g. one identity-card request), if any. */
export async function currentFeeOf(db: Queryable, service: string, subjectId: string): Promise<FeeRow | undefined> {
  const [row] = await db
    .select()
    .from(securityFees)
    .where(and(eq(securityFees.service, service), eq(securityFees.subjectId, subjectId)))
    .orderBy(desc(securityFees.createdAt))
    .limit(1);
  return row;
}

export async function feesOf(db: Queryable, citizenId: string) {
  const rows = await db.select().from(securityFees).where(eq(securityFees.citizenId, citizenId)).orderBy(desc(securityFees.createdAt));
  return rows.map(toSecurityFee);
}

/** The payment slip (PDF) of one of the citizen's own fees. */
export async function feeSlipOf(db: Queryable, storage: FileStorage, citizenId: string, feeId: string): Promise<FileDownload> {
  const [row] = await db
    .select({ txid: securityFees.txid, key: generatedDocuments.storageKey })
    .from(securityFees)
    .innerJoin(generatedDocuments, eq(generatedDocuments.id, securityFees.slipDocumentId))
    .where(and(eq(securityFees.id, feeId), eq(securityFees.citizenId, citizenId)));
  if (!row) throw new AppError('NOT_FOUND', 'Nenhuma taxa sua com este identificador.');
  return { data: await storage.read(row.key), mediaType: 'application/pdf', filename: `guia-taxa-${row.txid}.pdf` };
}

/** Staff screen: fees waiting for payment (manual confirmation). */
export async function pendingFees(db: Queryable) {
  const rows = await db
    .select()
    .from(securityFees)
    .where(eq(securityFees.status, 'pending'))
    .orderBy(desc(securityFees.createdAt))
    .limit(500);
  return rows.map(toSecurityFee);
}
