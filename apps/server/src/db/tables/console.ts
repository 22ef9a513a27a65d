import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/**
 * Saved layouts of the operations console (issue 17): which camera goes in which tile. `personal`
 * layouts are their owner's; `shared` ones are visible to every operator of the owner's `unit`.
 * A layout holding more cameras than tiles with `tour_seconds` set is a **tour**: the console shows
 * the cameras a tile-full at a time, moving to the next group every `tour_seconds`.
 */
export const consoleLayouts = pgTable(
  'console_layout',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** personal | shared */
    scope: text('scope', { enum: ['personal', 'shared'] }).notNull(),
    /** The owner's unit for a shared layout (null for a personal one). */
    unit: text('unit'),
    name: text('name').notNull(),
    /** 1 | 2x2 | 3x3 | 4x4 | 1+5 | 1+7 */
    grid: text('grid').notNull(),
    /** Camera ids in tile order (null = empty tile); more than the grid's tiles = a tour's groups. */
    cameras: jsonb('cameras').$type<Array<string | null>>().notNull(),
    tourSeconds: integer('tour_seconds'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('console_layout_owner_idx').on(t.ownerId), index('console_layout_unit_idx').on(t.unit)],
);
