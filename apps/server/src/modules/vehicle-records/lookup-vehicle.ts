import type { VehicleStatus, VehicleStatusQuery } from '@vigia/contracts';
import type { Clock } from '../../config/clock.js';
import { AppError } from '../../http/errors.js';
import { findMunicipality } from '../reference/index.js';
import { normaliseChassis, normalisePlate } from './vehicle-identifiers.js';
import type { VehicleRecordsAdapter } from './vehicle-records.adapter.js';

export interface VehicleLookupDeps {
  clock: Clock;
  vehicles: VehicleRecordsAdapter;
}

const BY = 'consulta pública de situação de veículo (portal, anônima)';

/** The identifier asked, normalised; a bad plate or chassis is refused with its stable code before anything is read. */
export function vehicleKeyOf(query: VehicleStatusQuery): { plate: string } | { chassis: string } {
  if (query.plate) return { plate: normalisePlate(query.plate) };
  if (query.chassis) return { chassis: normaliseChassis(query.chassis) };
  throw new AppError('VEHICLE_IDENTIFIER_REQUIRED');
}

/**
 * Public vehicle status (the caller has passed the rate limit and the proof of work): make, model,
 * colour, year, municipality, and whether it is reported stolen or robbed (the kind only; never
 * the report's number, date or place, never the owner). A vehicle outside the store is "not
 * found", but still answered as stolen when a police report flagged its plate or chassis.
 * Only the last 4 characters of the chassis are echoed.
 */
export async function lookupVehicle(deps: VehicleLookupDeps, key: { plate: string } | { chassis: string }): Promise<VehicleStatus> {
  const at = deps.clock.now();
  const { vehicle, theft } = await deps.vehicles.statusOf(key, { at, by: BY });
  const chassis = vehicle?.chassis ?? ('chassis' in key ? key.chassis : null);
  return {
    found: vehicle !== null,
    plate: vehicle?.plate ?? ('plate' in key ? key.plate : null),
    chassisEnding: chassis ? chassis.slice(-4) : null,
    make: vehicle?.make ?? null,
    model: vehicle?.model ?? null,
    colour: vehicle?.colour ?? null,
    year: vehicle?.year ?? null,
    municipality: vehicle ? (findMunicipality(vehicle.municipalityIbge)?.name ?? null) : null,
    stolen: theft !== null,
    stolenKind: theft,
    checkedAt: at.toISOString(),
  };
}
