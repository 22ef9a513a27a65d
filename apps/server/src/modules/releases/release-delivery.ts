import type { ReleaseRequest } from '@vigia/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { releaseDeliveries } from '../../db/tables/releases.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { retryDeliveryExport } from '../exports/export-jobs.js';

import { loadRequest } from './release-scope.js';
import { viewRequest } from './view-request.js';

/**
 * "Tentar novamente" (release authority): a delivery whose package failed after its last attempt
 * is queued again (same export job, fresh attempts), audited `release_delivery.retried`.
 */
export async function retryDelivery(db: Db, who: Acting, id: string, deliveryId: string): Promise<ReleaseRequest> {
  await db.transaction(async (tx) => {
    const r = await loadRequest(tx, who.auth, id, true);
    const [d] = await tx
      .select()
      .from(releaseDeliveries)
      .where(and(eq(releaseDeliveries.id, deliveryId), eq(releaseDeliveries.requestId, r.id)))
      .limit(1)
      .for('update');
    if (!d) throw new AppError('NOT_FOUND', 'Entrega não encontrada.');
    if (d.packageStatus !== 'failed' || r.status === 'closed')
      throw new AppError('RELEASE_INVALID_STATE', 'Só é possível tentar novamente uma entrega cuja montagem falhou.');
    await retryDeliveryExport(tx, who.actor, d);
  });
  return viewRequest(db, who.auth, id);
}

/**
 * The requester downloads the delivery: bound to the requester's account (another account → 404),
 * expiring (410), every attempt audited. While the export job builds the package it is pending
 * ("pacote em preparação", 409); once ready the caller streams the export ZIP (`exportId`).
 */
export async function downloadDelivery(db: Db, who: Acting, id: string, deliveryId: string): Promise<{ exportId: string }> {
  const r = await loadRequest(db, who.auth, id);
  const [d] = await db
    .select()
    .from(releaseDeliveries)
    .where(
      and(
        eq(releaseDeliveries.id, deliveryId),
        eq(releaseDeliveries.requestId, r.id),
        eq(releaseDeliveries.recipientUserId, who.auth.user.id),
      ),
    )
    .limit(1);
  if (!d || r.status === 'denied') throw new AppError('NOT_FOUND', 'Entrega não encontrada.');
  const expired = d.expiresAt.getTime() <= Date.now() || r.status === 'closed';
  const exportId = d.packageStorageKey?.startsWith('exports/') ? d.packageStorageKey.slice('exports/'.length) : null;
  const outcome = expired
    ? 'expired'
    : d.packageStatus === 'failed'
      ? 'package_failed'
      : d.packageStatus === 'pending' || !exportId
        ? 'package_pending'
        : 'ready';
  await db.transaction(async (tx) => {
    if (outcome === 'ready')
      await tx
        .update(releaseDeliveries)
        .set({ downloads: sql`${releaseDeliveries.downloads} + 1` })
        .where(eq(releaseDeliveries.id, d.id));
    await recordAudit(tx, who.actor, {
      action: outcome === 'ready' ? 'release_delivery.downloaded' : 'release_delivery.download_refused',
      targetType: 'release_request',
      targetId: r.id,
      data: { deliveryId: d.id, outcome, ...(exportId ? { exportId } : {}) },
    });
  });
  if (outcome === 'expired') throw new AppError('RELEASE_DELIVERY_EXPIRED');
  if (outcome === 'package_pending') throw new AppError('RELEASE_PACKAGE_PENDING');
  if (outcome === 'package_failed') throw new AppError('RELEASE_PACKAGE_FAILED');
  return { exportId: exportId! };
}
