import type { ReleaseCameraOption } from '@vigia/contracts';
import { and, asc, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { partners } from '../../db/tables/partners.js';
import { releaseRequests } from '../../db/tables/releases.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { viewScope } from '../cameras/cameras.scope.js';
import { streamEligible } from '../cameras/stream-eligibility.js';
import type { DocumentsDeps } from '../documents/issue-document.js';
import { SESP_SEES_EVERY_PARTNER } from '../partners/partner-scope.js';

export interface ReleaseDeps extends DocumentsDeps {
  db: Db;
}

type RequestRow = typeof releaseRequests.$inferSelect;

/** How long the requester's download link lives after the decision. */
export const DELIVERY_VALID_DAYS = 15;
/** Who sees every release request: SESP's partner-wide roles, plus the release authority that decides them. */
const SEES_ALL: ReadonlySet<string> = new Set([...SESP_SEES_EVERY_PARTNER, 'release_authority']);

export const requestNumber = (r: Pick<RequestRow, 'seq' | 'createdAt'>) =>
  `CI-${r.createdAt.getUTCFullYear()}-${String(r.seq).padStart(6, '0')}`;

/** Requests the caller may see: SESP all; a requester or a filing operator only those they are party to. */
export function requestScope(auth: AuthContext): SQL {
  if (auth.roles.some((r) => SEES_ALL.has(r))) return sql`true`;
  return or(eq(releaseRequests.requesterUserId, auth.user.id), eq(releaseRequests.filedByUserId, auth.user.id))!;
}

/** Loads a request inside the caller's scope; outside it the request does not exist (404, no IDOR oracle). */
export async function loadRequest(db: Queryable, auth: AuthContext, id: string, forUpdate = false): Promise<RequestRow> {
  const q = db
    .select()
    .from(releaseRequests)
    .where(and(eq(releaseRequests.id, id), requestScope(auth)))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Pedido de cessão não encontrado.');
  return row;
}

export const isParty = (auth: AuthContext) => auth.roles.some((r) => r === 'operator' || r === 'regional_operator');

/**
 * Cameras a requester may name. Operators pick from their own camera scope (cameras.scope.ts); the
 * external requester, who sees no camera registry, picks from the program's cameras by name and
 * municipality only (no address, port or credential).
 */
export function cameraPickScope(auth: AuthContext): SQL {
  if (auth.roles.some((r) => r === 'external_requester' || SEES_ALL.has(r))) return and(ne(cameras.status, 'disabled'), streamEligible())!;
  return viewScope(auth);
}

export async function cameraOptions(db: Queryable, auth: AuthContext): Promise<ReleaseCameraOption[]> {
  const rows = await db
    .select({ id: cameras.id, name: cameras.name, municipalityIbge: cameras.municipalityIbge, partnerName: partners.name })
    .from(cameras)
    .innerJoin(partners, eq(partners.id, cameras.partnerId))
    .where(cameraPickScope(auth))
    .orderBy(asc(cameras.municipalityIbge), asc(cameras.name))
    .limit(5000);
  return rows;
}
