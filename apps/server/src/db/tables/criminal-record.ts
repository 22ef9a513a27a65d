import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { citizens } from './citizen.js';

/**
 * The platform's own criminal-records base (behind the criminal-records adapter; a state plugs its
 * real base in by writing another adapter). Inquiries are kept because the analysts need them, but
 * no certificate ever mentions one (CPP art. 20, sole §); served or extinguished sentences are not
 * shown either (LEP art. 202).
 */
export const criminalRecords = pgTable(
  'criminal_record',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cpf: text('cpf'),
    name: text('name').notNull(),
    /** Upper-case name without accents: the key homonyms are found by. */
    nameKey: text('name_key').notNull(),
    motherName: text('mother_name'),
    kind: text('kind', { enum: ['inquiry', 'conviction'] }).notNull(),
    status: text('status', { enum: ['open', 'final', 'served', 'extinguished'] }).notNull(),
    description: text('description').notNull(),
    court: text('court'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('criminal_record_cpf_idx').on(t.cpf), index('criminal_record_name_idx').on(t.nameKey)],
);

/** A citizen's request for a criminal-record certificate, issued at once or analysed (Lei 9.051/1995). */
export const criminalRecordCertificates = pgTable(
  'criminal_record_certificate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocol: text('protocol').notNull().unique(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    cpf: text('cpf').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    status: text('status', { enum: ['issued', 'in_analysis', 'answered'] }).notNull(),
    /** Why it went to analysis: 'homonym' or 'record'. */
    analysisReason: text('analysis_reason'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    result: text('result', { enum: ['nada_consta', 'consta'] }),
    /** The lines the certificate states (only final, unserved convictions; never inquiries). */
    content: jsonb('content').$type<string[]>(),
    answer: text('answer'),
    decidedBy: uuid('decided_by'),
    documentId: uuid('document_id'),
    code: text('code').unique(),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('criminal_record_certificate_citizen_idx').on(t.citizenId), index('criminal_record_certificate_status_idx').on(t.status)],
);

/** A consent link a citizen gives an employer: answers "valid / no record as of now" until it expires. */
export const certificateConsentLinks = pgTable('certificate_consent_link', {
  /** SHA-256 of the token (the token itself is never stored). */
  id: text('id').primaryKey(),
  /** The id the citizen's own pages use for the link (list, revoke); never the token or its hash. */
  ref: uuid('ref').notNull().unique().defaultRandom(),
  certificateId: uuid('certificate_id')
    .notNull()
    .references(() => criminalRecordCertificates.id),
  grantee: text('grantee').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
