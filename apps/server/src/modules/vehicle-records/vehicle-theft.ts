import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { vehicleRecords, vehicleTheftFlags } from '../../db/tables/vehicle-records.js';
import { vehicleKeys } from './vehicle-identifiers.js';

/**
 * Theft and robbery flags of the vehicle store, fed by the police-report module: it calls these
 * inside its own transaction when a theft/robbery report is validated and when a recovery is
 * recorded (so the flag and the report's state commit together). The vehicle need not be in the
 * store: the flag is keyed by the normalised plate and/or chassis and the status lookup matches
 * either. The caller audits its own act; these write only the flag.
 */

/**
 * One flag per vehicle of a police report (a report may list several): validating the same report
 * twice changes nothing. A bad plate or
 * chassis throws VEHICLE_PLATE_INVALID / VEHICLE_CHASSIS_INVALID; neither given throws
 * VEHICLE_IDENTIFIER_REQUIRED.
 */
export async function markVehicleStolen(
  db: Queryable,
  input: {
    plate: string | null;
    chassis: string | null;
    policeReportId: string;
    reportNumber: string;
    kind: 'theft' | 'robbery';
    at: Date;
  },
): Promise<void> {
  const keys = vehicleKeys(input);
  await db
    .insert(vehicleTheftFlags)
    .values({ ...keys, policeReportId: input.policeReportId, reportNumber: input.reportNumber, kind: input.kind, reportedAt: input.at })
    .onConflictDoNothing();
}

/**
 * The vehicle is recovered: every open flag on its plate or chassis — and on the other identifier
 * the store knows for it — is closed (whichever report raised it), with the report that recorded the recovery. Recovering a vehicle with no open flag
 * changes nothing.
 */
export async function markVehicleRecovered(
  db: Queryable,
  input: { plate: string | null; chassis: string | null; policeReportId: string; at: Date },
): Promise<void> {
  const keys = vehicleKeys(input);
  // The store may know the vehicle's other identifier (a flag raised by chassis, recovered by plate).
  const known = await db
    .select({ plate: vehicleRecords.plate, chassis: vehicleRecords.chassis })
    .from(vehicleRecords)
    .where(
      or(
        keys.plate ? eq(vehicleRecords.plate, keys.plate) : undefined,
        keys.chassis ? eq(vehicleRecords.chassis, keys.chassis) : undefined,
      ),
    );
  const plates = new Set([keys.plate, ...known.map((k) => k.plate)].filter((x): x is string => x !== null));
  const chassis = new Set([keys.chassis, ...known.map((k) => k.chassis)].filter((x): x is string => x !== null));
  const matches = [
    ...(plates.size ? [inArray(vehicleTheftFlags.plate, [...plates])] : []),
    ...(chassis.size ? [inArray(vehicleTheftFlags.chassis, [...chassis])] : []),
  ];
  await db
    .update(vehicleTheftFlags)
    .set({ recoveredAt: input.at, recoveredByReportId: input.policeReportId })
    .where(and(isNull(vehicleTheftFlags.recoveredAt), or(...matches)));
}
