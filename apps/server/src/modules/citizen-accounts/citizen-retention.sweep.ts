import { and, eq, inArray, isNotNull, lt, notExists, or, sql } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db, Tx } from '../../db/client.js';
import { citizenLookups, citizenSessions, citizenSignIns } from '../../db/tables/citizen.js';
import { certificateConsentLinks, criminalRecordCertificates } from '../../db/tables/criminal-record.js';
import { generatedDocuments } from '../../db/tables/documents.js';
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
 * - lookups ("who looked me up"): deleted `lookupYears` after they were made.
 * Each batch is one transaction with one audit row holding the counts (no personal data). A PDF is
 * removed from storage inside that transaction, before commit: a failed commit leaves a row without
 * its file, which the next run deletes — never a file without its row.
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
      return Math.max(...Object.values(counts));
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
  if (documentIds.length > 0) await tx.delete(generatedDocuments).where(inArray(generatedDocuments.id, documentIds));
  for (const d of due) if (d.storageKey) await storage.remove(d.storageKey);
  return due.length;
}

async function deleteLookups(tx: Tx, cutoff: Date, limit: number): Promise<number> {
  const due = tx.select({ id: citizenLookups.id }).from(citizenLookups).where(lt(citizenLookups.at, cutoff)).limit(limit);
  return (await tx.delete(citizenLookups).where(inArray(citizenLookups.id, due)).returning({ k: citizenLookups.id })).length;
}
