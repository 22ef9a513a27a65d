import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Security regions (RISP). Seeded from public sources; membership is completed by an admin. */
export const securityRegions = pgTable('security_region', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  seatIbge: text('seat_ibge').notNull(),
  publishedOrder: integer('published_order'),
  ordinalConfirmed: boolean('ordinal_confirmed').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const securityRegionMunicipalities = pgTable(
  'security_region_municipality',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => securityRegions.id, { onDelete: 'cascade' }),
    municipalityIbge: text('municipality_ibge').notNull().unique(),
    source: text('source'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.municipalityIbge] })],
);
