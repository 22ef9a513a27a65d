import type { Camera, CameraCreateInput, IntegratorClient, IntegratorClientInput } from '@vigia/contracts';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Queryable, Tx } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { cameraSharingConsents, integratorCameras, integratorClients } from '../../db/tables/integrators.js';
import { partners } from '../../db/tables/partners.js';
import { cameraMonitoring, cameraOutages } from '../../db/tables/sanctions.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { integratorCompanyIds } from '../cameras/cameras.scope.js';
import { type CameraDeps, cameraStates, getCamera, insertCamera, uniqueViolationAsConflict } from '../cameras/cameras.service.js';
import type { FileStorage } from '../files/file-storage.js';
import { cuiabaMonth } from '../health/health-dashboard.js';
import { cameraUptime, monthBounds } from '../sanctions/uptime.js';
import { consentsOf } from './consent-view.js';

export interface IntegratorDeps extends CameraDeps {
  clock: Clock;
  storage: FileStorage;
  publicUrl: string;
}

/** The integrator company the user works for (one grant `integrator` with a partner id). */
export function integratorCompanyId(auth: AuthContext): string {
  const ids = integratorCompanyIds(auth);
  if (ids.length !== 1) throw new AppError('INTEGRATOR_COMPANY_MISSING');
  return ids[0]!;
}

/** A client of the caller's company; any other partner (or a user without a company) gets 404. */
export async function loadClient(db: Queryable, auth: AuthContext, clientPartnerId: string) {
  const [row] = await db
    .select({ partner: partners })
    .from(integratorClients)
    .innerJoin(partners, eq(partners.id, integratorClients.clientPartnerId))
    .where(
      and(
        inArray(integratorClients.integratorPartnerId, integratorCompanyIds(auth)),
        eq(integratorClients.clientPartnerId, clientPartnerId),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Cliente não encontrado na carteira da sua empresa.');
  return row.partner;
}

/**
 * Adds a client (person or company) to the company's portfolio. A CPF/CNPJ already registered is
 * linked (the client's consent, never the integrator, decides what is shared); otherwise a partner
 * is created for it. Idempotent for a client already in the portfolio.
 */
export async function addClient(db: Tx, auth: AuthContext, actor: AuditActor, input: IntegratorClientInput): Promise<string> {
  const company = integratorCompanyId(auth);
  const [existing] = await db.select({ id: partners.id }).from(partners).where(eq(partners.document, input.document)).limit(1);
  const partnerId =
    existing?.id ??
    (
      await db
        .insert(partners)
        .values({
          kind: input.kind,
          name: input.name,
          document: input.document,
          email: input.email,
          municipalityIbge: input.municipalityIbge,
        })
        .returning({ id: partners.id })
    )[0]!.id;
  if (partnerId === company)
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'document', message: 'A empresa não pode ser cliente de si mesma.' }]);
  const [linked] = await db
    .insert(integratorClients)
    .values({ integratorPartnerId: company, clientPartnerId: partnerId, createdBy: auth.user.id })
    .onConflictDoNothing()
    .returning({ id: integratorClients.id });
  if (linked) {
    await recordAudit(db, actor, {
      action: 'integrator_client.added',
      targetType: 'partner',
      targetId: partnerId,
      data: { integratorPartnerId: company, created: !existing },
    });
  }
  return partnerId;
}

/** Registers a camera of a client, managed and shared by the company (it streams only once consented). */
export async function addClientCamera(
  tx: Tx,
  deps: IntegratorDeps,
  auth: AuthContext,
  actor: AuditActor,
  clientPartnerId: string,
  input: CameraCreateInput,
): Promise<string> {
  await loadClient(tx, auth, clientPartnerId);
  const camera = await insertCamera(tx, deps, auth, actor, clientPartnerId, input);
  await tx.insert(integratorCameras).values({ cameraId: camera.id, integratorPartnerId: integratorCompanyId(auth) });
  return camera.id;
}

export async function createClientCamera(
  deps: IntegratorDeps,
  auth: AuthContext,
  actor: AuditActor,
  clientPartnerId: string,
  input: CameraCreateInput,
): Promise<Camera> {
  const id = await uniqueViolationAsConflict(() =>
    deps.db.transaction((tx) => addClientCamera(tx, deps, auth, actor, clientPartnerId, input)),
  );
  return getCamera(deps.db, auth, id);
}

/** The company's portfolio: each client with its managed cameras (eligibility, consent, uptime this month) and consents. */
export async function listClients(db: Queryable, auth: AuthContext, now: Date, only?: string): Promise<IntegratorClient[]> {
  const company = integratorCompanyId(auth);
  const rows = await db
    .select({ p: partners })
    .from(integratorClients)
    .innerJoin(partners, eq(partners.id, integratorClients.clientPartnerId))
    .where(and(eq(integratorClients.integratorPartnerId, company), only ? eq(integratorClients.clientPartnerId, only) : undefined))
    .orderBy(partners.name)
    .limit(1000);
  if (!rows.length) return [];
  const clientIds = rows.map((r) => r.p.id);
  const cams = await db
    .select({
      id: cameras.id,
      name: cameras.name,
      status: cameras.status,
      partnerId: cameras.partnerId,
      since: cameraMonitoring.monitoredSince,
    })
    .from(cameras)
    .innerJoin(integratorCameras, and(eq(integratorCameras.cameraId, cameras.id), eq(integratorCameras.integratorPartnerId, company)))
    .leftJoin(cameraMonitoring, eq(cameraMonitoring.cameraId, cameras.id))
    .where(inArray(cameras.partnerId, clientIds))
    .orderBy(cameras.name);
  const states = await cameraStates(
    db,
    cams.map((c) => c.id),
  );
  const { start, end } = monthBounds(cuiabaMonth(now));
  const outages = cams.length
    ? await db
        .select()
        .from(cameraOutages)
        .where(
          and(
            inArray(
              cameraOutages.cameraId,
              cams.map((c) => c.id),
            ),
            or(isNull(cameraOutages.endedAt), sql`${cameraOutages.endedAt} > ${start}`),
          ),
        )
    : [];
  const consents = await consentsOf(
    db,
    and(eq(cameraSharingConsents.integratorPartnerId, company), inArray(cameraSharingConsents.clientPartnerId, clientIds))!,
  );
  const consentOf = (cameraId: string) => {
    const mine = consents.filter((c) => c.cameras.some((x) => x.id === cameraId));
    return (mine.find((c) => c.status === 'granted') ?? mine.find((c) => c.status === 'pending') ?? mine[0])?.status ?? null;
  };
  return rows.map(({ p }) => ({
    id: p.id,
    partnerId: p.id,
    kind: p.kind,
    name: p.name,
    document: p.document,
    email: p.email,
    municipalityIbge: p.municipalityIbge,
    cameras: cams
      .filter((c) => c.partnerId === p.id)
      .map((c) => ({
        id: c.id,
        name: c.name,
        status: c.status,
        streamEligible: states.get(c.id)?.streamEligible ?? false,
        consent: consentOf(c.id),
        uptimePercent: cameraUptime(
          start,
          end,
          c.since,
          outages.filter((o) => o.cameraId === c.id),
          now,
        ).percent,
      })),
    consents: consents.filter((c) => c.clientPartnerId === p.id),
  }));
}
