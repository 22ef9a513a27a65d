import { type ApplicationStatus, applicationStatusLabels, canTransition } from '@vigia/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applications } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import type { ApplicationRow } from './scope.js';

/**
 * Moves an application to a new status, checked with the contracts' `canTransition` and guarded
 * by the current status in the UPDATE (a concurrent change loses), with its audit row.
 */
export async function transition(
  tx: Tx,
  actor: AuditActor,
  app: ApplicationRow,
  to: ApplicationStatus,
  entry: { action: string; reason?: string | null; data?: Record<string, unknown>; set?: Partial<typeof applications.$inferInsert> },
): Promise<ApplicationRow> {
  const from = app.status as ApplicationStatus;
  if (!canTransition(from, to)) {
    throw new AppError(
      'INVALID_STATE',
      `Não é possível passar de "${applicationStatusLabels[from]}" para "${applicationStatusLabels[to]}".`,
    );
  }
  const [row] = await tx
    .update(applications)
    .set({ ...entry.set, status: to, updatedAt: new Date() })
    .where(and(eq(applications.id, app.id), eq(applications.status, from)))
    .returning();
  if (!row) throw new AppError('CONFLICT');
  await recordAudit(tx, actor, {
    action: entry.action,
    targetType: 'application',
    targetId: app.id,
    reason: entry.reason ?? null,
    data: { from, to, number: app.number, ...entry.data },
  });
  return row;
}

export function requireStatus(app: ApplicationRow, ...allowed: ApplicationStatus[]): void {
  if (!allowed.includes(app.status as ApplicationStatus)) {
    throw new AppError(
      'INVALID_STATE',
      `Esta ação não é permitida com o pedido "${applicationStatusLabels[app.status as ApplicationStatus]}".`,
    );
  }
}
