import {
  type ApplicantKind,
  type ApplicationDetail,
  type ApplicationUpdateRequest,
  type CameraPointInput,
  canManageIndirectly,
  propertyOwnershipIssue,
} from '@vigia/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applicationDocuments, applications, cameraPoints } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOwnFile } from '../files/files.repository.js';
import { findPartner } from '../partners/partner-profile.js';
import { findMunicipality } from '../reference/municipalities.js';
import { isInsideMatoGrosso } from '../reference/state-outline.js';
import { loadDetail, openNoticeOf } from './application.repository.js';
import type { AccreditationDeps, Acting } from './deps.js';
import { documentsFor, GENERATED_DOCUMENT_KEYS } from './requirements.js';
import { type ApplicationRow, loadInScope, preparerCondition } from './scope.js';

/**
 * The partner edits its application while it is a draft, or while a deficiency notice is open
 * (that is how faults in documents and in the executive project are remedied, Art. 16 §2).
 */
async function loadEditable(tx: Tx, who: Acting, id: string, allowDuringNotice: boolean): Promise<ApplicationRow> {
  const app = await loadInScope(tx, preparerCondition(who.auth), id, true);
  if (app.status === 'draft') return app;
  if (allowDuringNotice && app.status === 'deficiency_notice_issued' && (await openNoticeOf(tx, app.id))) return app;
  throw new AppError('INVALID_STATE', 'O pedido só pode ser alterado como rascunho ou para sanar falhas indicadas em notificação aberta.');
}

async function requireOwnFile(tx: Tx, who: Acting, fileId: string | undefined, path: string): Promise<void> {
  if (fileId && !(await findOwnFile(tx, who.auth.user.id, fileId))) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path, message: 'Arquivo não encontrado entre os seus envios.' }]);
  }
}

export async function updateApplication(
  deps: AccreditationDeps,
  who: Acting,
  id: string,
  input: ApplicationUpdateRequest,
): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadEditable(tx, who, id, false);
    const partner = (await findPartner(tx, current.partnerId))!;
    if (input.modality === 'indirect' && !canManageIndirectly(partner.kind as ApplicantKind)) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'modality', message: 'Somente municípios e consórcios públicos podem assumir a gestão indireta (art. 4º, II).' },
      ]);
    }
    const ownershipIssue = input.propertyOwnership ? propertyOwnershipIssue(partner.kind as ApplicantKind, input.propertyOwnership) : null;
    if (ownershipIssue) throw new AppError('PROPERTY_SITUATION_NOT_ADMITTED', ownershipIssue);
    const set: Partial<typeof applications.$inferInsert> = { updatedAt: new Date() };
    if (input.modality) set.modality = input.modality;
    if (input.propertyOwnership) set.propertyOwnership = input.propertyOwnership;
    if (input.leaseEndsOn !== undefined) set.leaseEndsOn = input.leaseEndsOn;
    if (input.consortiumMunicipalities) set.consortiumMunicipalities = input.consortiumMunicipalities;
    const [row] = await tx.update(applications).set(set).where(eq(applications.id, id)).returning();
    await recordAudit(tx, who.actor, { action: 'application.updated', targetType: 'application', targetId: id, data: { ...input } });
    return row!;
  });
  return loadDetail(deps.db, app);
}

/** Validates every point (municipality exists, coordinates inside MT — Art. 3 sole §); pt-BR details per point. */
function validatePoints(points: CameraPointInput[]): void {
  const details: { path: string; message: string }[] = [];
  points.forEach((p, i) => {
    if (!findMunicipality(p.municipalityIbge))
      details.push({
        path: `points.${i}.municipalityIbge`,
        message: `Ponto ${i + 1}: o código IBGE ${p.municipalityIbge} não é de município de Mato Grosso.`,
      });
    if (!isInsideMatoGrosso(p.latitude, p.longitude)) {
      details.push({
        path: `points.${i}.latitude`,
        message: `Ponto ${i + 1}: as coordenadas (${p.latitude}, ${p.longitude}) ficam fora do território de Mato Grosso.`,
      });
    }
  });
  if (details.some((d) => d.path.endsWith('municipalityIbge'))) throw new AppError('MUNICIPALITY_UNKNOWN', undefined, details);
  if (details.length) throw new AppError('LOCATION_OUTSIDE_MT', undefined, details);
}

/** Replaces the executive project's rows (Anexo 3); annexes 4 and 5 are generated from the same rows. */
export async function setCameraPoints(
  deps: AccreditationDeps,
  who: Acting,
  id: string,
  points: CameraPointInput[],
): Promise<ApplicationDetail> {
  validatePoints(points);
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadEditable(tx, who, id, true);
    for (const [i, p] of points.entries()) {
      await requireOwnFile(tx, who, p.mountingPhotoFileId, `points.${i}.mountingPhotoFileId`);
      await requireOwnFile(tx, who, p.viewPhotoFileId, `points.${i}.viewPhotoFileId`);
    }
    await tx.delete(cameraPoints).where(eq(cameraPoints.applicationId, id));
    await tx.insert(cameraPoints).values(
      points.map((p, i) => ({
        applicationId: id,
        ordinal: i + 1,
        address: p.address,
        municipalityIbge: p.municipalityIbge,
        latitude: p.latitude,
        longitude: p.longitude,
        mounting: p.mounting,
        mountingDetail: p.mountingDetail ?? null,
        films: p.films,
        mountingPhotoFileId: p.mountingPhotoFileId ?? null,
        viewPhotoFileId: p.viewPhotoFileId ?? null,
      })),
    );
    const [row] = await tx.update(applications).set({ updatedAt: new Date() }).where(eq(applications.id, id)).returning();
    await recordAudit(tx, who.actor, {
      action: 'application.camera_points_set',
      targetType: 'application',
      targetId: id,
      data: { count: points.length, municipalities: [...new Set(points.map((p) => p.municipalityIbge))], status: current.status },
    });
    return row!;
  });
  return loadDetail(deps.db, app);
}

/** Attaches an uploaded file (own upload only) to one required document of the application. */
export async function attachDocument(
  deps: AccreditationDeps,
  who: Acting,
  id: string,
  input: { requirementKey: string; fileId: string },
): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadEditable(tx, who, id, true);
    const partner = (await findPartner(tx, current.partnerId))!;
    const known = documentsFor(partner.kind as ApplicantKind, current).some((d) => d.key === input.requirementKey);
    if (!known || GENERATED_DOCUMENT_KEYS.has(input.requirementKey)) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        {
          path: 'requirementKey',
          message: GENERATED_DOCUMENT_KEYS.has(input.requirementKey)
            ? 'Este anexo é gerado pela plataforma a partir do pedido; não é preciso enviá-lo.'
            : 'Documento não previsto para este tipo de proponente.',
        },
      ]);
    }
    await requireOwnFile(tx, who, input.fileId, 'fileId');
    await tx
      .insert(applicationDocuments)
      .values({ applicationId: id, requirementKey: input.requirementKey, fileId: input.fileId, attachedBy: who.auth.user.id });
    const [row] = await tx
      .update(applications)
      .set({ updatedAt: new Date() })
      .where(and(eq(applications.id, id)))
      .returning();
    await recordAudit(tx, who.actor, { action: 'application.document_attached', targetType: 'application', targetId: id, data: input });
    return row!;
  });
  return loadDetail(deps.db, app);
}
