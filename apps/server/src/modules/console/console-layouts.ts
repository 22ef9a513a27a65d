import type { ConsoleLayout, ConsoleLayoutInput } from '@vigia/contracts';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { consoleLayouts } from '../../db/tables/console.js';
import type { AuthContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { operatorUnits } from '../cameras/cameras.scope.js';

type Row = typeof consoleLayouts.$inferSelect;

const toLayout = (r: Row, auth: AuthContext): ConsoleLayout => ({
  id: r.id,
  ownerId: r.ownerId,
  mine: r.ownerId === auth.user.id,
  scope: r.scope,
  unit: r.unit,
  name: r.name,
  grid: r.grid as ConsoleLayout['grid'],
  cameras: r.cameras,
  tourSeconds: r.tourSeconds,
  updatedAt: r.updatedAt.toISOString(),
});

/** Layouts the user sees: their own, and those shared with one of their units. */
function visible(auth: AuthContext) {
  const units = operatorUnits(auth);
  const own = eq(consoleLayouts.ownerId, auth.user.id);
  return units.length ? or(own, and(eq(consoleLayouts.scope, 'shared'), inArray(consoleLayouts.unit, units))) : own;
}

export async function listLayouts(db: Queryable, auth: AuthContext): Promise<ConsoleLayout[]> {
  const rows = await db.select().from(consoleLayouts).where(visible(auth)).orderBy(desc(consoleLayouts.updatedAt)).limit(200);
  return rows.map((r) => toLayout(r, auth));
}

/** A shared layout goes to the owner's (first) unit; without one only personal layouts exist. */
function unitFor(auth: AuthContext, input: ConsoleLayoutInput): string | null {
  if (input.scope === 'personal') return null;
  const unit = operatorUnits(auth)[0];
  if (!unit) throw new AppError('CONSOLE_NO_UNIT');
  return unit;
}

export async function createLayout(db: Queryable, auth: AuthContext, input: ConsoleLayoutInput): Promise<ConsoleLayout> {
  const [row] = await db
    .insert(consoleLayouts)
    .values({ ...input, ownerId: auth.user.id, unit: unitFor(auth, input) })
    .returning();
  return toLayout(row!, auth);
}

/** Only the owner changes or deletes a layout; anyone else gets 404 (shared ones included). */
export async function updateLayout(db: Queryable, auth: AuthContext, id: string, input: ConsoleLayoutInput): Promise<ConsoleLayout> {
  const [row] = await db
    .update(consoleLayouts)
    .set({ ...input, unit: unitFor(auth, input), updatedAt: new Date() })
    .where(and(eq(consoleLayouts.id, id), eq(consoleLayouts.ownerId, auth.user.id)))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', 'Layout não encontrado.');
  return toLayout(row, auth);
}

export async function deleteLayout(db: Queryable, auth: AuthContext, id: string): Promise<void> {
  const rows = await db
    .delete(consoleLayouts)
    .where(and(eq(consoleLayouts.id, id), eq(consoleLayouts.ownerId, auth.user.id)))
    .returning({ id: consoleLayouts.id });
  if (!rows.length) throw new AppError('NOT_FOUND', 'Layout não encontrado.');
}
