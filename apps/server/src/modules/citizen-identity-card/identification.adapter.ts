import { count, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { identityRecords } from '../../db/tables/identity-card.js';

/**
 * The identification adapter (Politec's civil identification system): whether a CPF already holds
 * an identity card (so a new one is a second copy), and the record of a card delivered. The
 * platform ships its own `identity_record` table; a state plugs its system in by implementing this
 * interface (contract in docs/citizen-services.md).
 */
export interface IdentificationAdapter {
  cardsIssuedTo(cpf: string): Promise<number>;
  recordDelivered(card: { cpf: string; rgNumber: string; issuedOn: string }): Promise<void>;
}

export function platformIdentification(db: Queryable): IdentificationAdapter {
  return {
    async cardsIssuedTo(cpf) {
      const [row] = await db.select({ n: count() }).from(identityRecords).where(eq(identityRecords.cpf, cpf));
      return row?.n ?? 0;
    },
    async recordDelivered(card) {
      await db.insert(identityRecords).values(card);
    },
  };
}
