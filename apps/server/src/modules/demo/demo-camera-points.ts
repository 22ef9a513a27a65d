import { randomUUID } from 'node:crypto';
import { and, eq, inArray, max } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cameraPoints, cooperationTerms, projectAuthorisations } from '../../db/tables/accreditation.js';
import { cameraPublicAccess } from '../../db/tables/camera-public-access.js';
import { cameras } from '../../db/tables/cameras.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';

/**
 * Makes the demo cameras eligible to stream (issue 12): the demo partner's active term
 * (DEMO-TCT-0001, demo.seed.ts) gets its executive project authorised, each demo camera is tied
 * to a camera point of that project, and the camera the partner asked to open to the public gets
 * the committee's approval. Idempotent. Returns false when the demo partner has no active term.
 */
export async function authoriseDemoCameras(tx: Tx, partnerId: string, cameraIds: string[]): Promise<boolean> {
  const [term] = await tx
    .select({ id: cooperationTerms.id, applicationId: cooperationTerms.applicationId })
    .from(cooperationTerms)
    .where(and(eq(cooperationTerms.partnerId, partnerId), eq(cooperationTerms.status, 'active')))
    .limit(1);
  if (!term) return false;
  const actor = systemActor('demo-cameras');
  const [authorised] = await tx
    .select({ id: projectAuthorisations.id })
    .from(projectAuthorisations)
    .where(eq(projectAuthorisations.applicationId, term.applicationId));
  if (!authorised) {
    const [row] = await tx
      .insert(projectAuthorisations)
      .values({ termId: term.id, applicationId: term.applicationId, cameraPoints: cameraIds.length, pointsDigest: 'demo' })
      .returning({ id: projectAuthorisations.id });
    await recordAudit(tx, actor, {
      action: 'project.authorised',
      targetType: 'cooperation_term',
      targetId: term.id,
      data: { demo: true, authorisationId: row!.id, applicationId: term.applicationId },
    });
  }
  const rows = cameraIds.length ? await tx.select().from(cameras).where(inArray(cameras.id, cameraIds)) : [];
  const [{ last }] = (await tx
    .select({ last: max(cameraPoints.ordinal) })
    .from(cameraPoints)
    .where(eq(cameraPoints.applicationId, term.applicationId))) as [{ last: number | null }];
  let ordinal = last ?? 0;
  for (const c of rows) {
    if (!c.cameraPointId) {
      const id = randomUUID();
      await tx.insert(cameraPoints).values({
        id,
        applicationId: term.applicationId,
        ordinal: ++ordinal,
        address: `Ponto de demonstração ${ordinal}`,
        municipalityIbge: c.municipalityIbge,
        latitude: c.latitude,
        longitude: c.longitude,
        mounting: c.mounting,
        films: 'via pública',
      });
      await tx.update(cameras).set({ cameraPointId: id }).where(eq(cameras.id, c.id));
    }
    if (c.openToPublic) {
      const [approved] = await tx
        .insert(cameraPublicAccess)
        .values({ cameraId: c.id, approvedBy: randomUUID(), reason: 'Demonstração: abertura ao público aprovada.' })
        .onConflictDoNothing()
        .returning({ id: cameraPublicAccess.cameraId });
      if (approved)
        await recordAudit(tx, actor, {
          action: 'camera.public_access_decided',
          targetType: 'camera',
          targetId: c.id,
          reason: 'Demonstração: abertura ao público aprovada.',
          data: { demo: true, approve: true },
        });
    }
  }
  return true;
}

/** Spare points of the demo's authorised executive project, for cameras a demo partner registers later. */
export const DEMO_SPARE_POINTS = 20;

/** Deterministic id of spare demo point `n` (1…DEMO_SPARE_POINTS), so demos and e2e tests can name it. */
export function demoSparePointId(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > DEMO_SPARE_POINTS) throw new RangeError(`no spare demo point ${n}`);
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/**
 * Demo only: the demo term's executive project is authorised (Art. 14 §4) with DEMO_SPARE_POINTS
 * points in Cuiabá, so a camera the demo partner registers tied to one of them
 * (`cameraPointId: demoSparePointId(n)`) is eligible to stream, as after a real authorisation.
 * Idempotent.
 */
export async function authoriseDemoProject(tx: Tx, partnerId: string): Promise<void> {
  if (!(await authoriseDemoCameras(tx, partnerId, []))) return;
  const [term] = await tx
    .select({ applicationId: cooperationTerms.applicationId })
    .from(cooperationTerms)
    .where(and(eq(cooperationTerms.partnerId, partnerId), eq(cooperationTerms.status, 'active')))
    .limit(1);
  for (let n = 1; n <= DEMO_SPARE_POINTS; n++) {
    await tx
      .insert(cameraPoints)
      .values({
        id: demoSparePointId(n),
        applicationId: term!.applicationId,
        ordinal: 1000 + n,
        address: `Ponto de demonstração reservado ${n}`,
        municipalityIbge: '5103403',
        latitude: -15.6,
        longitude: -56.1,
        mounting: 'pole',
        films: 'via pública',
      })
      .onConflictDoNothing();
  }
}
