import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/**
 * Single-use links mailed to an account (e-mail confirmation, password reset). Only the SHA-256
 * of the token is stored; a token is spent by setting `used_at` in the transaction that acts on it.
 */
export const emailTokens = pgTable(
  'email_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['confirm_email', 'password_reset'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_token_user_idx').on(t.userId, t.purpose)],
);

/** ALTCHA solutions already accepted, kept until their challenge expires so none is replayed. */
export const altchaSpent = pgTable('altcha_spent', {
  signature: text('signature').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * Fixed-window request counters shared by every API process (the database is the shared store):
 * one upsert increments and returns the count atomically.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counter',
  {
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key, t.windowStart] }), index('rate_limit_counter_window_idx').on(t.windowStart)],
);
