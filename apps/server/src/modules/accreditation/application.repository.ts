import type { ApplicantKind, ApplicationDetail, ApplicationSummary, CameraPoint } from '@vigia/contracts';
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import {
  applicationDocuments,
  applications,
  cameraPoints,
  deficiencyItems,
  deficiencyNotices,
  reviewItems,
  rispOpinions,
  technicalVisits,
} from '../../db/tables/accreditation.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { partners } from '../../db/tables/partners.js';
import { securityRegionMunicipalities, securityRegions } from '../../db/tables/regions.js';
import { toDocumentSummary } from '../documents/documents.service.js';
import { findMunicipality } from '../reference/municipalities.js';
import { pointMunicipalityWarning } from '../reference/point-municipality-check.js';
import { checklistItemsFor, documentsFor } from './requirements.js';
import type { ApplicationRow } from './scope.js';

export type PointRow = typeof cameraPoints.$inferSelect;

export const municipalityName = (ibge: string) => findMunicipality(ibge)?.name ?? ibge;

export async function pointsOf(db: Queryable, applicationId: string): Promise<PointRow[]> {
  return db.select().from(cameraPoints).where(eq(cameraPoints.applicationId, applicationId)).orderBy(asc(cameraPoints.ordinal));
}

export function toCameraPoint(p: PointRow): CameraPoint {
  return {
    id: p.id,
    ordinal: p.ordinal,
    address: p.address,
    municipalityIbge: p.municipalityIbge,
    municipalityName: municipalityName(p.municipalityIbge),
    latitude: p.latitude,
    longitude: p.longitude,
    mounting: p.mounting,
    mountingDetail: p.mountingDetail,
    films: p.films,
    mountingPhotoFileId: p.mountingPhotoFileId,
    viewPhotoFileId: p.viewPhotoFileId,
    locationWarning: pointMunicipalityWarning(p),
  };
}

/** Current file per requirement key (the latest attachment wins). */
export async function currentAttachments(db: Queryable, applicationId: string): Promise<Map<string, string>> {
  const rows = await db
    .select()
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, applicationId))
    .orderBy(asc(applicationDocuments.attachedAt));
  return new Map(rows.map((r) => [r.requirementKey, r.fileId]));
}

/**
 * Security regions (RISP) of the camera points' municipalities (Art. 12). A municipality with no
 * known region is returned as a gap: the committee is told, the platform never guesses.
 */
export async function regionsOfPoints(db: Queryable, points: PointRow[]) {
  const munis = [...new Set(points.map((p) => p.municipalityIbge))];
  if (munis.length === 0) return { regions: new Map<string, { name: string; municipalities: string[] }>(), gaps: [] as string[] };
  const rows = await db
    .select({
      regionId: securityRegionMunicipalities.regionId,
      ibge: securityRegionMunicipalities.municipalityIbge,
      name: securityRegions.name,
    })
    .from(securityRegionMunicipalities)
    .innerJoin(securityRegions, eq(securityRegions.id, securityRegionMunicipalities.regionId))
    .where(inArray(securityRegionMunicipalities.municipalityIbge, munis));
  const regions = new Map<string, { name: string; municipalities: string[] }>();
  for (const r of rows) {
    const entry = regions.get(r.regionId) ?? { name: r.name, municipalities: [] };
    entry.municipalities.push(r.ibge);
    regions.set(r.regionId, entry);
  }
  const known = new Set(rows.map((r) => r.ibge));
  return { regions, gaps: munis.filter((m) => !known.has(m)) };
}

export const rispGapMessage = (ibge: string) =>
  `O município ${municipalityName(ibge)} (IBGE ${ibge}) não tem região integrada de segurança pública (RISP) cadastrada: o parecer do art. 12 não pode ser solicitado. Cadastre a região antes de decidir.`;

