import type { PoliceReport } from '@vigia/contracts';
import { eq } from 'drizzle-orm';
import { policeReportEvents, policeReports } from '../../db/tables/police-reports.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { PoliceReportDeps } from './police-report-deps.js';
import { scopedReport, scopedReportRow } from './police-report-queries.js';
import { officerScope } from './police-scope.js';

/** A vehicle of a validated report was recovered: the vehicle records unmark it, in the same transaction. */
export async function recordVehicleRecovery(deps: PoliceReportDeps, who: Acting, id: string, objectIndex: number): Promise<PoliceReport> {
  const scope = officerScope(who);
  await deps.db.transaction(async (tx) => {
    const row = await scopedReportRow(tx, scope, id, true);
    if (row.status !== 'validated') throw new AppError('INVALID_STATE', 'Só um boletim registrado pode ter veículo recuperado.');
    const vehicle = row.content.objects[objectIndex];
    if (vehicle?.type !== 'vehicle') throw new AppError('NOT_FOUND', 'Veículo não encontrado neste boletim.');
    if (row.recoveredVehicles[String(objectIndex)]) throw new AppError('INVALID_STATE', 'A recuperação deste veículo já foi registrada.');
    const now = deps.clock.now();
    await deps.vehicles.markRecovered(tx, { plate: vehicle.plate, chassis: vehicle.chassis, policeReportId: id, at: now });
    await tx
      .update(policeReports)
      .set({ recoveredVehicles: { ...row.recoveredVehicles, [String(objectIndex)]: now.toISOString() }, updatedAt: now })
      .where(eq(policeReports.id, id));
    const label = vehicle.plate ?? vehicle.chassis ?? vehicle.description;
    await tx.insert(policeReportEvents).values({ reportId: id, kind: 'vehicle_recovered', at: now, by: who.actor.id, note: label });
    await recordAudit(tx, who.actor, {
      action: 'police_report.vehicle_recovered',
      targetType: 'police_report',
      targetId: id,
      data: { protocol: row.protocol, reportNumber: row.reportNumber, plate: vehicle.plate, chassis: vehicle.chassis },
    });
  });
  return scopedReport(deps.db, scope, id);
}
