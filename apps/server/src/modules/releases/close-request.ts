import type { ReleaseRequest } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { releaseRequests } from '../../db/tables/releases.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { releaseLocks } from './evidence-locks.js';

import { loadRequest, requestNumber } from './release-scope.js';
import { viewRequest } from './view-request.js';

/** The release authority closes a granted case: the remaining locks are released. */
export async function closeRequest(db: Db, who: Acting, id: string, reason: string): Promise<ReleaseRequest> {
  await db.transaction(async (tx) => {
    const r = await loadRequest(tx, who.auth, id, true);
    if (r.status !== 'granted' && r.status !== 'partially_granted')
      throw new AppError('RELEASE_INVALID_STATE', 'Só um pedido deferido (total ou parcialmente) e ainda aberto pode ser encerrado.');
    await tx
      .update(releaseRequests)
      .set({ status: 'closed', closedAt: new Date(), closedBy: who.auth.user.id })
      .where(eq(releaseRequests.id, id));
    await recordAudit(tx, who.actor, { action: 'release_request.closed', targetType: 'release_request', targetId: id, reason });
    await releaseLocks(tx, who.actor, id, `Pedido ${requestNumber(r)} encerrado: ${reason}`);
  });
  return viewRequest(db, who.auth, id);
}
