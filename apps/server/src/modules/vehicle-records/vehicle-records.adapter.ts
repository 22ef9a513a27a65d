import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { vehicleTheftFlags as f, vehicleRecords as v, vehicleLookups } from '../../db/tables/vehicle-records.js';

/**
 * The vehicle-records adapter: how the status lookup asks the system of record (a state's Detran
 * and its theft base) about one vehicle. It answers the description and whether the vehicle is
 * reported stolen or robbed — never the owner. The shipped store is `vehicle_record` (kept by
 * civil-police staff) plus `vehicle_theft_flag` (fed by validated police reports).
 */
export interface VehicleFacts {
  plate: string | null;
  chassis: string | null;
  make: string;
  model: string;
  colour: string;
  year: number;
  municipalityIbge: string;
}

export interface VehicleStatusFacts {
  vehicle: VehicleFacts | null;
  theft: 'theft' | 'robbery' | null;
}

export interface VehicleRecordsAdapter {
  /**
   * One vehicle by normalised plate or chassis, and its open theft flag (by either identifier of
   * the vehicle, or by the one asked when the vehicle is not in the store). `log` is recorded
   * with the read (the shipped store does both in one statement).
   */
  statusOf(key: { plate: string } | { chassis: string }, log: { at: Date; by: string }): Promise<VehicleStatusFacts>;
}

interface Found {
  plate: string | null;
  chassis: string | null;
  make: string | null;
  model: string | null;
  colour: string | null;
  year: number | null;
  municipality_ibge: string | null;
  theft: 'theft' | 'robbery' | null;
}

/**
 * The shipped store, in one round trip: the vehicle (unique index on plate / chassis), its open
 * flag (partial indexes on open flags) and the lookup row written by the same statement.
 */
export function platformVehicleRecords(db: Queryable): VehicleRecordsAdapter {
  return {
    async statusOf(key, log) {
      const plate = 'plate' in key ? key.plate : null;
      const chassis = 'chassis' in key ? key.chassis : null;
      const { rows } = (await db.execute(sql`
        WITH asked AS (SELECT ${plate}::text AS plate, ${chassis}::text AS chassis),
        vehicle AS (
          SELECT ${v.plate} AS plate, ${v.chassis} AS chassis, ${v.make} AS make, ${v.model} AS model, ${v.colour} AS colour,
                 ${v.year} AS year, ${v.municipalityIbge} AS municipality_ibge
          FROM ${v} WHERE ${plate === null ? sql`${v.chassis} = ${chassis}` : sql`${v.plate} = ${plate}`}
        ),
        ids AS (
          SELECT coalesce((SELECT plate FROM vehicle), (SELECT plate FROM asked)) AS plate,
                 coalesce((SELECT chassis FROM vehicle), (SELECT chassis FROM asked)) AS chassis
        ),
        flag AS (
          SELECT ${f.kind} AS kind FROM ${f}, ids
          WHERE ${f.recoveredAt} IS NULL AND (${f.plate} = ids.plate OR ${f.chassis} = ids.chassis)
          ORDER BY ${f.reportedAt} DESC LIMIT 1
        ),
        logged AS (
          INSERT INTO ${vehicleLookups} ("at", "plate", "chassis", "found", "by")
          SELECT ${log.at}, ${plate}, ${chassis}, EXISTS (SELECT 1 FROM vehicle), ${log.by}
        )
        SELECT vehicle.*, (SELECT kind FROM flag) AS theft FROM (SELECT 1) one LEFT JOIN vehicle ON true`)) as unknown as {
        rows: Found[];
      };
      const r = rows[0];
      const vehicle =
        r?.make != null
          ? {
              plate: r.plate,
              chassis: r.chassis,
              make: r.make,
              model: r.model ?? '',
              colour: r.colour ?? '',
              year: Number(r.year),
              municipalityIbge: r.municipality_ibge ?? '',
            }
          : null;
      return { vehicle, theft: r?.theft ?? null };
    },
  };
}
