import { randomBytes } from 'node:crypto';
import type { SignagePlate } from '@vigia/contracts';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Db, Queryable, Tx } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { signagePlates } from '../../db/tables/integrators.js';
import { AppError } from '../../http/errors.js';
import type { FileDownload } from '../../http/send-file.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { addDays, todayInCuiaba } from '../calendar/local-date.js';
import { loadCamera, manageScope, viewScope } from '../cameras/cameras.scope.js';
import { renderPlatePdf } from '../documents/render-pdf.js';
import type { FileStorage } from '../files/file-storage.js';
import { findFile, findOwnFile } from '../files/files.repository.js';
import { isInsideMatoGrosso } from '../reference/state-outline.js';
import { exifGps } from './exif-gps.js';

export interface SignageDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  publicUrl: string;
  plateDeadlineDays: number;
}

/** Largest installation photo accepted (the upload limit may be higher; a plate photo needs no more). */
export const PLATE_PHOTO_MAX_BYTES = 10 * 1024 * 1024;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newSiteCode = () => `VM-${[...randomBytes(6)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')}`;

type PlateRow = typeof signagePlates.$inferSelect;
const toView = (p: PlateRow, cameraName: string): SignagePlate => ({
  cameraId: p.cameraId,
  cameraName,
  siteCode: p.siteCode,
  status: p.status,
  dueOn: p.dueOn,
  photoFileId: p.photoFileId,
  photoLatitude: p.photoLatitude,
  photoLongitude: p.photoLongitude,
  photoGpsSource: p.photoGpsSource,
  decisionReason: p.decisionReason,
  caseId: p.caseId,
});

/** The plate row of a camera, created on first need with its site code and deadline (idempotent). */
export async function ensurePlate(tx: Queryable, cameraId: string, now: Date, deadlineDays: number): Promise<PlateRow> {
  await tx
    .insert(signagePlates)
    .values({ cameraId, siteCode: newSiteCode(), dueOn: addDays(todayInCuiaba(now), deadlineDays) })
    .onConflictDoNothing();
  const [row] = await tx.select().from(signagePlates).where(eq(signagePlates.cameraId, cameraId));
  return row!;
}

/** Whose plates a user sees: the committee (and admin) all in its view scope; a partner or integrator the sites it manages. */
const plateScope = (auth: AuthContext): SQL =>
  auth.roles.some((r) => r === 'committee_member' || r === 'admin') ? viewScope(auth) : manageScope(auth);

/** Plates of the cameras in a scope (partner, integrator: manage scope; committee: all), optionally by status. */
export async function listPlates(db: Queryable, auth: AuthContext, status?: PlateRow['status']): Promise<SignagePlate[]> {
  const where: SQL[] = [plateScope(auth)];
  if (status) where.push(eq(signagePlates.status, status));
  const rows = await db
    .select({ p: signagePlates, name: cameras.name })
    .from(signagePlates)
    .innerJoin(cameras, eq(cameras.id, signagePlates.cameraId))
    .where(and(...where))
    .orderBy(asc(signagePlates.dueOn), asc(cameras.name))
    .limit(1000);
  return rows.map((r) => toView(r.p, r.name));
}

/** The plate artwork (PDF) of a site the caller manages: site code + QR to the program's public page. */
export async function plateArtwork(deps: SignageDeps, auth: AuthContext, cameraId: string): Promise<FileDownload> {
  await loadCamera(deps.db, manageScope(auth), cameraId);
  const plate = await ensurePlate(deps.db, cameraId, deps.clock.now(), deps.plateDeadlineDays);
  const data = await renderPlatePdf({ siteCode: plate.siteCode, publicPageUrl: `${deps.publicUrl.replace(/\/$/, '')}/mapa` });
  return { data, mediaType: 'application/pdf', filename: `placa-${plate.siteCode}.pdf` };
}

/** The installation photo of a site in scope (the committee reviews it before deciding); the view is audited. */
export async function platePhoto(deps: SignageDeps, auth: AuthContext, actor: AuditActor, cameraId: string): Promise<FileDownload> {
  await loadCamera(deps.db, plateScope(auth), cameraId);
  const [plate] = await deps.db.select().from(signagePlates).where(eq(signagePlates.cameraId, cameraId));
  const file = plate?.photoFileId ? await findFile(deps.db, plate.photoFileId) : undefined;
  if (!plate || !file) throw new AppError('NOT_FOUND', 'Este local ainda não tem foto da placa.');
  const data = await deps.storage.read(file.storageKey);
  await deps.db.transaction((tx) =>
    recordAudit(tx, actor, {
      action: 'signage_plate.photo_viewed',
      targetType: 'camera',
      targetId: cameraId,
      data: { siteCode: plate.siteCode, fileId: file.id },
    }),
  );
  return { data, mediaType: file.mediaType, filename: `placa-${plate.siteCode}.${file.mediaType === 'image/png' ? 'png' : 'jpg'}` };
}

