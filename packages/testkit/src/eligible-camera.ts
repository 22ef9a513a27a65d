import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import {
  applications,
  cameraPoints,
  cameraPublicAccess,
  cameras,
  cooperationTerms,
  projectAuthorisations,
} from '../../../apps/server/src/db/schema.js';
import { todayInCuiaba } from '../../../apps/server/src/modules/calendar/local-date.js';
import type { Database } from './server.js';

/**
 * Factory for "an eligible camera" (issue 12, `@vigia/contracts/stream-eligibility`): the camera's
 * partner holds an active cooperation term with an authorised executive project, and the camera is
 * tied to one of that project's camera points. `public: true` also records the partner's request
 * to open it to the public and the committee's approval. Reuses the partner's term when present.
 */
export async function makeStreamEligible(database: Database, cameraId: string, opts: { public?: boolean } = {}): Promise<void> {
  const db = database.db;
  const [camera] = await db.select().from(cameras).where(eq(cameras.id, cameraId));
  if (!camera) throw new Error(`no camera ${cameraId}`);
  const applicationId = await authorisedProject(database, camera.partnerId);
  const [{ n }] = (await db.select({ n: count() }).from(cameraPoints).where(eq(cameraPoints.applicationId, applicationId))) as [
    { n: number },
  ];
  const [point] = await db
    .insert(cameraPoints)
    .values({
      applicationId,
      ordinal: Number(n) + 1,
      address: 'Ponto de teste',
      municipalityIbge: camera.municipalityIbge,
      latitude: camera.latitude,
      longitude: camera.longitude,
      mounting: camera.mounting,
      films: 'via pública',
    })
    .returning();
  await db
    .update(cameras)
    .set({ cameraPointId: point!.id, ...(opts.public ? { openToPublic: true } : {}) })
    .where(eq(cameras.id, cameraId));
  if (opts.public) await approvePublicAccess(database, cameraId);
}

/**
 * Every camera of the database (or those named) made eligible, and each one whose partner asked to
 * open it to the public approved — fixtures that register many cameras through the API or the import.
 */
export async function makeAllStreamEligible(database: Database, ids?: string[]): Promise<void> {
  const rows = await database.db
    .select({ id: cameras.id, cameraPointId: cameras.cameraPointId, openToPublic: cameras.openToPublic })
    .from(cameras)
    .where(ids ? inArray(cameras.id, ids) : undefined);
  for (const r of rows) if (!r.cameraPointId) await makeStreamEligible(database, r.id, { public: r.openToPublic });
}

/** The committee's approval of a camera's request to open to the public, as the decision route writes it. */
export async function approvePublicAccess(database: Database, cameraId: string): Promise<void> {
  await database.db
    .insert(cameraPublicAccess)
    .values({ cameraId, approvedBy: randomUUID(), reason: 'Aprovado pela comissão (teste).' })
    .onConflictDoNothing();
}

/** The partner's homologated application with an authorised project under an active term (created once). */
async function authorisedProject(database: Database, partnerId: string): Promise<string> {
  const db = database.db;
  const [found] = await db
    .select({ applicationId: projectAuthorisations.applicationId })
    .from(projectAuthorisations)
    .innerJoin(cooperationTerms, eq(cooperationTerms.id, projectAuthorisations.termId))
    .where(and(eq(cooperationTerms.partnerId, partnerId), eq(cooperationTerms.status, 'active')))
    .limit(1);
  if (found) return found.applicationId;
  const [app] = await db
    .insert(applications)
    .values({
      number: `E-${randomBytes(5).toString('hex')}`,
      partnerId,
      status: 'homologated',
      propertyOwnership: 'own',
      createdBy: randomUUID(),
    })
    .returning();
  const [term] = await db
    .insert(cooperationTerms)
    .values({
      number: `TCT-E-${randomBytes(5).toString('hex')}`,
      partnerId,
      applicationId: app!.id,
      kind: 'direct',
      status: 'active',
      signedOn: todayInCuiaba(),
    })
    .returning();
  await db.insert(projectAuthorisations).values({ termId: term!.id, applicationId: app!.id, cameraPoints: 0, pointsDigest: 'test' });
  return app!.id;
}
