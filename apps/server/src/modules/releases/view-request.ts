import type { ReleaseRequest, ReleaseRequestSummary } from '@vigia/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { users } from '../../db/tables/accounts.js';
import { cameras } from '../../db/tables/cameras.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { releaseDeliveries, releaseRequestCameras, releaseRequestNotes, releaseRequests } from '../../db/tables/releases.js';
import type { AuthContext } from '../accounts/session.service.js';
import { rendered } from '../documents/documents.service.js';
import { locksOfRequest } from './evidence-locks.js';

import { loadRequest, requestNumber, requestScope } from './release-scope.js';

export async function listRequests(db: Queryable, auth: AuthContext): Promise<ReleaseRequestSummary[]> {
  const rows = await db
    .select({
      r: releaseRequests,
      cameraCount: sql<number>`(SELECT count(*)::int FROM ${releaseRequestCameras} WHERE ${releaseRequestCameras.requestId} = ${releaseRequests.id})`,
    })
    .from(releaseRequests)
    .where(requestScope(auth))
    .orderBy(desc(releaseRequests.createdAt))
    .limit(500);
  return rows.map(({ r, cameraCount }) => ({
    id: r.id,
    number: requestNumber(r),
    status: r.status,
    requesterKind: r.requesterKind,
    requesterName: r.requesterName,
    requesterOrganisation: r.requesterOrganisation,
    caseNumber: r.caseNumber,
    urgency: r.urgency,
    from: r.fromAt.toISOString(),
    to: r.toAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    decision: r.decision,
    cameraCount: Number(cameraCount),
  }));
}

export async function viewRequest(db: Queryable, auth: AuthContext, id: string): Promise<ReleaseRequest> {
  const r = await loadRequest(db, auth, id);
  const cams = await db
    .select({
      cameraId: releaseRequestCameras.cameraId,
      granted: releaseRequestCameras.granted,
      name: cameras.name,
      municipalityIbge: cameras.municipalityIbge,
    })
    .from(releaseRequestCameras)
    .innerJoin(cameras, eq(cameras.id, releaseRequestCameras.cameraId))
    .where(eq(releaseRequestCameras.requestId, id))
    .orderBy(asc(cameras.name));
  const notes = await db
    .select({ n: releaseRequestNotes, authorName: users.name })
    .from(releaseRequestNotes)
    .innerJoin(users, eq(users.id, releaseRequestNotes.authorId))
    .where(eq(releaseRequestNotes.requestId, id))
    .orderBy(asc(releaseRequestNotes.createdAt));
  const docs = await db
    .select()
    .from(generatedDocuments)
    .where(and(eq(generatedDocuments.subjectType, 'release_request'), eq(generatedDocuments.subjectId, id)))
    .orderBy(desc(generatedDocuments.issuedAt));
  const [delivery] = await db
    .select()
    .from(releaseDeliveries)
    .where(eq(releaseDeliveries.requestId, id))
    .orderBy(desc(releaseDeliveries.createdAt))
    .limit(1);
  const now = Date.now();
  const isRecipient = delivery?.recipientUserId === auth.user.id;
  return {
    id: r.id,
    number: requestNumber(r),
    status: r.status,
    requesterKind: r.requesterKind,
    requesterUserId: r.requesterUserId,
    filedByUserId: r.filedByUserId,
    filedOnBehalf: r.filedByUserId !== r.requesterUserId,
    requesterName: r.requesterName,
    requesterRole: r.requesterRole,
    requesterOrganisation: r.requesterOrganisation,
    legalGrounds: r.legalGrounds,
    caseNumber: r.caseNumber,
    urgency: r.urgency,
    from: r.fromAt.toISOString(),
    to: r.toAt.toISOString(),
    cameras: cams.map((c) => ({ cameraId: c.cameraId, name: c.name, municipalityIbge: c.municipalityIbge, granted: c.granted })),
    createdAt: r.createdAt.toISOString(),
    decision: r.decision,
    decisionReasons: r.decisionReasons,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    grantedFrom: r.grantedFrom?.toISOString() ?? null,
    grantedTo: r.grantedTo?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    notes: notes.map(({ n, authorName }) => ({
      id: n.id,
      authorName,
      availability: n.availability,
      text: n.text,
      createdAt: n.createdAt.toISOString(),
    })),
    locks: await locksOfRequest(db, id),
    documents: docs.map((d) => ({
      id: d.id,
      code: d.code,
      format: d.format,
      title: d.title,
      issuedAt: d.issuedAt.toISOString(),
      sha256: rendered(d).sha256,
    })),
    delivery: delivery
      ? {
          id: delivery.id,
          recipientUserId: delivery.recipientUserId,
          expiresAt: delivery.expiresAt.toISOString(),
          expired: delivery.expiresAt.getTime() <= now,
          packageStatus: delivery.packageStatus,
          failureReason: delivery.failureReason,
          retryUrl:
            delivery.packageStatus === 'failed' && auth.roles.includes('release_authority')
              ? `/api/releases/${r.id}/delivery/${delivery.id}/retry`
              : null,
          downloads: delivery.downloads,
          downloadUrl: isRecipient ? `/api/releases/${r.id}/delivery/${delivery.id}/download` : null,
        }
      : null,
  };
}
