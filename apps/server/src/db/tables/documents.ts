import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A generated act (notice, decision, homologation, gazette text, terms, annexes): the exact bytes
 * issued, their SHA-256 and the authenticity code printed on them (with a QR code to the public
 * verification page). A re-issued act supersedes the previous one; both stay verifiable.
 * An act issued with a deferred render has its code, title and subject at once, and its bytes,
 * size and SHA-256 (null until then) once the render job has written them (`document_render`).
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
    /** Null while a deferred render is pending. */
    sizeBytes: integer('size_bytes'),
    /** Null while a deferred render is pending. */
    sha256: text('sha256'),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    supersededById: uuid('superseded_by_id'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [index('generated_document_subject_idx').on(t.subjectType, t.subjectId, t.kind)],
);

/**
 * A deferred render still to do: the act's content, kept until the file is written and its SHA-256
 * recorded. Written in the issuing transaction, so a crash after commit leaves it here for the
 * render sweep; deleted in the transaction that records the file.
 */
export const documentRenders = pgTable(
  'document_render',
  {
    documentId: uuid('document_id')
      .primaryKey()
      .references(() => generatedDocuments.id),
    /** The act's content (documents/act-content.ts), rendered as it was at issue. */
    content: jsonb('content').$type<unknown>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Not tried again before this time (a failed render backs off). */
    notBefore: timestamp('not_before', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('document_render_due_idx').on(t.notBefore)],
);
