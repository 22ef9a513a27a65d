import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { securityFees } from '../../db/tables/security-fees.js';

/** Other unpaid slips of the same subject are void once one is paid. */
export async function cancelPendingFees(tx: Tx, service: string, subjectId: string): Promise<void> {
  await tx
    .update(securityFees)
    .set({ status: 'cancelled' })
    .where(and(eq(securityFees.service, service), eq(securityFees.subjectId, subjectId), eq(securityFees.status, 'pending')));
}
