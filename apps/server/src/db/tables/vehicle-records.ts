import { vehicleTheftKinds } from '@vigia/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Vehicle status (issue 16): the shipped vehicle store, kept by civil-police staff. Description
 * only: plate, chassis, make, model, colour, year and municipality. There is no column for the
 * owner, on purpose (the lookup must never disclose one). Plate and chassis are normalised (upper
 * case, no hyphen or spaces); either may be unknown, not both.
 */
export const vehicleRecords = pgTable(
  'vehicle_record',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    plate: text('plate'),
    chassis: text('chassis'),
    make: text('make').notNull(),
    model: text('model').notNull(),
    colour: text('colour').notNull(),
    year: integer('year').notNull(),
    municipalityIbge: text('municipality_ibge').notNull(),
    source: text('source').notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('vehicle_record_plate_key').on(t.plate), uniqueIndex('vehicle_record_chassis_key').on(t.chassis)],
);

/**
 * A theft or robbery flag, one per validated police report, keyed by the normalised plate and/or
 * chassis (the vehicle need not be in the store). `recovered_at` set: no longer reported.
 * `police_report_id` is the police-report module's id, kept as text (no foreign key across
 * modules; the report module calls `markVehicleStolen` / `markVehicleRecovered`).
 */
export const vehicleTheftFlags = pgTable(
  'vehicle_theft_flag',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    plate: text('plate'),
    chassis: text('chassis'),
    policeReportId: text('police_report_id').notNull(),
    reportNumber: text('report_number').notNull(),
    kind: text('kind', { enum: vehicleTheftKinds }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    recoveredAt: timestamp('recovered_at', { withTimezone: true }),
    recoveredByReportId: text('recovered_by_report_id'),
  },
  (t) => [
    // One flag per vehicle of a report (a report may list several stolen vehicles).
    uniqueIndex('vehicle_theft_flag_report_vehicle_key').on(
      t.policeReportId,
      sql`coalesce(${t.plate}, '')`,
      sql`coalesce(${t.chassis}, '')`,
    ),
    index('vehicle_theft_flag_plate_idx').on(t.plate).where(sql`${t.recoveredAt} is null`),
    index('vehicle_theft_flag_chassis_idx').on(t.chassis).where(sql`${t.recoveredAt} is null`),
  ],
);

/**
 * Each vehicle-status query (plate or chassis asked, whether found, who asked). A vehicle query is
 * not about a person (the store has no owner), so it is logged here rather than in "who looked me
 * up"; the log lets staff answer for the use of the service.
 */
export const vehicleLookups = pgTable(
  'vehicle_lookup',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    plate: text('plate'),
    chassis: text('chassis'),
    found: boolean('found').notNull(),
    by: text('by').notNull(),
  },
  (t) => [index('vehicle_lookup_at_idx').on(t.at), index('vehicle_lookup_plate_idx').on(t.plate)],
);
