import { type IdentityCardRequest, identityCardStageLabels } from '@vigia/contracts';
import type { Db, Queryable } from '../../db/client.js';
import type { identificationPosts, identityCardRequests } from '../../db/tables/identity-card.js';
import type { ChargeDeps } from '../citizen-fees/charge-fee.js';
import type { FeeRow } from '../citizen-fees/fee-deps.js';
import { toSecurityFee } from '../citizen-fees/fee-deps.js';
import type { IdentificationAdapter } from './identification.adapter.js';

export const IDENTITY_CARD_FEE = 'identity_card_second_copy';

export type IdentityCardRow = typeof identityCardRequests.$inferSelect;
export type PostRow = typeof identificationPosts.$inferSelect;

export interface IdentityCardDeps extends ChargeDeps {
  db: Db;
  identification: (db: Queryable) => IdentificationAdapter;
}

export function toIdentityCardRequest(r: IdentityCardRow, post: PostRow, fee: FeeRow | undefined): IdentityCardRequest {
  return {
    id: r.id,
    protocol: r.protocol,
    copy: r.copy,
    stage: r.stage,
    stageLabel: identityCardStageLabels[r.stage],
    post: `${post.name} — ${post.municipality}`,
    appointmentDate: r.appointmentDate,
    exemption: r.exemption,
    validUntil: r.validUntil,
    fee: fee ? toSecurityFee(fee) : null,
    requestedAt: r.requestedAt.toISOString(),
  };
}
