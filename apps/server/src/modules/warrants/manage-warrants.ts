import {
  maskCpf,
  type Warrant,
  type WarrantInput,
  type WarrantStatusChange,
  warrantInputSchema,
  warrantStatusChangeSchema,
} from '@vigia/contracts';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Db } from '../../db/client.js';
import { arrestWarrants as w } from '../../db/tables/warrants.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { nameKeyOf } from '../citizen-accounts/person-name.js';

export interface WarrantDeps {
  db: Db;
  clock: Clock;
}

type Row = typeof w.$inferSelect;

/** The staff view of a warrant; the CPF masked (the list is read on screen). */
export const toWarrant = (r: Row): Warrant => ({
  id: r.id,
  number: r.number,
  court: r.court,
  issuedOn: r.issuedOn,
  validUntil: r.validUntil,
  status: r.status,
  personName: r.personName,
  motherName: r.motherName,
  birthDate: r.birthDate,
  cpf: r.cpf ? maskCpf(r.cpf) : null,
  illustrative: r.illustrative,
  updatedAt: r.updatedAt.toISOString(),
});

/** What the audit keeps of a warrant: its identification and status, the person only by masked CPF. */
const audited = (r: Row) => ({ number: r.number, court: r.court, issuedOn: r.issuedOn, validUntil: r.validUntil, status: r.status });

/** Civil-police staff register a pending warrant (number unique), audited. */
export async function registerWarrant(deps: WarrantDeps, actor: AuditActor, input: WarrantInput): Promise<Warrant> {
  const v = warrantInputSchema.parse(input);
  if (v.validUntil < v.issuedOn)
    throw new AppError('VALIDATION_FAILED', 'A validade do mandado não pode ser anterior à data de expedição.');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(w)
      .values({
        ...v,
        status: 'pending',
        nameKey: nameKeyOf(v.personName),
        motherKey: nameKeyOf(v.motherName),
        source: 'cadastro manual (Polícia Civil)',
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: w.number })
      .returning();
    if (!row) throw new AppError('WARRANT_NUMBER_TAKEN');
    await recordAudit(tx, actor, {
      action: 'warrant.registered',
      targetType: 'arrest_warrant',
      targetId: row.id,
      data: { after: audited(row), cpf: row.cpf ? maskCpf(row.cpf) : null },
    });
    return toWarrant(row);
  });
}

/**
 * Civil-police staff change a warrant's status (served, revoked, expired, or back to pending) and
 * may correct its validity, with a reason; audited before and after. The public lookup reads the
 * status on every query, so a served or revoked warrant stops appearing at once.
 */
export async function changeWarrantStatus(deps: WarrantDeps, actor: AuditActor, id: string, input: WarrantStatusChange): Promise<Warrant> {
  const v = warrantStatusChangeSchema.parse(input);
  return deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(w).where(eq(w.id, id)).for('update');
    if (!current) throw new AppError('WARRANT_NOT_FOUND');
    const validUntil = v.validUntil ?? current.validUntil;
    if (validUntil < current.issuedOn)
      throw new AppError('VALIDATION_FAILED', 'A validade do mandado não pode ser anterior à data de expedição.');
    const [row] = await tx.update(w).set({ status: v.status, validUntil, updatedAt: deps.clock.now() }).where(eq(w.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'warrant.status_changed',
      targetType: 'arrest_warrant',
      targetId: id,
      reason: v.reason,
      data: { before: audited(current), after: audited(row!) },
    });
    return toWarrant(row!);
  });
}

/** The staff list (newest first, at most 200), filtered by status or number; each read audited with the count. */
export async function listWarrants(
  deps: WarrantDeps,
  actor: AuditActor,
  query: { status?: Warrant['status'] | undefined; number?: string | undefined },
): Promise<Warrant[]> {
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(w.status, query.status));
  if (query.number) filters.push(eq(w.number, query.number));
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(w)
      .where(filters.length ? and(...filters) : undefined)
      .orderBy(desc(w.updatedAt))
      .limit(200);
    await recordAudit(tx, actor, {
      action: 'warrant.list_viewed',
      targetType: 'arrest_warrant',
      targetId: null,
      data: { filters: query, count: rows.length },
    });
    return rows.map(toWarrant);
  });
}
