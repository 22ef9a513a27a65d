import { type SecurityUnit, type SecurityUnitInput, securityUnitInputSchema } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { securityUnits } from '../../db/tables/security-units.js';
import { AppError } from '../../http/errors.js';
import type { AuditActor } from '../audit/audit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Clock } from '../calendar/clock.js';
import { findMunicipality, isInsideMatoGrosso } from '../reference/index.js';
import { toUnit } from './unit-view.js';

export interface SecurityUnitDeps {
  db: Db;
  clock: Clock;
}

/** The municipality must exist in the platform's reference and the point must fall inside Mato Grosso. */
function checked(input: SecurityUnitInput) {
  const unit = securityUnitInputSchema.parse(input);
  if (!findMunicipality(unit.municipalityIbge)) throw new AppError('SECURITY_UNIT_MUNICIPALITY_UNKNOWN');
  if (!isInsideMatoGrosso(unit.latitude, unit.longitude)) throw new AppError('SECURITY_UNIT_OUTSIDE_MT');
  return unit;
}

/** An administrator adds one unit; the audit row carries the unit as written. */
export async function createUnit(deps: SecurityUnitDeps, actor: AuditActor, input: SecurityUnitInput): Promise<SecurityUnit> {
  const values = checked(input);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(securityUnits)
      .values({ ...values, illustrative: false, createdAt: now, updatedAt: now })
      .returning();
    const after = toUnit(row!);
    await recordAudit(tx, actor, {
      action: 'security_unit.created',
      targetType: 'security_unit',
      targetId: after.id,
      data: { before: null, after },
    });
    return after;
  });
}

/** An administrator edits a unit (every field); the audit row carries it before and after. */
export async function updateUnit(deps: SecurityUnitDeps, actor: AuditActor, id: string, input: SecurityUnitInput): Promise<SecurityUnit> {
  const values = checked(input);
  return deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(securityUnits).where(eq(securityUnits.id, id)).for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Unidade de segurança não encontrada.');
    const [row] = await tx
      .update(securityUnits)
      .set({ ...values, illustrative: false, updatedAt: deps.clock.now() })
      .where(eq(securityUnits.id, id))
      .returning();
    const after = toUnit(row!);
    await recordAudit(tx, actor, {
      action: 'security_unit.updated',
      targetType: 'security_unit',
      targetId: id,
      data: { before: toUnit(current), after },
    });
    return after;
  });
}

/** An administrator removes a unit; the audit row keeps what it was. */
export async function deleteUnit(deps: SecurityUnitDeps, actor: AuditActor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [current] = await tx.delete(securityUnits).where(eq(securityUnits.id, id)).returning();
    if (!current) throw new AppError('NOT_FOUND', 'Unidade de segurança não encontrada.');
    await recordAudit(tx, actor, {
      action: 'security_unit.deleted',
      targetType: 'security_unit',
      targetId: id,
      data: { before: toUnit(current), after: null },
    });
  });
}
