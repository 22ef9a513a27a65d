import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** An uploaded file: bytes live in the file storage under `storageKey`; the row keeps type, size and SHA-256. */
export const storedFiles = pgTable(
  'stored_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storageKey: text('storage_key').notNull().unique(),
    originalName: text('original_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_file_uploader_idx').on(t.uploadedBy)],
);
