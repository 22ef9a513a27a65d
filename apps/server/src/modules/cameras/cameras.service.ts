import { randomUUID } from 'node:crypto';
import type { Camera, CameraCreateInput, CameraCredentials, CameraList, CameraPageQuery, CameraUpdateInput } from '@vigia/contracts';
import { type MasterKey, openSecret, sealSecret } from '@vigia/secrets';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db/client.js';
import { cameraPublicAccess } from '../../db/tables/camera-public-access.js';
import { cameras } from '../../db/tables/cameras.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { CAMERA_LIST_PAGE_DEFAULT, cameraPage, pageOf } from './camera-pages.js';
import { type Placement, placementProblems } from './camera-placement.js';
import {
  type CameraRow,
  loadCamera,
  managedPartnerIds,
  manageScope,
  redactForViewer,
  seesOnlyAsPublic,
  viewScope,
} from './cameras.scope.js';
import type { OutboundPolicy } from './outbound-guard.js';
import { publicViewOfCamera } from './public-view.js';
import { streamEligible } from './stream-eligibility.js';

export interface CameraDeps {
  db: Db;
  keys: readonly MasterKey[];
  outbound: OutboundPolicy;
  dataDir: string;
}

/** Whether each camera is eligible to stream and whether its public access was approved. */
export interface CameraState {
  streamEligible: boolean;
  publicApproved: boolean;
}

export async function cameraStates(db: Queryable, ids: string[]): Promise<Map<string, CameraState>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: cameras.id, eligible: streamEligible().mapWith(Boolean), approvedAt: cameraPublicAccess.approvedAt })
    .from(cameras)
    .leftJoin(cameraPublicAccess, eq(cameraPublicAccess.cameraId, cameras.id))
    .where(inArray(cameras.id, ids));
  return new Map(rows.map((r) => [r.id, { streamEligible: r.eligible, publicApproved: r.approvedAt !== null }]));
}

export function toCamera(r: CameraRow, state: CameraState = { streamEligible: false, publicApproved: false }): Camera {
  return {
    id: r.id,
    partnerId: r.partnerId,
    cameraPointId: r.cameraPointId,
    kind: r.kind,
    assetSerial: r.assetSerial,
    name: r.name,
    host: r.host,
    rtspPort: r.rtspPort,
    httpPort: r.httpPort,
    rtspPath: r.rtspPath,
    latitude: r.latitude,
    longitude: r.longitude,
    municipalityIbge: r.municipalityIbge,
    heading: r.heading,
    fieldOfView: r.fieldOfView,
    mounting: r.mounting,
    openToPublic: r.openToPublic,
    publicAccess: !r.openToPublic ? 'not_requested' : state.publicApproved ? 'approved' : 'requested',
    streamEligible: state.streamEligible,
    ingestMode: r.ingestMode,
    rtspTransport: r.rtspTransport,
    streamSource: r.streamSource,
    status: r.status,
    hasCredentials: r.credentials !== null,
    hasPushCredentials: r.pushCredentials !== null,
    lastSelfTestAt: r.lastSelfTestAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Fields safe to put in the audit trail (never the credentials). */
export function auditView(r: Partial<CameraRow>): Record<string, unknown> {
  const { credentials: _c, pushCredentials: _p, createdAt: _a, updatedAt: _u, lastSelfTestAt: _l, ...rest } = r;
  return rest;
}

export function sealCredentials(keys: readonly MasterKey[], cameraId: string, c: CameraCredentials) {
  return sealSecret(keys[0]!, cameraId, JSON.stringify({ username: c.username, password: c.password }));
}

export function openCredentials(keys: readonly MasterKey[], row: CameraRow): CameraCredentials | null {
  if (!row.credentials) return null;
  return JSON.parse(openSecret(keys, row.id, row.credentials)) as CameraCredentials;
}

/** Checks done before any write, so a refused request changes nothing. */
async function checkPlacement(tx: Queryable, deps: CameraDeps, p: Placement, selfId: string | null): Promise<void> {
  const [problem] = placementProblems(p, deps.outbound);
  if (problem) throw new AppError(problem.code, undefined, [{ path: problem.path, message: problem.message }]);
  const other = selfId ? ne(cameras.id, selfId) : undefined;
  const [rtsp] = await tx
    .select({ id: cameras.id })
    .from(cameras)
    .where(and(eq(cameras.host, p.host), eq(cameras.rtspPort, p.rtspPort), other))
    .limit(1);
  if (rtsp)
    throw new AppError('CAMERA_ENDPOINT_TAKEN', undefined, [
      { path: 'rtspPort', message: 'Porta RTSP já usada por outra câmera neste endereço.' },
    ]);
  const [http] = await tx
    .select({ id: cameras.id })
    .from(cameras)
    .where(and(eq(cameras.host, p.host), eq(cameras.httpPort, p.httpPort), other))
    .limit(1);
  if (http)
    throw new AppError('CAMERA_HTTP_PORT_TAKEN', undefined, [
      { path: 'httpPort', message: 'Porta HTTP já usada por outra câmera neste endereço.' },
    ]);
}

/** Two requests racing past the pre-check still meet the unique indexes; answer with the same message. */
export async function uniqueViolationAsConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const text = `${(err as { code?: string }).code ?? ''} ${String((err as Error).message)} ${String((err as { cause?: Error }).cause?.message ?? '')}`;
    if (text.includes('camera_host_rtsp_port_key')) throw new AppError('CAMERA_ENDPOINT_TAKEN');
    if (text.includes('camera_host_http_port_key')) throw new AppError('CAMERA_HTTP_PORT_TAKEN');
    throw err;
  }
}

