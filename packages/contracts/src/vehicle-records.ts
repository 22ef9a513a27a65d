import { z } from 'zod';
import { vehiclePlateSchema } from './accident-certificate.js';
import { ibgeMunicipalityCodeSchema } from './brazil.js';

/**
 * Vehicle status (situação de veículo, issue 16): by plate or chassis, the vehicle's description
 * and whether it is reported stolen or robbed. Never owner data: the shipped store has no column
 * for it. Browser-safe: the portal and the server share these shapes.
 */

/**
 * Chassis number (VIN, ISO 3779 / Resolução CONTRAN 24/1998): 17 characters, letters and digits
 * without I, O and Q (they read like 1 and 0). Stored upper case without spaces.
 */
export const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
export const vehicleChassisSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
  .refine((v) => VIN.test(v), 'Chassi inválido: use os 17 caracteres do chassi (letras e números, sem I, O e Q).');

export { vehiclePlateSchema };

export const vehicleTheftKinds = ['theft', 'robbery'] as const;
export type VehicleTheftKind = (typeof vehicleTheftKinds)[number];
export const vehicleTheftKindLabels: Record<VehicleTheftKind, string> = { theft: 'furto', robbery: 'roubo' };

/** Public query: exactly one of plate or chassis, with the ALTCHA payload. */
export const vehicleStatusQuerySchema = z
  .object({
    plate: z.string().trim().max(20).optional(),
    chassis: z.string().trim().max(30).optional(),
    altcha: z.string().max(4000).optional(),
  })
  .strict()
  .refine((q) => Boolean(q.plate) !== Boolean(q.chassis), { message: 'Informe a placa ou o chassi (um dos dois).', path: ['plate'] });
export type VehicleStatusQuery = z.input<typeof vehicleStatusQuerySchema>;

export const vehicleStatusSchema = z.object({
  found: z.boolean(),
  /** The identifier asked about, normalised. */
  plate: z.string().nullable(),
  chassisEnding: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  colour: z.string().nullable(),
  year: z.number().int().nullable(),
  municipality: z.string().nullable(),
  /** Reported stolen or robbed and not recovered; no report details beyond the kind. */
  stolen: z.boolean(),
  stolenKind: z.enum(vehicleTheftKinds).nullable(),
  checkedAt: z.string(),
});
export type VehicleStatus = z.infer<typeof vehicleStatusSchema>;

/** One vehicle of the shipped store, written by civil-police staff. */
export const vehicleRecordInputSchema = z.object({
  plate: vehiclePlateSchema.nullable().default(null),
  chassis: vehicleChassisSchema.nullable().default(null),
  make: z.string().trim().min(1, 'Informe a marca.').max(60),
  model: z.string().trim().min(1, 'Informe o modelo.').max(80),
  colour: z.string().trim().min(1, 'Informe a cor.').max(40),
  year: z.coerce.number().int().min(1900, 'Ano inválido.').max(2100, 'Ano inválido.'),
  municipalityIbge: ibgeMunicipalityCodeSchema,
});
export type VehicleRecordInput = z.input<typeof vehicleRecordInputSchema>;

export const vehicleRecordSchema = z.object({
  id: z.string(),
  plate: z.string().nullable(),
  chassis: z.string().nullable(),
  make: z.string(),
  model: z.string(),
  colour: z.string(),
  year: z.number().int(),
  municipalityIbge: z.string(),
  municipality: z.string().nullable(),
  illustrative: z.boolean(),
  stolen: z.boolean(),
  updatedAt: z.string(),
});
export type VehicleRecord = z.infer<typeof vehicleRecordSchema>;

export const vehicleRecordsListQuerySchema = z.object({
  q: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
});

/** Columns of the vehicle-store import template (CSV or XLSX). No owner column, on purpose. */
export const vehicleRecordColumns = [
  {
    key: 'plate',
    header: 'Placa',
    required: false,
    help: 'ABC-1234 (antiga) ou ABC1D23 (Mercosul). Placa ou chassi, ao menos um.',
    example: 'ABC1D23',
  },
  { key: 'chassis', header: 'Chassi', required: false, help: '17 caracteres, sem I, O e Q.', example: '9BWZZZ377VT004251' },
  { key: 'make', header: 'Marca', required: true, help: 'Fabricante.', example: 'Volkswagen' },
  { key: 'model', header: 'Modelo', required: true, help: 'Modelo e versão.', example: 'Gol 1.0' },
  { key: 'colour', header: 'Cor', required: true, help: 'Cor predominante.', example: 'Prata' },
  { key: 'year', header: 'Ano', required: true, help: 'Ano de fabricação (4 dígitos).', example: '2019' },
  { key: 'municipality', header: 'Município', required: true, help: 'Município de Mato Grosso: nome ou código IBGE.', example: 'Cuiabá' },
] as const;
export type VehicleRecordColumnKey = (typeof vehicleRecordColumns)[number]['key'];
