import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { documentRenders, generatedDocuments } from '../../db/tables/documents.js';
import { type AuditActor, type AuditEntry, recordAudit } from '../audit/audit.service.js';
import type { FileStorage } from '../files/file-storage.js';
import type { ActContent } from './act-content.js';
import { newAuthenticityCode, verifyUrlFor } from './authenticity-code.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';

export type GeneratedDocumentRow = typeof generatedDocuments.$inferSelect;
export type DocumentFormat = 'pdf' | 'docx';

export interface DocumentsDeps {
  storage: FileStorage;
  publicUrl: string;
}

export interface IssueInput {
  /** e.g. 'deficiency_notice', 'annex_3', 'cooperation_term' */
  kind: string;
  subjectType: string;
  subjectId: string;
  content: ActContent;
  /** PDF always; DOCX too where SESP edits or signs the act. */
  formats: DocumentFormat[];
  sourceDigest?: string;
  /** Marks earlier acts of the same kind and subject as superseded (they stay verifiable). */
  supersedes?: boolean;
  /** The issue time printed on the act (default: now); use cases that count a validity pass their clock's. */
  issuedAt?: Date;
  /**
   * 'deferred': code, title and subject are fixed in the caller's transaction, with the content to
   * render (`document_render`); the file, its size and SHA-256 come after commit, from the render
   * queue or the render sweep (deferred-render.ts). Until then the row's `sha256` is null. The caller
   * hands the returned ids to `DocumentRenderQueue.schedule` once its transaction has committed.
   * Default 'inline': rendered and stored here.
   */
  render?: 'inline' | 'deferred';
  /**
   * Where the `document.issued` entries go: by default they are recorded here; given an array, they
   * are pushed to it for the caller to record with its own entries in one `recordAudits` call of the
   * same transaction (fewer round trips under the chain lock).
   */
  auditInto?: AuditEntry[];
}

const MEDIA: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Generates an act in each format, each with its own authenticity code and QR code, stores the
 * exact bytes with their SHA-256 and writes the rows and the audit entry in the caller's
 * transaction. (If that transaction rolls back, the written files are orphans, never referenced.)
 */
export async function issueDocument(tx: Tx, deps: DocumentsDeps, actor: AuditActor, input: IssueInput): Promise<GeneratedDocumentRow[]> {
  const issued: GeneratedDocumentRow[] = [];
  const deferred = input.render === 'deferred';
  for (const format of input.formats) {
    const id = randomUUID();
    const code = newAuthenticityCode();
    const issuedAt = input.issuedAt ?? new Date();
    const storageKey = `generated/${issuedAt.getUTCFullYear()}/${id}.${format}`;
    let bytes: Buffer | null = null;
    if (!deferred) {
      const stamp = { code, verifyUrl: verifyUrlFor(deps.publicUrl, code), issuedAt };
      bytes = format === 'pdf' ? await renderPdf(input.content, stamp) : await renderDocx(input.content, stamp);
      await deps.storage.write(storageKey, bytes);
    }
    const sha256 = bytes ? createHash('sha256').update(bytes).digest('hex') : null;
    const values = {
      id,
      code,
      kind: input.kind,
      format,
      title: input.content.title,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      sourceDigest: input.sourceDigest ?? null,
      storageKey,
      mediaType: MEDIA[format],
      sizeBytes: bytes?.length ?? null,
      sha256,
      issuedBy: actor.id,
      issuedAt,
      supersededById: null,
      supersededAt: null,
    } satisfies GeneratedDocumentRow;
    if (deferred) {
      // The document row and its pending render in one statement (every column is known here).
      await tx.execute(
        sql`WITH doc AS (${tx.insert(generatedDocuments).values(values).getSQL()}) ${tx.insert(documentRenders).values({ documentId: id, content: input.content }).getSQL()}`,
      );
      issued.push(values);
    } else {
      const [row] = await tx.insert(generatedDocuments).values(values).returning();
      issued.push(row!);
    }
    if (input.supersedes) {
      await tx
        .update(generatedDocuments)
        .set({ supersededById: id, supersededAt: issuedAt })
        .where(
          and(
            eq(generatedDocuments.subjectType, input.subjectType),
            eq(generatedDocuments.subjectId, input.subjectId),
            eq(generatedDocuments.kind, input.kind),
            eq(generatedDocuments.format, format),
            isNull(generatedDocuments.supersededById),
            ne(generatedDocuments.id, id),
          ),
        );
    }
    const entry: AuditEntry = {
      action: 'document.issued',
      targetType: 'generated_document',
      targetId: id,
      data: {
        code,
        kind: input.kind,
        format,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        ...(deferred ? { render: 'deferred' } : { sha256 }),
      },
    };
    if (input.auditInto) input.auditInto.push(entry);
    else await recordAudit(tx, actor, entry);
  }
  return issued;
}
