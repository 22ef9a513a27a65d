import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { citizens } from '../../db/tables/citizen.js';
import type { ManifestationRow } from './ombudsman-deps.js';

/** The signed-in requester's e-mail (from gov.br), if any: anonymous manifestations have none. */
export async function requesterEmail(db: Queryable, r: ManifestationRow): Promise<string | null> {
  if (!r.citizenId) return null;
  const [c] = await db.select({ email: citizens.email }).from(citizens).where(eq(citizens.id, r.citizenId));
  return c?.email ?? null;
}
