import { and, eq, inArray, isNotNull, lt, notExists, notInArray, or, sql } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db, Tx } from '../../db/client.js';
import { accidentDeclarations, accidentEvents, trafficAccidentRecords } from '../../db/tables/accident-certificate.js';
import { citizenLookups, citizenSessions, citizenSignIns, personKeyLookups } from '../../db/tables/citizen.js';
import { certificateConsentLinks, criminalRecordCertificates } from '../../db/tables/criminal-record.js';
import { documentRenders, generatedDocuments } from '../../db/tables/documents.js';
import { storedFiles } from '../../db/tables/files.js';
import type { Sweep } from '../../jobs/sweep.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import type { FileStorage } from '../files/file-storage.js';

const actor = systemActor('sweep:citizen-retention');

export type CitizenRetention = Config['citizen']['retention'];

/** `at` moved back by whole calendar years (UTC). */
export const yearsBefore = (at: Date, years: number): Date => {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
};

/**
 * LGPD retention of the citizen services (docs/citizen-services.md, "LGPD"), on the injected clock,
 * in bounded batches, idempotent:
 * - gov.br sign-ins under way: deleted once expired (10 minutes);
 * - citizen sessions: deleted once expired or revoked;
 * - consent links: deleted `consentLinkYears` after they expire (their uses, in "who looked me up",
 *   are the evidence and follow the lookups' period);
 * - certificates and their PDFs: deleted `certificateYears` after validity ends (an answered request,
 *   which has no validity, counts from its legal deadline); never while a consent link still points
 *   at it, nor while in analysis;
 * - lookups ("who looked me up", by CPF and by person key): deleted `lookupYears` after they were made;
 * - accident declarations: deleted `accidentYears` after the decision (validated or rejected), with
 *   their parties, history, photos (rows and bytes), certificate PDF and the shipped store's
 *   `traffic_accident_record` row; a declaration still open (submitted, corrections requested) is
 *   never deleted. A state's own traffic-accidents adapter keeps its base under its own rule.
 * Each batch is one transaction with one audit row holding the counts (no personal data). A PDF or
 * photo is removed from storage inside that transaction, before commit: a failed commit leaves a
 * row without its file, which the next run deletes — never a file without its row.
 */
export function citizenRetentionSweep(db: Db, storage: FileStorage, clock: Clock, retention: CitizenRetention, batchSize = 200): Sweep {
  return {
    name: 'citizen-retention',
    everySeconds: 3600,
    batchSize,
    async runBatch(limit) {
      const now = clock.now();
      const counts = await db.transaction(async (tx) => {
        const c = {
          signIns: await deleteSignIns(tx, now, limit),
          sessions: await deleteSessions(tx, now, limit),
          consentLinks: await deleteConsentLinks(tx, yearsBefore(now, retention.consentLinkYears), limit),
          certificates: await deleteCertificates(tx, storage, yearsBefore(now, retention.certificateYears), limit),
          lookups: await deleteLookups(tx, yearsBefore(now, retention.lookupYears), limit),
          ...(await deleteAccidentDeclarations(tx, storage, yearsBefore(now, retention.accidentYears), limit)),
        };
        if (Object.values(c).some((n) => n > 0))
          await recordAudit(tx, actor, {
            action: 'citizen_retention.swept',
            targetType: 'citizen_retention',
            targetId: null,
            data: { ...c, at: now.toISOString(), retention },
          });
        return c;
      });
      // Photos ride along with their declarations: they are not what the batch is bounded on.
      const { accidentPhotos: _, ...bounded } = counts;
      return Math.max(...Object.values(bounded));
    },
  };
}

async function deleteSignIns(tx: Tx, now: Date, limit: number): Promise<number> {
  const due = tx.select({ state: citizenSignIns.state }).from(citizenSignIns).where(lt(citizenSignIns.expiresAt, now)).limit(limit);
  return (await tx.delete(citizenSignIns).where(inArray(citizenSignIns.state, due)).returning({ k: citizenSignIns.state })).length;
}

async function deleteSessions(tx: Tx, now: Date, limit: number): Promise<number> {
  const due = tx
    .select({ id: citizenSessions.id })
    .from(citizenSessions)
    .where(or(lt(citizenSessions.expiresAt, now), and(isNotNull(citizenSessions.revokedAt), lt(citizenSessions.revokedAt, now))))
    .limit(limit);
  return (await tx.delete(citizenSessions).where(inArray(citizenSessions.id, due)).returning({ k: citizenSessions.id })).length;
}

async function deleteConsentLinks(tx: Tx, cutoff: Date, limit: number): Promise<number> {
  const due = tx
    .select({ id: certificateConsentLinks.id })
    .from(certificateConsentLinks)
    .where(lt(certificateConsentLinks.expiresAt, cutoff))
    .limit(limit);
  return (
    await tx.delete(certificateConsentLinks).where(inArray(certificateConsentLinks.id, due)).returning({ k: certificateConsentLinks.id })
  ).length;
}

async function deleteCertificates(tx: Tx, storage: FileStorage, cutoff: Date, limit: number): Promise<number> {
  const c = criminalRecordCertificates;
  const due = await tx
    .select({ id: c.id, documentId: c.documentId, storageKey: generatedDocuments.storageKey })
    .from(c)
    .leftJoin(generatedDocuments, eq(generatedDocuments.id, c.documentId))
    .where(
      and(
        or(
          and(eq(c.status, 'issued'), lt(c.validUntil, cutoff)),
          and(eq(c.status, 'answered'), lt(sql`coalesce(${c.deadlineAt}, ${c.requestedAt})`, cutoff)),
        ),
        notExists(tx.select({ one: sql`1` }).from(certificateConsentLinks).where(eq(certificateConsentLinks.certificateId, c.id))),
      ),
    )
    .limit(limit)
    .for('update', { of: c, skipLocked: true });
  if (due.length === 0) return 0;
  await tx.delete(c).where(
    inArray(
      c.id,
      due.map((d) => d.id),
    ),
  );
  const documentIds = due.flatMap((d) => (d.documentId ? [d.documentId] : []));
  await deleteDocuments(tx, documentIds);
  for (const d of due) if (d.storageKey) await storage.remove(d.storageKey);
  return due.length;
}

