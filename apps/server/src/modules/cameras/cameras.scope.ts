import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { integratorCameras } from '../../db/tables/integrators.js';
import { partners } from '../../db/tables/partners.js';
import { securityRegionMunicipalities } from '../../db/tables/regions.js';
import { operatorAreaEdges, operatorAreas } from '../../db/tables/releases.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { authorisedPartnerIds } from '../partners/integrator-authorisations.js';
import { publicApproved, streamEligible } from './stream-eligibility.js';

export type CameraRow = typeof cameras.$inferSelect;

const NOTHING = sql`false`;
const EVERYTHING = sql`true`;

/** The operator units the user belongs to (grants of role operator with a unit). */
export const operatorUnits = (auth: AuthContext): string[] => [
  ...new Set(auth.grants.filter((g) => g.role === 'operator' && g.unit).map((g) => g.unit!)),
];

/** Partners whose cameras the user manages (partner users and integrators, by grant scope). */
export const managedPartnerIds = (auth: AuthContext): string[] => [
  ...new Set(auth.grants.filter((g) => (g.role === 'partner_user' || g.role === 'integrator') && g.partnerId).map((g) => g.partnerId!)),
];

/** Integrator companies the user works for (grant `integrator` with the company's partner id). */
export const integratorCompanyIds = (auth: AuthContext): string[] => [
  ...new Set(auth.grants.filter((g) => g.role === 'integrator' && g.partnerId).map((g) => g.partnerId!)),
];

/**
 * Issue 18 (seed 002, BH + Segura): the clients' cameras an integrator company manages
 * (`integrator_camera`). Another integrator's clients are outside this set, hence 404.
 */
function managedClientCameras(auth: AuthContext): SQL {
  const ids = integratorCompanyIds(auth);
  return ids.length
    ? inArray(
        cameras.id,
        sql`(SELECT ${integratorCameras.cameraId} FROM ${integratorCameras} WHERE ${inArray(integratorCameras.integratorPartnerId, ids)})`,
      )
    : NOTHING;
}

function ownPartners(auth: AuthContext): SQL {
  const ids = managedPartnerIds(auth);
  const own = ids.length ? inArray(cameras.partnerId, ids) : NOTHING;
  const clients = managedClientCameras(auth);
  return clients === NOTHING ? own : own === NOTHING ? clients : or(own, clients)!;
}

function ownRegions(auth: AuthContext): SQL {
  const regions = auth.grants.filter((g) => g.role === 'regional_operator' && g.securityRegionId).map((g) => g.securityRegionId!);
  if (!regions.length) return NOTHING;
  return inArray(
    cameras.municipalityIbge,
    sql`(SELECT ${securityRegionMunicipalities.municipalityIbge} FROM ${securityRegionMunicipalities} WHERE ${inArray(securityRegionMunicipalities.regionId, regions)})`,
  );
}

/**
 * Partner users (Art. 26 §2): besides their own cameras, those open to the public — requested by
 * their partner, approved by the committee and eligible to stream. Live only (not in playbackScope).
 */
function partnerView(auth: AuthContext): SQL {
  return auth.roles.includes('partner_user') ? publicApproved() : NOTHING;
}

/** Integrators (Art. 15): partners whose authorisation is active right now (sub-select, in SQL). */
function integratorView(auth: AuthContext): SQL {
  const { isIntegrator, subquery } = authorisedPartnerIds(auth);
  return isIntegrator ? sql`${cameras.partnerId} IN ${subquery}` : NOTHING;
}

/** Municipal managers (Art. 4 II, Art. 8 §1): cameras of the partners of their municipality. */
function municipalView(auth: AuthContext): SQL {
  const munis = [
    ...new Set(auth.grants.filter((g) => g.role === 'municipal_manager' && g.municipalityIbge).map((g) => g.municipalityIbge!)),
  ];
  if (!munis.length) return NOTHING;
  return sql`${cameras.partnerId} IN (SELECT ${partners.id} FROM ${partners} WHERE ${inArray(partners.municipalityIbge, munis)})`;
}

/**
 * CIOSP operators (Art. 26 §1; BH "de acordo com a área de interesse"): the cameras inside one of
 * the areas of interest held by the operator or by one of the operator's units — a security
 * region, a municipality or a polygon (ray casting over the stored edges, plain SQL; `NULLIF`
 * keeps horizontal edges from dividing by zero, since SQL does not short-circuit `AND`). An
 * operator with no area at all (neither own nor unit's) is the state CIOSP's statewide view.
 */
