import { desc, eq } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Db } from '../../db/client.js';
import { criminalRecords } from '../../db/tables/criminal-record.js';
import type { Acting } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordLookup } from '../citizen-accounts/citizen-lookups.js';
import { nameKeyOf } from './criminal-records.adapter.js';

export type CriminalRecordInput = Pick<
  typeof criminalRecords.$inferInsert,
  'cpf' | 'name' | 'motherName' | 'kind' | 'status' | 'description' | 'court'
>;

/** Politec keeps the platform's own records base (the shipped system of record). */
export async function addCriminalRecord(db: Db, who: Acting, input: CriminalRecordInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(criminalRecords)
      .values({ ...input, nameKey: nameKeyOf(input.name) })
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'criminal_record.added',
      targetType: 'criminal_record',
      targetId: row!.id,
      data: { kind: input.kind },
    });
    return row!;
  });
}

/** Staff read of a CPF's entries: audited and shown to the citizen in "who looked me up". */
export async function criminalRecordsOfCpf(db: Db, clock: Clock, who: Acting, cpf: string, purpose: string) {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(criminalRecords).where(eq(criminalRecords.cpf, cpf)).orderBy(desc(criminalRecords.createdAt));
    await recordLookup(tx, clock, { cpf, by: 'Politec — base de antecedentes', purpose });
    await recordAudit(tx, who.actor, {
      action: 'criminal_record.viewed',
      targetType: 'cpf',
      reason: purpose,
      data: { count: rows.length },
    });
    return rows;
  });
}
