import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A generated act (notice, decision, homologation, gazette text, terms, annexes): the exact bytes
 * issued, their SHA-256 and the authenticity code printed on them (with a QR code to the public
 * verification page). A re-issued act supersedes the previous one; both stay verifiable.
 */
export const generatedDocuments = pgTable(
  'generated_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    kind: text('kind').notNull(),
    format: text('format', { enum: ['pdf', 'docx'] }).notNull(),
    title: text('title').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** SHA-256 of the data the document was generated from (annexes 3/4/5 share it). */
    sourceDigest: text('source_digest'),
    storageKey: text('storage_key').notNull().unique(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    supersededById: uuid('superseded_by_id'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [index('generated_document_subject_idx').on(t.subjectType, t.subjectId, t.kind)],
);
