import type { IdentityChange } from '@vigia/contracts';
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { identityChanges } from '../../db/tables/partner-identity.js';
import { partners } from '../../db/tables/partners.js';

type ChangeRow = typeof identityChanges.$inferSelect;

export function toIdentityChange(row: ChangeRow, partnerName: string): IdentityChange {
  return {
    id: row.id,
    partnerId: row.partnerId,
    partnerName,
    status: row.status,
    current: row.current,
    proposed: row.proposed,
    reason: row.reason,
    supportingFileId: row.supportingFileId,
    decisionReason: row.decisionReason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** Identity-change requests, newest first: of one partner, or (committee) all, optionally by status. */
export async function listIdentityChanges(db: Queryable, filter: { partnerId?: string; status?: ChangeRow['status'] }) {
  const rows = await db
    .select({ change: identityChanges, partnerName: partners.name })
    .from(identityChanges)
    .innerJoin(partners, eq(partners.id, identityChanges.partnerId))
    .where(
      filter.partnerId
        ? eq(identityChanges.partnerId, filter.partnerId)
        : filter.status
          ? eq(identityChanges.status, filter.status)
          : undefined,
    )
    .orderBy(desc(identityChanges.createdAt))
    .limit(200);
  return rows.map((r) => toIdentityChange(r.change, r.partnerName));
}
