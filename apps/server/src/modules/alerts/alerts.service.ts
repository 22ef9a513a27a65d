import type { Alert } from '@vigia/contracts';
import { and, desc, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { alerts } from '../../db/tables/alerts.js';
import { cameras } from '../../db/tables/cameras.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { viewScope } from '../cameras/cameras.scope.js';

/**
 * Alerts the caller may see (SQL): camera alerts inside the view scope; alerts with no camera
 * (a recording volume below its floor) to admins and CIOSP operators, whatever their area.
 */
function alertScope(auth: AuthContext): SQL {
  const infrastructure = auth.roles.includes('admin') || auth.roles.includes('operator');
  return or(and(isNotNull(alerts.cameraId), viewScope(auth)), infrastructure ? isNull(alerts.cameraId) : sql`false`)!;
}

/** Alerts in the caller's scope (see `alertScope`); open ones first, newest first. */
export async function listAlerts(db: Queryable, auth: AuthContext, opts: { openOnly?: boolean; limit?: number } = {}): Promise<Alert[]> {
  const rows = await db
    .select({ a: alerts, cameraName: cameras.name, partnerName: partners.name })
    .from(alerts)
    .leftJoin(cameras, eq(cameras.id, alerts.cameraId))
    .leftJoin(partners, eq(partners.id, alerts.partnerId))
    .where(and(alertScope(auth), opts.openOnly ? isNull(alerts.acknowledgedAt) : sql`true`))
    .orderBy(sql`${alerts.acknowledgedAt} IS NOT NULL`, desc(alerts.createdAt))
    .limit(opts.limit ?? 100);
  return rows.map(({ a, cameraName, partnerName }) => ({
    id: a.id,
    kind: a.kind,
    cameraId: a.cameraId,
    cameraName: cameraName ?? null,
    partnerName: partnerName ?? null,
    message: a.message,
    createdAt: a.createdAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  }));
}

/** Acknowledges an alert in scope (else 404); idempotent; audited. */
export async function acknowledgeAlert(db: Db, who: { auth: AuthContext; actor: AuditActor }, id: string): Promise<Alert> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: alerts.id, ack: alerts.acknowledgedAt, cameraId: alerts.cameraId })
      .from(alerts)
      .leftJoin(cameras, eq(cameras.id, alerts.cameraId))
      .where(and(eq(alerts.id, id), alertScope(who.auth)))
      .limit(1);
    if (!row) throw new AppError('NOT_FOUND', 'Alerta não encontrado.');
    if (row.ack) return;
    await tx.update(alerts).set({ acknowledgedAt: new Date(), acknowledgedBy: who.auth.user.id }).where(eq(alerts.id, id));
    const target = row.cameraId ? { targetType: 'camera', targetId: row.cameraId } : { targetType: 'alert', targetId: id };
    await recordAudit(tx, who.actor, { action: 'alert.acknowledged', ...target, data: { alertId: id } });
  });
  const [a] = (await listAlerts(db, who.auth, { limit: 1000 })).filter((x) => x.id === id);
  return a!;
}