function operatorView(auth: AuthContext): SQL {
  if (!auth.roles.includes('operator')) return NOTHING;
  const units = operatorUnits(auth);
  const holder = units.length
    ? sql`(${operatorAreas.userId} = ${auth.user.id} OR ${inArray(operatorAreas.unit, units)})`
    : sql`${operatorAreas.userId} = ${auth.user.id}`;
  const inPolygon = sql`(SELECT count(*) FROM ${operatorAreaEdges} WHERE ${operatorAreaEdges.areaId} = ${operatorAreas.id}
      AND ((${operatorAreaEdges.y1} > ${cameras.latitude}) <> (${operatorAreaEdges.y2} > ${cameras.latitude}))
      AND ${cameras.longitude} < (${operatorAreaEdges.x2} - ${operatorAreaEdges.x1}) * (${cameras.latitude} - ${operatorAreaEdges.y1}) / NULLIF(${operatorAreaEdges.y2} - ${operatorAreaEdges.y1}, 0) + ${operatorAreaEdges.x1}) % 2 = 1`;
  const inArea = sql`EXISTS (SELECT 1 FROM ${operatorAreas} WHERE ${holder} AND (
      (${operatorAreas.kind} = 'municipality' AND ${operatorAreas.municipalityIbge} = ${cameras.municipalityIbge})
      OR (${operatorAreas.kind} = 'security_region' AND ${cameras.municipalityIbge} IN (SELECT ${securityRegionMunicipalities.municipalityIbge} FROM ${securityRegionMunicipalities} WHERE ${securityRegionMunicipalities.regionId} = ${operatorAreas.securityRegionId}))
      OR (${operatorAreas.kind} = 'polygon' AND ${inPolygon})))`;
  return sql`(NOT EXISTS (SELECT 1 FROM ${operatorAreas} WHERE ${holder}) OR ${inArea})`;
}

/**
 * Cameras a user may read (SPEC §3.5): the union of what each held role grants. Admins and the
 * committee see all; operators their areas of interest; regional operators their region;
 * municipal managers their municipality's partners; partner users their own and the open ones;
 * integrators the partners that authorise them while the authorisation lasts.
 */
export function viewScope(auth: AuthContext): SQL {
  if (auth.roles.some((r) => r === 'admin' || r === 'committee_member')) return EVERYTHING;
  return or(ownPartners(auth), integratorView(auth), partnerView(auth), publicAuthorityView(auth))!;
}

/**
 * What public authorities see (operators, regional operators, municipal managers): only cameras
 * eligible to stream (issue 12: a camera of a partner without an active cooperation term, or not
 * tied to an authorised camera point, reaches nobody but its owner's self-test).
 */
function publicAuthorityView(auth: AuthContext): SQL {
  const views = [ownRegions(auth), municipalView(auth), operatorView(auth)].filter((v) => v !== NOTHING);
  return views.length ? and(streamEligible(), or(...views))! : NOTHING;
}

/**
 * Cameras whose recordings (platform playback, the partner's NVR, its NVR settings, exports) a
 * user may reach: the view scope **without** other partners' cameras open to the public — Art. 26
 * §2 gives partners those live only. The live scope must never be reused for playback.
 */
export function playbackScope(auth: AuthContext): SQL {
  if (auth.roles.some((r) => r === 'admin' || r === 'committee_member')) return EVERYTHING;
  return or(ownPartners(auth), integratorView(auth), publicAuthorityView(auth))!;
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
  const q = db
    .select()
    .from(cameras)
    .where(and(eq(cameras.id, id), scope))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Câmera não encontrada.');
  return row;
}

/**
 * Technical details (address, ports, path, serial) are for whoever runs the camera: its partner
 * and integrators, SESP and the operations centers. A partner user watching another partner's
 * camera open to the public (Art. 26 §2) or a municipal manager gets them blanked.
 */
export function redactForViewer<
  T extends { partnerId: string; host: string; rtspPort: number; httpPort: number; rtspPath: string; assetSerial: string | null },
>(auth: AuthContext, camera: T): T {
  if (!needsRedaction(auth, camera.partnerId)) return camera;
  return { ...camera, host: '', rtspPort: 0, httpPort: 0, rtspPath: '', assetSerial: null };
}

function needsRedaction(auth: AuthContext, partnerId: string): boolean {
  if (auth.roles.some((r) => r === 'admin' || r === 'committee_member' || r === 'operator' || r === 'regional_operator')) return false;
  if (managedPartnerIds(auth).includes(partnerId)) return false;
  return !auth.roles.includes('integrator'); // in view scope only through an active authorisation
}

/**
 * A camera the user sees only because another partner opened it to the public (Art. 26 §2): a
 * partner user gets what the public map gives (public-view.ts), nothing more. Municipal managers
 * see their municipality's partners' cameras for their own role, redacted above.
 */
export function seesOnlyAsPublic(auth: AuthContext, partnerId: string): boolean {
  return needsRedaction(auth, partnerId) && !auth.roles.includes('municipal_manager');
}
