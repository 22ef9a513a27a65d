import type { CameraSharingConsent } from '@vigia/contracts';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { cameraSharingConsentCameras, cameraSharingConsents } from '../../db/tables/integrators.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { integratorCompanyIds } from '../cameras/cameras.scope.js';

const client = alias(partners, 'consent_client');
const company = alias(partners, 'consent_integrator');

/** Consents matching `where` (a condition on `camera_sharing_consent`), newest first, with their cameras and term. */
export async function consentsOf(db: Queryable, where: SQL): Promise<CameraSharingConsent[]> {
  const rows = await db
    .select({ c: cameraSharingConsents, clientName: client.name, integratorName: company.name, code: generatedDocuments.code })
    .from(cameraSharingConsents)
    .innerJoin(client, eq(client.id, cameraSharingConsents.clientPartnerId))
    .innerJoin(company, eq(company.id, cameraSharingConsents.integratorPartnerId))
    .leftJoin(generatedDocuments, eq(generatedDocuments.id, cameraSharingConsents.termDocumentId))
    .where(where)
    .orderBy(desc(cameraSharingConsents.requestedAt))
    .limit(1000);
  if (!rows.length) return [];
  const cams = await db
    .select({ consentId: cameraSharingConsentCameras.consentId, id: cameras.id, name: cameras.name })
    .from(cameraSharingConsentCameras)
    .innerJoin(cameras, eq(cameras.id, cameraSharingConsentCameras.cameraId))
    .where(
      inArray(
        cameraSharingConsentCameras.consentId,
        rows.map((r) => r.c.id),
      ),
    )
    .orderBy(cameras.name);
  return rows.map(({ c, clientName, integratorName, code }) => ({
    id: c.id,
    clientPartnerId: c.clientPartnerId,
    clientName,
    integratorPartnerId: c.integratorPartnerId,
    integratorName,
    means: c.means,
    status: c.status,
    clientEmail: c.clientEmail,
    cameras: cams.filter((x) => x.consentId === c.id).map((x) => ({ id: x.id, name: x.name })),
    requestedAt: c.requestedAt.toISOString(),
    consentedBy: c.consentedBy,
    consentedAt: c.consentedAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokedVia: c.revokedVia,
    termDocument: c.termDocumentId && code ? { id: c.termDocumentId, code } : null,
  }));
}

/** A consent of the caller's company, with its generated term (else 404). */
export async function consentOfCompany(db: Queryable, auth: AuthContext, id: string): Promise<{ id: string; termDocumentId: string }> {
  const [row] = await db
    .select({ id: cameraSharingConsents.id, termDocumentId: cameraSharingConsents.termDocumentId })
    .from(cameraSharingConsents)
    .where(and(eq(cameraSharingConsents.id, id), inArray(cameraSharingConsents.integratorPartnerId, integratorCompanyIds(auth))))
    .limit(1);
  if (!row?.termDocumentId) throw new AppError('NOT_FOUND', 'Termo não encontrado.');
  return { id: row.id, termDocumentId: row.termDocumentId };
}
