import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { securityRegionMunicipalities } from '../regions/regions.schema.js';
import { cameras } from './cameras.schema.js';

export type CameraRow = typeof cameras.$inferSelect;

const NOTHING = sql`false`;
const EVERYTHING = sql`true`;

/** Partners whose cameras the user manages (partner users and integrators, by grant scope). */
export const managedPartnerIds = (auth: AuthContext): string[] => [
  ...new Set(auth.grants.filter((g) => (g.role === 'partner_user' || g.role === 'integrator') && g.partnerId).map((g) => g.partnerId!)),
];

function ownPartners(auth: AuthContext): SQL {
  const ids = managedPartnerIds(auth);
  return ids.length ? inArray(cameras.partnerId, ids) : NOTHING;
}

function ownRegions(auth: AuthContext): SQL {
  const regions = auth.grants.filter((g) => g.role === 'regional_operator' && g.securityRegionId).map((g) => g.securityRegionId!);
  if (!regions.length) return NOTHING;
  return inArray(
    cameras.municipalityIbge,
    sql`(SELECT ${securityRegionMunicipalities.municipalityIbge} FROM ${securityRegionMunicipalities} WHERE ${inArray(securityRegionMunicipalities.regionId, regions)})`,
  );
}

/** Cameras a user may read. */
export function viewScope(auth: AuthContext): SQL {
  if (auth.roles.some((r) => r === 'admin' || r === 'committee_member' || r === 'operator')) return EVERYTHING;
  return or(ownPartners(auth), ownRegions(auth))!;
}

/** Cameras a user may create, edit and delete. */
export function manageScope(auth: AuthContext): SQL {
  return auth.roles.includes('admin') ? EVERYTHING : ownPartners(auth);
}

/** Cameras a user may self-test (the committee checks cameras during the technical visit). */
export function selfTestScope(auth: AuthContext): SQL {
  return auth.roles.some((r) => r === 'admin' || r === 'committee_member') ? EVERYTHING : ownPartners(auth);
}

/** Loads a camera inside a scope; a camera outside it does not exist for this user (no IDOR oracle). */
export async function loadCamera(db: Queryable, scope: SQL, id: string, forUpdate = false): Promise<CameraRow> {
  const q = db.select().from(cameras).where(and(eq(cameras.id, id), scope)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Câmera não encontrada.');
  return row;
}