export async function toSummaries(db: Queryable, rows: ApplicationRow[]): Promise<ApplicationSummary[]> {
  if (rows.length === 0) return [];
  const ps = await db
    .select()
    .from(partners)
    .where(inArray(partners.id, [...new Set(rows.map((r) => r.partnerId))]));
  const byId = new Map(ps.map((p) => [p.id, p]));
  return rows.map((r) => {
    const p = byId.get(r.partnerId)!;
    return {
      id: r.id,
      number: r.number,
      partnerId: r.partnerId,
      partnerName: p.name,
      partnerKind: p.kind as ApplicantKind,
      municipalityIbge: p.municipalityIbge,
      status: r.status as ApplicationSummary['status'],
      modality: r.modality,
      handledBy: r.handledBy,
      managerMunicipalityIbge: r.managerMunicipalityIbge,
      directHandling: r.directHandlingStatus
        ? { status: r.directHandlingStatus, reason: r.directHandlingReason ?? '', note: r.directHandlingNote }
        : null,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

export async function listApplications(db: Queryable, where: SQL): Promise<ApplicationSummary[]> {
  const rows = await db.select().from(applications).where(where).orderBy(desc(applications.updatedAt)).limit(500);
  return toSummaries(db, rows);
}

export async function loadDetail(db: Queryable, app: ApplicationRow): Promise<ApplicationDetail> {
  const [summary] = await toSummaries(db, [app]);
  const [partner] = await db.select().from(partners).where(eq(partners.id, app.partnerId));
  const kind = partner!.kind as ApplicantKind;
  const points = await pointsOf(db, app.id);
  const attachments = await currentAttachments(db, app.id);
  const reviews = new Map((await db.select().from(reviewItems).where(eq(reviewItems.applicationId, app.id))).map((r) => [r.itemKey, r]));
  const { gaps } = await regionsOfPoints(db, points);
  const opinions = await db
    .select({ o: rispOpinions, name: securityRegions.name })
    .from(rispOpinions)
    .innerJoin(securityRegions, eq(securityRegions.id, rispOpinions.securityRegionId))
    .where(eq(rispOpinions.applicationId, app.id))
    .orderBy(asc(securityRegions.name));
  const { regions } = await regionsOfPoints(db, points);
  const notices = await db
    .select()
    .from(deficiencyNotices)
    .where(eq(deficiencyNotices.applicationId, app.id))
    .orderBy(asc(deficiencyNotices.issuedAt));
  const items = notices.length
    ? await db
        .select()
        .from(deficiencyItems)
        .where(
          inArray(
            deficiencyItems.noticeId,
            notices.map((n) => n.id),
          ),
        )
        .orderBy(asc(deficiencyItems.ordinal))
    : [];
  const visits = await db
    .select()
    .from(technicalVisits)
    .where(eq(technicalVisits.applicationId, app.id))
    .orderBy(asc(technicalVisits.scheduledFor));
  const docs = await db
    .select()
    .from(generatedDocuments)
    .where(and(eq(generatedDocuments.subjectType, 'application'), eq(generatedDocuments.subjectId, app.id)))
    .orderBy(asc(generatedDocuments.issuedAt));
  return {
    ...summary!,
    propertyOwnership: app.propertyOwnership,
    leaseEndsOn: app.leaseEndsOn,
    consortiumMunicipalities: app.consortiumMunicipalities,
    extendsTermId: app.extendsTermId,
    decisionReason: app.decisionReason,
    cameraPoints: points.map(toCameraPoint),
    documents: documentsFor(kind, app).map((d) => ({
      key: d.key,
      label: d.label,
      legalBasis: d.legalBasis,
      mandatory: d.mandatory,
      fileId: attachments.get(d.key) ?? null,
    })),
    checklist: checklistItemsFor(kind, app, points).map((c) => {
      const r = reviews.get(c.itemKey);
      return { ...c, verdict: r?.verdict ?? 'pending', note: r?.note ?? null };
    }),
    rispOpinions: opinions.map(({ o, name }) => ({
      id: o.id,
      applicationId: o.applicationId,
      securityRegionId: o.securityRegionId,
      securityRegionName: name,
      municipalities: regions.get(o.securityRegionId)?.municipalities ?? [],
      status: o.status,
      reasons: o.reasons,
      decidedAt: o.decidedAt?.toISOString() ?? null,
    })),
    rispGaps: gaps.map((g) => ({ municipalityIbge: g, municipalityName: municipalityName(g), message: rispGapMessage(g) })),
    technicalVisits: visits.map((v) => ({
      id: v.id,
      scheduledFor: v.scheduledFor.toISOString(),
      place: v.place,
      findings: v.findings,
      recordedAt: v.recordedAt?.toISOString() ?? null,
    })),
    deficiencyNotices: notices.map((n) => ({
      id: n.id,
      status: n.status,
      issuedAt: n.issuedAt.toISOString(),
      receivedOn: n.receivedOn,
      businessDays: n.businessDays,
      dueOn: n.dueOn,
      items: items
        .filter((i) => i.noticeId === n.id)
        .map((i) => ({
          id: i.id,
          itemKey: i.itemKey,
          description: i.description,
          answer: i.answer,
          fileId: i.fileId,
          answeredAt: i.answeredAt?.toISOString() ?? null,
        })),
    })),
    generatedDocuments: docs.map(toDocumentSummary),
  };
}

export async function openNoticeOf(db: Queryable, applicationId: string) {
  const [n] = await db
    .select()
    .from(deficiencyNotices)
    .where(and(eq(deficiencyNotices.applicationId, applicationId), eq(deficiencyNotices.status, 'open')))
    .limit(1);
  return n;
}

export async function latestUnsupersededDoc(db: Queryable, applicationId: string, kind: string) {
  const [d] = await db
    .select()
    .from(generatedDocuments)
    .where(
      and(eq(generatedDocuments.subjectId, applicationId), eq(generatedDocuments.kind, kind), isNull(generatedDocuments.supersededById)),
    )
    .limit(1);
  return d;
}
