import type { ApplicantKind, ApplicationStatus, RispCase } from '@vigia/contracts';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applications, cameraPoints, rispOpinions } from '../../db/tables/accreditation.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { storedFiles } from '../../db/tables/files.js';
import { partners } from '../../db/tables/partners.js';
import { securityRegionMunicipalities, securityRegions } from '../../db/tables/regions.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import type { AuthContext } from '../accounts/session.service.js';
import { toDocumentSummary } from '../documents/documents.service.js';
import type { FileStorage } from '../files/file-storage.js';
import { pointsOf, regionsOfPoints, toCameraPoint } from './application.repository.js';

const regionsOf = (auth: AuthContext) =>
  auth.grants.filter((g) => g.role === 'risp_coordinator' && g.securityRegionId).map((g) => g.securityRegionId!);

/** The opinion, if it belongs to one of the coordinator's regions (scope in SQL); 404 otherwise. */
async function loadOpinionInScope(db: Db, auth: AuthContext, opinionId: string) {
  const regions = regionsOf(auth);
  if (regions.length === 0) throw new AppError('NOT_FOUND', 'Parecer não encontrado entre os da sua região.');
  const [found] = await db
    .select({
      o: rispOpinions,
      regionName: securityRegions.name,
      app: applications,
      partnerName: partners.name,
      partnerKind: partners.kind,
    })
    .from(rispOpinions)
    .innerJoin(securityRegions, eq(securityRegions.id, rispOpinions.securityRegionId))
    .innerJoin(applications, eq(applications.id, rispOpinions.applicationId))
    .innerJoin(partners, eq(partners.id, applications.partnerId))
    .where(and(eq(rispOpinions.id, opinionId), inArray(rispOpinions.securityRegionId, regions)))
    .limit(1);
  if (!found) throw new AppError('NOT_FOUND', 'Parecer não encontrado entre os da sua região.');
  return found;
}

/** Municipalities of the opinion's region (the points outside it are not the coordinator's business). */
async function regionMunicipalities(db: Db, regionId: string): Promise<string[]> {
  const rows = await db
    .select({ ibge: securityRegionMunicipalities.municipalityIbge })
    .from(securityRegionMunicipalities)
    .where(eq(securityRegionMunicipalities.regionId, regionId));
  return rows.map((r) => r.ibge);
}

/**
 * Art. 12: what the coordinator gives an opinion on — number, partner, the camera points in its
 * region (address, coordinates, what it films, photos) and the current Anexo 5.
 */
export async function loadRispCase(db: Db, auth: AuthContext, opinionId: string): Promise<RispCase> {
  const found = await loadOpinionInScope(db, auth, opinionId);
  const all = await pointsOf(db, found.app.id);
  const munis = new Set(await regionMunicipalities(db, found.o.securityRegionId));
  const { regions } = await regionsOfPoints(db, all);
  const annex5 = await db
    .select()
    .from(generatedDocuments)
    .where(
      and(
        eq(generatedDocuments.subjectType, 'application'),
        eq(generatedDocuments.subjectId, found.app.id),
        eq(generatedDocuments.kind, 'annex_5'),
        isNull(generatedDocuments.supersededById),
      ),
    );
  return {
    opinion: {
      id: found.o.id,
      applicationId: found.o.applicationId,
      securityRegionId: found.o.securityRegionId,
      securityRegionName: found.regionName,
      municipalities: regions.get(found.o.securityRegionId)?.municipalities ?? [],
      status: found.o.status,
      reasons: found.o.reasons,
      decidedAt: found.o.decidedAt?.toISOString() ?? null,
    },
    application: {
      id: found.app.id,
      number: found.app.number,
      status: found.app.status as ApplicationStatus,
      partnerName: found.partnerName,
      partnerKind: found.partnerKind as ApplicantKind,
      submittedAt: found.app.submittedAt?.toISOString() ?? null,
    },
    cameraPoints: all.filter((p) => munis.has(p.municipalityIbge)).map(toCameraPoint),
    totalCameraPoints: all.length,
    annex5: annex5.map(toDocumentSummary),
  };
}

/** A photo of a camera point in the coordinator's region. */
export async function downloadRispPhoto(
  db: Db,
  storage: FileStorage,
  auth: AuthContext,
  opinionId: string,
  fileId: string,
): Promise<FileDownload> {
  const found = await loadOpinionInScope(db, auth, opinionId);
  const munis = await regionMunicipalities(db, found.o.securityRegionId);
  const [point] = munis.length
    ? await db
        .select({ id: cameraPoints.id })
        .from(cameraPoints)
        .where(
          and(
            eq(cameraPoints.applicationId, found.app.id),
            inArray(cameraPoints.municipalityIbge, munis),
            or(eq(cameraPoints.mountingPhotoFileId, fileId), eq(cameraPoints.viewPhotoFileId, fileId)),
          ),
        )
        .limit(1)
    : [];
  if (!point) throw new AppError('NOT_FOUND');
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId)).limit(1);
  if (!file) throw new AppError('NOT_FOUND');
  return { data: await storage.read(file.storageKey), mediaType: file.mediaType, filename: file.originalName };
}

/** Anexo 5 of the application the opinion is about (any version: superseded ones stay verifiable). */
export async function downloadRispAnnex(
  db: Db,
  storage: FileStorage,
  auth: AuthContext,
  opinionId: string,
  docId: string,
): Promise<FileDownload> {
  const found = await loadOpinionInScope(db, auth, opinionId);
  const [doc] = await db
    .select()
    .from(generatedDocuments)
    .where(
      and(
        eq(generatedDocuments.id, docId),
        eq(generatedDocuments.subjectType, 'application'),
        eq(generatedDocuments.subjectId, found.app.id),
        eq(generatedDocuments.kind, 'annex_5'),
      ),
    )
    .limit(1);
  if (!doc) throw new AppError('NOT_FOUND');
  return { data: await storage.read(doc.storageKey), mediaType: doc.mediaType, filename: `${doc.kind}-${doc.code}.${doc.format}` };
}
