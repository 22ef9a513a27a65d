import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DocumentVerification, GeneratedDocumentSummary, PublicDocument } from '@vigia/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { AppError } from '../../http/errors.js';
import type { IncomingFile } from '../files/upload-file.js';
import { measuring } from '../files/upload-file.js';
import type { GeneratedDocumentRow } from './issue-document.js';

export async function findDocumentByCode(db: Queryable, code: string): Promise<GeneratedDocumentRow | undefined> {
  const [row] = await db.select().from(generatedDocuments).where(eq(generatedDocuments.code, code)).limit(1);
  return row;
}

/** The row of an act whose file exists; a deferred render still pending answers DOCUMENT_RENDERING. */
export function rendered(row: GeneratedDocumentRow): GeneratedDocumentRow & { sha256: string; sizeBytes: number } {
  if (row.sha256 === null || row.sizeBytes === null) throw new AppError('DOCUMENT_RENDERING');
  return row as GeneratedDocumentRow & { sha256: string; sizeBytes: number };
}

export function toPublicDocument(found: GeneratedDocumentRow): PublicDocument {
  const row = rendered(found);
  return {
    code: row.code,
    kind: row.kind,
    title: row.title,
    format: row.format,
    issuedAt: row.issuedAt.toISOString(),
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    superseded: row.supersededById !== null,
    supersededAt: row.supersededAt?.toISOString() ?? null,
  };
}

export function toDocumentSummary(found: GeneratedDocumentRow): GeneratedDocumentSummary {
  const row = rendered(found);
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    format: row.format,
    title: row.title,
    sha256: row.sha256,
    issuedAt: row.issuedAt.toISOString(),
    superseded: row.supersededById !== null,
  };
}

/** Public: what an authenticity code refers to (metadata and SHA-256, never the content). */
export async function lookupDocument(db: Queryable, code: string): Promise<PublicDocument> {
  const row = await findDocumentByCode(db, code);
  if (!row) throw new AppError('NOT_FOUND', 'Nenhum documento foi emitido com este código de autenticação.');
  return toPublicDocument(row);
}

/**
 * Public: hashes an uploaded copy (streamed, never stored) and compares it with the SHA-256 of the
 * act issued under `code`. Any altered byte gives a different hash, so a tampered copy fails.
 * While a deferred render is pending there is no issued file yet: DOCUMENT_RENDERING.
 */
export async function verifyDocument(db: Queryable, code: string, incoming: IncomingFile, maxBytes: number): Promise<DocumentVerification> {
  const row = await findDocumentByCode(db, code);
  const m = measuring();
  await pipeline(incoming.file, m.through, new Writable({ write: (_c, _e, cb) => cb() }));
  if (incoming.file.truncated)
    throw new AppError('PAYLOAD_TOO_LARGE', `O arquivo enviado excede o tamanho máximo permitido (${Math.round(maxBytes / 1048576)} MB).`);
  if (!row) throw new AppError('NOT_FOUND', 'Nenhum documento foi emitido com este código de autenticação.');
  const { sha256 } = m.result();
  const expectedSha256 = rendered(row).sha256;
  const matches = sha256 === expectedSha256;
  const superseded = row.supersededById !== null;
  return {
    code: row.code,
    matches,
    sha256,
    expectedSha256,
    superseded,
    message: matches
      ? `Documento autêntico: o arquivo é idêntico ao emitido em ${row.issuedAt.toLocaleDateString('pt-BR', { timeZone: 'America/Cuiaba' })}${superseded ? ', mas foi substituído por versão posterior' : ''}.`
      : 'O arquivo NÃO confere com o documento emitido com este código: foi alterado ou não é o documento original.',
  };
}

export async function listDocumentsOf(db: Queryable, subjectType: string, subjectId: string): Promise<GeneratedDocumentRow[]> {
  return db
    .select()
    .from(generatedDocuments)
    .where(eq(generatedDocuments.subjectId, subjectId))
    .orderBy(asc(generatedDocuments.issuedAt))
    .then((rows) => rows.filter((r) => r.subjectType === subjectType));
}
