import { ratedServiceIds } from '@vigia/contracts';
import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { citizens } from './citizen.js';

/** One rating (1–5) per use of a portal service: unique per service and request. */
export const serviceRatings = pgTable(
  'service_rating',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    service: text('service', { enum: ratedServiceIds }).notNull(),
    requestId: uuid('request_id').notNull(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('service_rating_use_uq').on(t.service, t.requestId), index('service_rating_service_idx').on(t.service)],
);