export async function resolveOwner(tx: Tx, auth: AuthContext, requested: string | undefined): Promise<string> {
  if (auth.roles.includes('admin')) {
    if (!requested) throw new AppError('CAMERA_PARTNER_REQUIRED', undefined, [{ path: 'partnerId', message: 'Informe o ente parceiro.' }]);
    const [p] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, requested)).limit(1);
    if (!p) throw new AppError('NOT_FOUND', 'Ente parceiro não encontrado.');
    return p.id;
  }
  const own = managedPartnerIds(auth);
  if (requested) {
    if (!own.includes(requested)) throw new AppError('NOT_FOUND', 'Ente parceiro não encontrado.');
    return requested;
  }
  if (own.length === 0) throw new AppError('PARTNER_PROFILE_MISSING');
  if (own.length > 1)
    throw new AppError('CAMERA_PARTNER_REQUIRED', undefined, [{ path: 'partnerId', message: 'Informe o ente parceiro.' }]);
  return own[0]!;
}

export async function createCamera(deps: CameraDeps, auth: AuthContext, actor: AuditActor, input: CameraCreateInput): Promise<Camera> {
  return uniqueViolationAsConflict(() =>
    deps.db.transaction(async (tx) => insertCamera(tx, deps, auth, actor, await resolveOwner(tx, auth, input.partnerId), input)),
  );
}

/**
 * Registers a camera of `partnerId` (already resolved and checked by the caller) with its audit row,
 * in the caller's transaction; the integrator portfolio uses it for its clients' cameras.
 */
export async function insertCamera(
  tx: Tx,
  deps: CameraDeps,
  auth: AuthContext,
  actor: AuditActor,
  partnerId: string,
  input: CameraCreateInput,
): Promise<Camera> {
  await checkPlacement(tx, deps, input, null);
  const id = randomUUID();
  const { credentials, partnerId: _p, ...fields } = input;
  const [row] = await tx
    .insert(cameras)
    .values({
      ...fields,
      id,
      partnerId,
      assetSerial: input.assetSerial ?? null,
      cameraPointId: input.cameraPointId ?? null,
      rtspTransport: input.rtspTransport ?? null,
      credentials: credentials ? sealCredentials(deps.keys, id, credentials) : null,
      createdBy: auth.user.id,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'camera.created',
    targetType: 'camera',
    targetId: id,
    data: { ...auditView(row!), hasCredentials: Boolean(credentials) },
  });
  return toCamera(row!, (await cameraStates(tx, [id])).get(id));
}

