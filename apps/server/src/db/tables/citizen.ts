import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Citizens of the public portal (SPEC §3.10): people who signed in with gov.br, never staff users.
 * LGPD minimum: CPF (the gov.br subject), name and e-mail from gov.br, and the reliability level
 * read at the last sign-in. Retention: docs/citizen-services.md.
 */
export const citizens = pgTable('citizen', {
  id: uuid('id').primaryKey().defaultRandom(),
  cpf: text('cpf').notNull().unique(),
  name: text('name').notNull(),
  email: text('email'),
  level: text('level', { enum: ['bronze', 'prata', 'ouro'] }).notNull(),
  levelCheckedAt: timestamp('level_checked_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }).notNull(),
});

/** A gov.br sign-in under way: the PKCE verifier and nonce of one `state` (single use, 10 minutes). */
export const citizenSignIns = pgTable('citizen_sign_in', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  returnTo: text('return_to').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** The citizen session (its own cookie, never the staff session): only the token's SHA-256 is kept. */
export const citizenSessions = pgTable(
  'citizen_session',
  {
    id: text('id').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('citizen_session_citizen_idx').on(t.citizenId)],
);

/**
 * "Quem me consultou": every query and certificate check made about a CPF by the platform's lookup
 * services, with its purpose. `visibleFrom` delays an entry when a sealed investigation requires it.
 */
export const citizenLookups = pgTable(
  'citizen_lookup',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cpf: text('cpf').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: text('by').notNull(),
    purpose: text('purpose').notNull(),
    visibleFrom: timestamp('visible_from', { withTimezone: true }).notNull(),
    data: jsonb('data'),
  },
  (t) => [index('citizen_lookup_cpf_idx').on(t.cpf, t.at)],
);

/**
 * "Quem me consultou" for queries made by name, without a CPF (the arrest-warrant lookup by full
 * name + mother's name + birth date): the person is known only by `person_key`, an HMAC-SHA256
 * (server key) of the normalised identifiers, so the table holds no name in clear. A signed-in
 * citizen sees these rows by giving their mother's name and birth date (their name is gov.br's):
 * the same key is computed and matched. Queries that carry or match a CPF go to `citizen_lookup`.
 */
export const personKeyLookups = pgTable(
  'person_key_lookup',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personKey: text('person_key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: text('by').notNull(),
    purpose: text('purpose').notNull(),
    visibleFrom: timestamp('visible_from', { withTimezone: true }).notNull(),
  },
  (t) => [index('person_key_lookup_key_idx').on(t.personKey, t.at)],
);