/** Lookups by CPF and by person key (queries by name): the same period, counted together. */
async function deleteLookups(tx: Tx, cutoff: Date, limit: number): Promise<number> {
  const due = tx.select({ id: citizenLookups.id }).from(citizenLookups).where(lt(citizenLookups.at, cutoff)).limit(limit);
  const byCpf = (await tx.delete(citizenLookups).where(inArray(citizenLookups.id, due)).returning({ k: citizenLookups.id })).length;
  const dueByKey = tx.select({ id: personKeyLookups.id }).from(personKeyLookups).where(lt(personKeyLookups.at, cutoff)).limit(limit);
  const byKey = (await tx.delete(personKeyLookups).where(inArray(personKeyLookups.id, dueByKey)).returning({ k: personKeyLookups.id }))
    .length;
  return byCpf + byKey;
}

/** The photo ids a declaration's history holds: each submission's snapshot carries that version's photos. */
const snapshotPhotoIds = (snapshot: Record<string, unknown> | null): string[] => {
  const ids = snapshot?.photoFileIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
};

/**
 * Decided accident declarations past retention. `updated_at` is the decision's time: a validated or
 * rejected declaration is never changed again (no resubmission, no party confirmation). Parties and
 * history go by the foreign keys' cascade. Photos are the citizen's own uploads (only the uploader
 * can attach one), of this and of earlier versions; one the same citizen also attached to a
 * declaration that is kept stays.
 */
async function deleteAccidentDeclarations(
  tx: Tx,
  storage: FileStorage,
  cutoff: Date,
  limit: number,
): Promise<{ accidentDeclarations: number; accidentPhotos: number }> {
  const d = accidentDeclarations;
  const due = await tx
    .select({
      id: d.id,
      citizenId: d.citizenId,
      photoFileIds: d.photoFileIds,
      documentId: d.documentId,
      pdfKey: generatedDocuments.storageKey,
    })
    .from(d)
    .leftJoin(generatedDocuments, eq(generatedDocuments.id, d.documentId))
    .where(and(inArray(d.status, ['validated', 'rejected']), lt(d.updatedAt, cutoff)))
    .limit(limit)
    .for('update', { of: d, skipLocked: true });
  if (due.length === 0) return { accidentDeclarations: 0, accidentPhotos: 0 };
  const ids = due.map((r) => r.id);
  const citizenIds = [...new Set(due.map((r) => r.citizenId))];

  // Photo id → its declarant, over every version of the declarations going.
  const ownerOf = new Map<string, string>();
  const history = await tx
    .select({ declarationId: accidentEvents.declarationId, snapshot: accidentEvents.snapshot })
    .from(accidentEvents)
    .where(and(inArray(accidentEvents.declarationId, ids), isNotNull(accidentEvents.snapshot)));
  const citizenOf = new Map(due.map((r) => [r.id, r.citizenId]));
  for (const r of due) for (const id of r.photoFileIds) ownerOf.set(id, r.citizenId);
  for (const e of history) for (const id of snapshotPhotoIds(e.snapshot)) ownerOf.set(id, citizenOf.get(e.declarationId)!);
  // The same citizens' declarations that stay, and the photos they (or their history) still hold.
  const kept = await tx
    .select({ id: d.id, photoFileIds: d.photoFileIds })
    .from(d)
    .where(and(inArray(d.citizenId, citizenIds), notInArray(d.id, ids)));
  const keptHistory = kept.length
    ? await tx
        .select({ snapshot: accidentEvents.snapshot })
        .from(accidentEvents)
        .where(
          and(
            inArray(
              accidentEvents.declarationId,
              kept.map((k) => k.id),
            ),
            isNotNull(accidentEvents.snapshot),
          ),
        )
    : [];
  for (const k of kept) for (const id of k.photoFileIds) ownerOf.delete(id);
  for (const e of keptHistory) for (const id of snapshotPhotoIds(e.snapshot)) ownerOf.delete(id);
  const photos = ownerOf.size
    ? (
        await tx
          .select({ id: storedFiles.id, storageKey: storedFiles.storageKey, uploadedBy: storedFiles.uploadedBy })
          .from(storedFiles)
          .where(inArray(storedFiles.id, [...ownerOf.keys()]))
      ).filter((f) => f.uploadedBy === ownerOf.get(f.id))
    : [];

  await tx.delete(trafficAccidentRecords).where(inArray(trafficAccidentRecords.sourceId, ids));
  await tx.delete(d).where(inArray(d.id, ids));
  const documentIds = due.flatMap((r) => (r.documentId ? [r.documentId] : []));
  await deleteDocuments(tx, documentIds);
  if (photos.length > 0)
    await tx.delete(storedFiles).where(
      inArray(
        storedFiles.id,
        photos.map((f) => f.id),
      ),
    );
  for (const r of due) if (r.pdfKey) await storage.remove(r.pdfKey);
  for (const f of photos) await storage.remove(f.storageKey);
  return { accidentDeclarations: due.length, accidentPhotos: photos.length };
}

/** Document rows (and a render still pending for one, which would otherwise hold it by its foreign key). */
async function deleteDocuments(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(documentRenders).where(inArray(documentRenders.documentId, ids));
  await tx.delete(generatedDocuments).where(inArray(generatedDocuments.id, ids));
}