/** One page of the camera list (by name; camera-pages.ts), full rows as the viewer may see them. */
export async function listCameras(db: Queryable, auth: AuthContext, query: CameraPageQuery = {}): Promise<CameraList> {
  const page = await cameraPage(db, auth, query, CAMERA_LIST_PAGE_DEFAULT);
  const rows = await db
    .select()
    .from(cameras)
    .where(page.where)
    .orderBy(...page.orderBy)
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit);
  const states = await cameraStates(
    db,
    items.map((r) => r.id),
  );
  return { items: items.map((r) => forViewer(auth, toCamera(r, states.get(r.id)))), nextCursor };
}

export async function getCamera(db: Queryable, auth: AuthContext, id: string): Promise<Camera> {
  const row = await loadCamera(db, viewScope(auth), id);
  return forViewer(auth, toCamera(row, (await cameraStates(db, [id])).get(id)));
}

/** Technical details blanked where needed; another partner's open camera as the public map shows it. */
function forViewer(auth: AuthContext, camera: Camera): Camera {
  return seesOnlyAsPublic(auth, camera.partnerId) ? publicViewOfCamera(camera) : redactForViewer(auth, camera);
}

export async function updateCamera(
  deps: CameraDeps,
  auth: AuthContext,
  actor: AuditActor,
  id: string,
  input: CameraUpdateInput,
): Promise<Camera> {
  return uniqueViolationAsConflict(() =>
    deps.db.transaction(async (tx) => {
      const current = await loadCamera(tx, manageScope(auth), id, true);
      const { credentials, ...fields } = input;
      const next = { ...current, ...fields };
      if (next.kind === 'program_loan' && !next.assetSerial) {
        throw new AppError('VALIDATION_FAILED', undefined, [
          { path: 'assetSerial', message: 'Informe o número de série (patrimônio) da câmera cedida pelo programa.' },
        ]);
      }
      await checkPlacement(tx, deps, next, id);
      const changes: Partial<CameraRow> = { ...fields, updatedAt: new Date() };
      if (credentials !== undefined) changes.credentials = credentials ? sealCredentials(deps.keys, id, credentials) : null;
      const [row] = await tx.update(cameras).set(changes).where(eq(cameras.id, id)).returning();
      // Withdrawing the request to open to the public ends the committee's approval (asking again needs a new one).
      const withdrawn =
        current.openToPublic && fields.openToPublic === false
          ? await tx.delete(cameraPublicAccess).where(eq(cameraPublicAccess.cameraId, id)).returning({ id: cameraPublicAccess.cameraId })
          : [];
      const changed = Object.keys(fields).filter((k) => (current as Record<string, unknown>)[k] !== (fields as Record<string, unknown>)[k]);
      await recordAudit(tx, actor, {
        action: 'camera.updated',
        targetType: 'camera',
        targetId: id,
        data: {
          changed,
          before: auditView(Object.fromEntries(changed.map((k) => [k, (current as Record<string, unknown>)[k]]))),
          after: auditView(Object.fromEntries(changed.map((k) => [k, (fields as Record<string, unknown>)[k]]))),
          credentialsChanged: credentials !== undefined,
          ...(withdrawn.length ? { publicAccessApprovalEnded: true } : {}),
        },
      });
      return toCamera(row!, (await cameraStates(tx, [id])).get(id));
    }),
  );
}

export async function deleteCamera(deps: CameraDeps, auth: AuthContext, actor: AuditActor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const current = await loadCamera(tx, manageScope(auth), id, true);
    await tx.delete(cameras).where(eq(cameras.id, id));
    await recordAudit(tx, actor, { action: 'camera.deleted', targetType: 'camera', targetId: id, data: auditView(current) });
  });
}
