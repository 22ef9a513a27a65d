import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Alert } from '@vigia/contracts';
import type { Db, Queryable } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { cameras } from '../cameras/cameras.schema.js';
import { viewScope } from '../cameras/cameras.scope.js';
import { partners } from '../partners/partners.schema.js';
import { alerts } from './alerts.schema.js';

/** Alerts of cameras in the caller's view scope (SQL); open ones first, newest first. */
export async function listAlerts(db: Queryable, auth: AuthContext, opts: { openOnly?: boolean; limit?: number } = {}): Promise<Alert[]> {
  const rows = await db
    .select({ a: alerts, cameraName: cameras.name, partnerName: partners.name })
    .from(alerts)
    .innerJoin(cameras, eq(cameras.id, alerts.cameraId))
    .leftJoin(partners, eq(partners.id, alerts.partnerId))
    .where(and(viewScope(auth), opts.openOnly ? isNull(alerts.acknowledgedAt) : sql`true`))
    .orderBy(sql`${alerts.acknowledgedAt} IS NOT NULL`, desc(alerts.createdAt))
    .limit(opts.limit ?? 100);
  return rows.map(({ a, cameraName, partnerName }) => ({
    id: a.id,
    kind: a.kind,
    cameraId: a.cameraId,
    cameraName,
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
      .innerJoin(cameras, eq(cameras.id, alerts.cameraId))
      .where(and(eq(alerts.id, id), viewScope(who.auth)))
      .limit(1);
    if (!row) throw new AppError('NOT_FOUND', 'Alerta não encontrado.');
    if (row.ack) return;
    await tx.update(alerts).set({ acknowledgedAt: new Date(), acknowledgedBy: who.auth.user.id }).where(eq(alerts.id, id));
    await recordAudit(tx, who.actor, { action: 'alert.acknowledged', targetType: 'camera', targetId: row.cameraId, data: { alertId: id } });
  });
  const [a] = (await listAlerts(db, who.auth, { limit: 1000 })).filter((x) => x.id === id);
  return a!;
}