/**
 * The partner (or its integrator) sends the installation photo: its own upload, a JPEG or PNG (the
 * upload already checked the bytes, not the name), at most PLATE_PHOTO_MAX_BYTES, geotagged — the
 * EXIF GPS when the photo has it, else the position the browser gave — inside Mato Grosso.
 */
export async function submitPlatePhoto(
  deps: SignageDeps,
  auth: AuthContext,
  actor: AuditActor,
  cameraId: string,
  input: { fileId: string; latitude?: number | undefined; longitude?: number | undefined },
): Promise<SignagePlate> {
  const camera = await loadCamera(deps.db, manageScope(auth), cameraId);
  const file = await findOwnFile(deps.db, auth.user.id, input.fileId);
  if (!file) throw new AppError('NOT_FOUND', 'Arquivo não encontrado entre os seus envios.');
  if (!['image/jpeg', 'image/png'].includes(file.mediaType)) throw new AppError('FILE_TYPE_NOT_ALLOWED', 'A foto deve ser JPEG ou PNG.');
  if (file.sizeBytes > PLATE_PHOTO_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'A foto da placa deve ter no máximo 10 MB.');
  const fromExif = file.mediaType === 'image/jpeg' ? exifGps(await deps.storage.read(file.storageKey)) : null;
  const gps =
    fromExif ??
    (input.latitude !== undefined && input.longitude !== undefined ? { latitude: input.latitude, longitude: input.longitude } : null);
  if (!gps)
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'latitude', message: 'A foto não traz localização: permita a localização do navegador ao enviar.' },
    ]);
  if (!isInsideMatoGrosso(gps.latitude, gps.longitude))
    throw new AppError('LOCATION_OUTSIDE_MT', 'A localização da foto fica fora de Mato Grosso.');
  return deps.db.transaction(async (tx) => {
    const plate = await ensurePlate(tx, cameraId, deps.clock.now(), deps.plateDeadlineDays);
    if (plate.status === 'approved') throw new AppError('INVALID_STATE', 'A placa deste local já foi aprovada.');
    const [row] = await tx
      .update(signagePlates)
      .set({
        status: 'submitted',
        photoFileId: file.id,
        photoLatitude: gps.latitude,
        photoLongitude: gps.longitude,
        photoGpsSource: fromExif ? 'exif' : 'browser',
        submittedBy: auth.user.id,
        submittedAt: deps.clock.now(),
      })
      .where(eq(signagePlates.cameraId, cameraId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'signage_plate.photo_submitted',
      targetType: 'camera',
      targetId: cameraId,
      data: { siteCode: plate.siteCode, fileId: file.id, gpsSource: fromExif ? 'exif' : 'browser' },
    });
    return toView(row!, camera.name);
  });
}

/** The committee approves the photo (the site shows the plate) or asks for a new one, with a reason. */
export async function decidePlate(
  deps: SignageDeps,
  auth: AuthContext,
  actor: AuditActor,
  cameraId: string,
  input: { approve: boolean; reason: string },
): Promise<SignagePlate> {
  return deps.db.transaction(async (tx: Tx) => {
    const [found] = await tx
      .select({ p: signagePlates, name: cameras.name })
      .from(signagePlates)
      .innerJoin(cameras, eq(cameras.id, signagePlates.cameraId))
      .where(eq(signagePlates.cameraId, cameraId))
      .for('update');
    if (!found) throw new AppError('NOT_FOUND', 'Placa não encontrada.');
    if (found.p.status !== 'submitted') throw new AppError('INVALID_STATE', 'Não há foto aguardando decisão.');
    const [row] = await tx
      .update(signagePlates)
      .set({
        status: input.approve ? 'approved' : 'new_photo_requested',
        decidedBy: auth.user.id,
        decidedAt: deps.clock.now(),
        decisionReason: input.reason || null,
      })
      .where(eq(signagePlates.cameraId, cameraId))
      .returning();
    await recordAudit(tx, actor, {
      action: input.approve ? 'signage_plate.approved' : 'signage_plate.new_photo_requested',
      targetType: 'camera',
      targetId: cameraId,
      reason: input.reason || null,
      data: { siteCode: found.p.siteCode, fileId: found.p.photoFileId },
    });
    return toView(row!, found.name);
  });
}
