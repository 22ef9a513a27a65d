import type { SecurityFee } from '@vigia/contracts';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db, Tx } from '../../db/client.js';
import type { securityFees } from '../../db/tables/security-fees.js';
import type { AuditActor } from '../audit/audit.service.js';
import type { DocumentsDeps } from '../documents/issue-document.js';
import type { TreasuryAdapter } from './treasury.adapter.js';

export type FeeRow = typeof securityFees.$inferSelect;

/** What a paid fee unlocks, per service (given by the composition root: the service modules own it). */
export type FeeUnlocker = (tx: Tx, fee: FeeRow, actor: AuditActor) => Promise<void>;

export interface FeeDeps {
  db: Db;
  clock: Clock;
  config: Config;
  documents: DocumentsDeps;
  treasury: TreasuryAdapter;
  unlockers: Record<string, FeeUnlocker>;
}

export function toSecurityFee(r: FeeRow): SecurityFee {
  return {
    id: r.id,
    service: r.service,
    status: r.status,
    amountCents: r.amountCents,
    upfUnits: r.upfUnits,
    upfValueCents: r.upfValueCents,
    upfReference: r.upfReference,
    txid: r.txid,
    brCode: r.brCode,
    dueDate: r.dueDate,
    paidAt: r.paidAt?.toISOString() ?? null,
  };
}
