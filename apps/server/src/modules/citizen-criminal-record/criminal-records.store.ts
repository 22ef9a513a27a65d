import type { CriminalRecordEntry } from '@vigia/contracts';
import { desc, eq } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Db } from '../../db/client.js';
import { criminalRecords } from '../../db/tables/criminal-record.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
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

type CriminalRecordRow = typeof criminalRecords.$inferSelect;

export const toCriminalRecordEntry = (r: CriminalRecordRow): CriminalRecordEntry => ({
  id: r.id,
  cpf: r.cpf,
  name: r.name,
  motherName: r.motherName,
  kind: r.kind,
  status: r.status,
  description: r.description,
  court: r.court,
  createdAt: r.createdAt.toISOString(),
});

/**
 * Politec updates an entry's status (a sentence served, punishability extinguished, an inquiry
 * archived…): certificates issued from then on follow it (certificate-content.ts). Audited with the
 * old and new status and the reason; an unknown entry is not found.
 */
export async function changeCriminalRecordStatus(db: Db, who: Acting, id: string, status: CriminalRecordRow['status'], reason: string) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(criminalRecords).where(eq(criminalRecords.id, id)).for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Nenhum registro com este identificador na base de antecedentes.');
    if (current.status === status) return current;
    const [row] = await tx.update(criminalRecords).set({ status }).where(eq(criminalRecords.id, id)).returning();
    await recordAudit(tx, who.actor, {
      action: 'criminal_record.status_changed',
      targetType: 'criminal_record',
      targetId: id,
      reason,
      data: { from: current.status, to: status },
    });
    return row!;
  });
}
