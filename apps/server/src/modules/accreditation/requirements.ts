import { createHash } from 'node:crypto';
import { type ApplicantKind, isPrivateApplicant, type RequiredDocument, requiredDocuments, technicalRequirements } from '@vigia/contracts';
import type { cameraPoints } from '../../db/tables/accreditation.js';
import { CUIABA_IBGE } from '../reference/municipalities.js';
import type { ApplicationRow } from './scope.js';

type PointRow = typeof cameraPoints.$inferSelect;

/**
 * Documents the platform GENERATES from the application itself, so the partner never uploads them:
 * Anexo 1 (request), Anexo 3 (executive project), Anexo 4 (distribution table) and Anexo 5
 * (public-interest declaration, signed by the RISP through its opinion, Art. 12).
 */
export const GENERATED_DOCUMENT_KEYS = new Set([
  'applicant.application_request',
  'applicant.executive_project',
  'applicant.distribution_table',
  'applicant.public_interest_declaration',
]);

export function documentsFor(kind: ApplicantKind, app: Pick<ApplicationRow, 'propertyOwnership' | 'modality'>): RequiredDocument[] {
  return requiredDocuments({ kind, propertyOwnership: app.propertyOwnership, modality: app.modality });
}

/** Documents the partner must upload before submitting (mandatory by the decree, not generated). */
export const uploadsRequired = (docs: RequiredDocument[]) => docs.filter((d) => d.mandatory && !GENERATED_DOCUMENT_KEYS.has(d.key));

/** Art. 14 §3: connectivity is assessed for private applicants with points outside the capital. */
export function technicalItemsFor(kind: ApplicantKind, points: Pick<PointRow, 'municipalityIbge'>[]) {
  const interior = points.some((p) => p.municipalityIbge !== CUIABA_IBGE);
  return technicalRequirements.filter((t) => t.key !== 'technical.connectivity' || (isPrivateApplicant(kind) && interior));
}

/** Every checklist item the committee must mark "ok" before approval. */
export function checklistItemsFor(kind: ApplicantKind, app: ApplicationRow, points: PointRow[]) {
  const docs = documentsFor(kind, app)
    .filter((d) => d.mandatory)
    .map((d) => ({ itemKey: d.key, label: d.label, legalBasis: d.legalBasis }));
  const tech = technicalItemsFor(kind, points).map((t) => ({ itemKey: t.key, label: t.label, legalBasis: t.legalBasis }));
  return [...docs, ...tech];
}

/** SHA-256 of the executive-project rows: annexes 3, 4 and 5 of one version carry the same digest. */
export function pointsDigest(points: PointRow[]): string {
  const canonical = [...points]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((p) => [
      p.ordinal,
      p.address,
      p.municipalityIbge,
      p.latitude,
      p.longitude,
      p.mounting,
      p.mountingDetail,
      p.films,
      p.mountingPhotoFileId,
      p.viewPhotoFileId,
    ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
