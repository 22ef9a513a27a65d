import { securityUnitKinds } from '@vigia/contracts';
import { boolean, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Directory of security units (issue 16): public data kept by administrators. `municipality_ibge`
 * is checked against the platform's municipality reference and the point against the state's
 * outline when written; `illustrative` marks demonstration entries that are not real units.
 */
export const securityUnits = pgTable(
  'security_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: securityUnitKinds }).notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    municipalityIbge: text('municipality_ibge').notNull(),
    phones: jsonb('phones').$type<string[]>().notNull().default([]),
    hours: text('hours').notNull().default(''),
    services: jsonb('services').$type<string[]>().notNull().default([]),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    source: text('source').notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('security_unit_kind_idx').on(t.kind), index('security_unit_municipality_idx').on(t.municipalityIbge)],
);
