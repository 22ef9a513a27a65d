import { type ErrorCode, vehicleChassisSchema, vehiclePlateSchema } from '@vigia/contracts';
import { AppError } from '../../http/errors.js';

/** A plate in either format (ABC-1234, ABC1234, ABC1D23), upper case without the hyphen; else VEHICLE_PLATE_INVALID. */
export function normalisePlate(plate: string): string {
  return parseOr(vehiclePlateSchema, plate, 'VEHICLE_PLATE_INVALID');
}

/** A 17-character VIN, upper case without spaces; else VEHICLE_CHASSIS_INVALID. */
export function normaliseChassis(chassis: string): string {
  return parseOr(vehicleChassisSchema, chassis, 'VEHICLE_CHASSIS_INVALID');
}

function parseOr(schema: typeof vehiclePlateSchema | typeof vehicleChassisSchema, value: string, code: ErrorCode): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError(code);
  return parsed.data;
}

/** Both identifiers normalised; at least one is required (VEHICLE_IDENTIFIER_REQUIRED). */
export function vehicleKeys(input: { plate: string | null; chassis: string | null }): { plate: string | null; chassis: string | null } {
  const plate = input.plate?.trim() ? normalisePlate(input.plate) : null;
  const chassis = input.chassis?.trim() ? normaliseChassis(input.chassis) : null;
  if (!plate && !chassis) throw new AppError('VEHICLE_IDENTIFIER_REQUIRED');
  return { plate, chassis };
}
