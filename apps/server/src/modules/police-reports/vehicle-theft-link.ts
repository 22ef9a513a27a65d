import type { PoliceReportContent } from '@vigia/contracts';
import type { Queryable } from '../../db/client.js';
import { markVehicleRecovered, markVehicleStolen } from '../vehicle-records/vehicle-theft.js';

/**
 * The link to the vehicle-records store (issue 16, "vehicle status"): a validated theft or robbery
 * of a vehicle marks it stolen, and a recovery recorded on the report unmarks it. Both run inside
 * the caller's transaction. The signatures are those of `modules/vehicle-records/vehicle-theft.ts`
 * (`markVehicleStolen`, `markVehicleRecovered`), the default; a state's own vehicle base is passed
 * to `policeReportsRoutes` as `vehicleTheft`.
 */
export interface VehicleTheftRecords {
  markStolen(
    db: Queryable,
    input: {
      plate: string | null;
      chassis: string | null;
      policeReportId: string;
      reportNumber: string;
      kind: 'theft' | 'robbery';
      at: Date;
    },
  ): Promise<void>;
  markRecovered(db: Queryable, input: { plate: string | null; chassis: string | null; policeReportId: string; at: Date }): Promise<void>;
}

/** The platform's own vehicle store (module vehicle-records): its theft flags. */
export const platformVehicleTheft: VehicleTheftRecords = {
  markStolen: markVehicleStolen,
  markRecovered: markVehicleRecovered,
};

/**
 * Marks the vehicles a validated report says were taken: a theft report's vehicles as stolen, a
 * pre-registration of a robbery's as robbed. Runs in the validating transaction. Returns how many.
 */
export async function markStolenVehicles(
  tx: Queryable,
  records: VehicleTheftRecords,
  report: { id: string; kind: string; reportNumber: string; content: PoliceReportContent },
  at: Date,
): Promise<number> {
  const kind = report.kind === 'theft' ? 'theft' : report.kind === 'pre_registration' && report.content.robbery ? 'robbery' : null;
  if (!kind) return 0;
  const vehicles = report.content.objects.filter((o) => o.type === 'vehicle' && (o.plate || o.chassis));
  for (const v of vehicles)
    await records.markStolen(tx, {
      plate: v.plate,
      chassis: v.chassis,
      policeReportId: report.id,
      reportNumber: report.reportNumber,
      kind,
      at,
    });
  return vehicles.length;
}
