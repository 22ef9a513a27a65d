import type { CameraOptionList, CameraPageQuery } from '@vigia/contracts';
import { and, asc, eq, ilike, inArray, not, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { managedPartnerIds, viewScope } from './cameras.scope.js';
import { publicLabel } from './public-view.js';
import { streamEligible } from './stream-eligibility.js';

/** Default page of the light picker rows. */
export const CAMERA_PAGE_DEFAULT = 100;
/** Default page of the full registry rows (about 0.7 KiB each, with their states: half the work). */
export const CAMERA_LIST_PAGE_DEFAULT = 50;

const NEVER = sql`false`;

/**
 * `seesOnlyAsPublic` (cameras.scope.ts) in SQL: another partner's camera a partner user sees only
 * because it is open to the public. Its real name must neither be searched nor order the page.
 */
function publicOnly(auth: AuthContext): SQL {
  const full = ['admin', 'committee_member', 'operator', 'regional_operator', 'municipal_manager', 'integrator'] as const;
  if (auth.roles.some((r) => (full as readonly string[]).includes(r))) return NEVER;
  const own = managedPartnerIds(auth);
  return own.length ? not(inArray(cameras.partnerId, own)) : sql`true`;
}

/**
 * The page's order: the name, or '' for a camera seen only as public (its generic label), then the
 * id. Whoever sees no camera only as public orders by the bare name: `camera_name_id_idx` then
 * gives the first page without reading and sorting the whole scope.
 */
const sortKey = (auth: AuthContext): SQL<string> => {
  const asPublic = publicOnly(auth);
  return asPublic === NEVER ? sql<string>`${cameras.name}` : sql<string>`(CASE WHEN ${asPublic} THEN '' ELSE ${cameras.name} END)`;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The WHERE, ORDER BY and LIMIT of one page of the cameras the user may see: scope, owner filter,
 * name search, and the keyset after `cursor` (the last id of the previous page, looked up inside the
 * scope: a camera outside it is 404, like any other). Fetches one row more to tell if a page follows.
 */
export async function cameraPage(db: Queryable, auth: AuthContext, query: CameraPageQuery, defaultLimit = CAMERA_PAGE_DEFAULT) {
  const where: SQL[] = [viewScope(auth)];
  if (query.partnerId) where.push(eq(cameras.partnerId, query.partnerId));
  if (query.q) where.push(and(not(publicOnly(auth)), ilike(cameras.name, `%${escapeLike(query.q)}%`))!);
  const key = sortKey(auth);
  if (query.cursor) {
    const [after] = await db
      .select({ key })
      .from(cameras)
      .where(and(eq(cameras.id, query.cursor), viewScope(auth)))
      .limit(1);
    if (!after) throw new AppError('NOT_FOUND', 'Câmera não encontrada.');
    where.push(sql`(${key}, ${cameras.id}) > (${after.key}::text, ${query.cursor}::uuid)`);
  }
  const limit = query.limit ?? defaultLimit;
  return { where: and(...where)!, orderBy: [asc(key), asc(cameras.id)], limit };
}

/** Cuts the extra row and names the next cursor. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** Camera pickers (issue 13): id, name, owner, municipality, status and eligibility, a page at a time. */
export async function listCameraOptions(db: Queryable, auth: AuthContext, query: CameraPageQuery): Promise<CameraOptionList> {
  const page = await cameraPage(db, auth, query);
  const rows = await db
    .select({
      id: cameras.id,
      name: cameras.name,
      partnerId: cameras.partnerId,
      municipalityIbge: cameras.municipalityIbge,
      status: cameras.status,
      streamEligible: streamEligible().mapWith(Boolean),
      publicOnly: publicOnly(auth).mapWith(Boolean),
    })
    .from(cameras)
    .where(page.where)
    .orderBy(...page.orderBy)
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit);
  return {
    items: items.map(({ publicOnly: asPublic, ...o }) => (asPublic ? { ...o, name: publicLabel(o.municipalityIbge), partnerId: '' } : o)),
    nextCursor,
  };
}
