import { type VehicleRecord, type VehicleRecordInput, vehicleRecordColumns, vehicleRecordInputSchema } from '@vigia/contracts';
import { desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Db, Queryable } from '../../db/client.js';
import { vehicleTheftFlags as f, vehicleRecords as v } from '../../db/tables/vehicle-records.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { readSpreadsheet } from '../cameras/import/spreadsheet-reader.js';
import { findMunicipality } from '../reference/index.js';
import { columnTemplate, filledRows, mapHeader, rowReader, type SheetProblem, sortProblems } from '../spreadsheets/column-sheet.js';
import { normaliseChassis, normalisePlate, vehicleKeys } from './vehicle-identifiers.js';

export interface VehicleDeps {
  db: Db;
  clock: Clock;
}

type Row = typeof v.$inferSelect;
const MAX_ROWS = 5000;

const stolenNow = (r: Row) =>
  sql<boolean>`exists (select 1 from ${f} where ${f.recoveredAt} is null and (${f.plate} = ${r.plate} or ${f.chassis} = ${r.chassis}))`;

export const toVehicle = (r: Row, stolen: boolean): VehicleRecord => ({
  id: r.id,
  plate: r.plate,
  chassis: r.chassis,
  make: r.make,
  model: r.model,
  colour: r.colour,
  year: r.year,
  municipalityIbge: r.municipalityIbge,
  municipality: findMunicipality(r.municipalityIbge)?.name ?? null,
  illustrative: r.illustrative,
  stolen,
  updatedAt: r.updatedAt.toISOString(),
});

async function view(db: Queryable, r: Row): Promise<VehicleRecord> {
  const [s] = await db.select({ stolen: stolenNow(r) }).from(sql`(select 1) one`);
  return toVehicle(r, Boolean(s?.stolen));
}

function checked(input: VehicleRecordInput) {
  const parsed = vehicleRecordInputSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0]?.path[0];
    if (first === 'plate') throw new AppError('VEHICLE_PLATE_INVALID');
    if (first === 'chassis') throw new AppError('VEHICLE_CHASSIS_INVALID');
    throw new AppError(
      'VALIDATION_FAILED',
      undefined,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const values = parsed.data;
  vehicleKeys(values);
  if (!findMunicipality(values.municipalityIbge)) throw new AppError('MUNICIPALITY_UNKNOWN');
  return values;
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** Civil-police staff add a vehicle (plate and chassis unique), audited. */
export async function createVehicle(deps: VehicleDeps, actor: AuditActor, input: VehicleRecordInput): Promise<VehicleRecord> {
  const values = checked(input);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(v)
        .values({ ...values, source: 'cadastro manual (Polícia Civil)', createdAt: now, updatedAt: now })
        .returning();
      const after = await view(tx, row!);
      await recordAudit(tx, actor, {
        action: 'vehicle_record.created',
        targetType: 'vehicle_record',
        targetId: row!.id,
        data: { before: null, after },
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('VEHICLE_ALREADY_REGISTERED');
    throw err;
  }
}

/** Civil-police staff correct a vehicle's description, audited before and after. */
export async function updateVehicle(deps: VehicleDeps, actor: AuditActor, id: string, input: VehicleRecordInput): Promise<VehicleRecord> {
  const values = checked(input);
  try {
    return await deps.db.transaction(async (tx) => {
      const [current] = await tx.select().from(v).where(eq(v.id, id)).for('update');
      if (!current) throw new AppError('VEHICLE_NOT_FOUND');
      const [row] = await tx
        .update(v)
        .set({ ...values, illustrative: false, updatedAt: deps.clock.now() })
        .where(eq(v.id, id))
        .returning();
      const after = await view(tx, row!);
      await recordAudit(tx, actor, {
        action: 'vehicle_record.updated',
        targetType: 'vehicle_record',
        targetId: id,
        data: { before: await view(tx, current), after },
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('VEHICLE_ALREADY_REGISTERED');
    throw err;
  }
}

/** The staff list: by plate or chassis fragment (staff search; the public lookup never searches), newest first, 100 a page. */
export async function listVehicles(db: Queryable, query: { q?: string | undefined; page: number }): Promise<VehicleRecord[]> {
  const q = query.q?.toUpperCase().replace(/[\s-]/g, '');
  const rows = await db
    .select()
    .from(v)
    .where(q ? or(ilike(v.plate, `%${q}%`), ilike(v.chassis, `%${q}%`)) : undefined)
    .orderBy(desc(v.updatedAt))
    .limit(100)
    .offset((query.page - 1) * 100);
  const flagged = await db.select({ plate: f.plate, chassis: f.chassis }).from(f).where(isNull(f.recoveredAt));
  const plates = new Set(flagged.map((x) => x.plate).filter(Boolean));
  const chassis = new Set(flagged.map((x) => x.chassis).filter(Boolean));
  return rows.map((r) => toVehicle(r, (r.plate !== null && plates.has(r.plate)) || (r.chassis !== null && chassis.has(r.chassis))));
}

type NewRow = Omit<typeof v.$inferInsert, 'createdAt' | 'updatedAt'>;

/** Validates the whole sheet: every problem by row and column; any problem refuses the file. */
export function validateVehiclesSheet(
  header: string[],
  rows: Parameters<typeof filledRows>[0],
): { vehicles: NewRow[]; problems: SheetProblem[] } {
  const { index, problems } = mapHeader(vehicleRecordColumns, header);
  if (problems.length) return { vehicles: [], problems };
  const filled = filledRows(rows);
  if (!filled.length) problems.push({ path: 'rows', message: 'A planilha não tem nenhuma linha preenchida.' });
  const vehicles: NewRow[] = [];
  const seen = new Set<string>();
  for (const r of filled) {
    const read = rowReader(vehicleRecordColumns, index, r, problems);
    const tryKey = (key: 'plate' | 'chassis', norm: (s: string) => string, message: string) => {
      const text = read.cell(key);
      if (!text) return null;
      try {
        const k = norm(text);
        if (seen.has(`${key}:${k}`)) read.problem(key, 'repetida em outra linha da planilha.');
        seen.add(`${key}:${k}`);
        return k;
      } catch {
        read.problem(key, message);
        return null;
      }
    };
    const plate = tryKey('plate', normalisePlate, 'use ABC-1234 ou ABC1D23.');
    const chassis = tryKey('chassis', normaliseChassis, 'use os 17 caracteres do chassi, sem I, O e Q.');
    if (!read.cell('plate') && !read.cell('chassis')) read.problem('plate', 'informe a placa ou o chassi.');
    const yearText = read.cell('year');
    const year = Number(yearText);
    if (yearText && !(/^\d{4}$/.test(yearText) && year >= 1900 && year <= 2100)) read.problem('year', 'use o ano com 4 dígitos.');
    const { found } = read.municipality('municipality');
    vehicles.push({
      plate,
      chassis,
      make: read.cell('make'),
      model: read.cell('model'),
      colour: read.cell('colour'),
      year,
      municipalityIbge: found?.ibgeCode ?? '',
      source: 'importação de planilha (Polícia Civil)',
      illustrative: false,
    });
  }
  return { vehicles, problems: sortProblems(problems, vehicleRecordColumns) };
}

/**
 * Import (CSV or XLSX, the template's columns): validated whole first (VEHICLE_IMPORT_INVALID with
 * every problem, nothing written); then each vehicle is added or, when its plate or chassis is
 * already in the store, replaced — one transaction, one audit row with the counts. Theft flags are
 * not touched (they come from police reports).
 */
export async function importVehicles(deps: VehicleDeps, actor: AuditActor, bytes: Buffer): Promise<{ imported: number }> {
  const sheet = await readSpreadsheet(bytes, { maxRows: MAX_ROWS });
  const { vehicles, problems } = validateVehiclesSheet(sheet.header, sheet.rows);
  if (problems.length) throw new AppError('VEHICLE_IMPORT_INVALID', undefined, problems.slice(0, 200));
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    let replaced = 0;
    for (const row of vehicles) {
      const removed = await tx
        .delete(v)
        .where(or(row.plate ? eq(v.plate, row.plate) : sql`false`, row.chassis ? eq(v.chassis, row.chassis) : sql`false`))
        .returning({ id: v.id });
      replaced += removed.length;
      await tx.insert(v).values({ ...row, createdAt: now, updatedAt: now });
    }
    await recordAudit(tx, actor, {
      action: 'vehicle_record.imported',
      targetType: 'vehicle_record',
      targetId: null,
      data: { format: sheet.format, rows: vehicles.length, replaced },
    });
  });
  return { imported: vehicles.length };
}

export const vehiclesTemplate = (format: 'csv' | 'xlsx'): Promise<Buffer> =>
  columnTemplate(format, vehicleRecordColumns, {
    sheet: 'Veículos',
    notes: [
      'Um veículo por linha: placa e/ou chassi, marca, modelo, cor, ano e município. Não há coluna de proprietário: o cadastro não guarda dados do dono.',
      'Veículo já cadastrado (mesma placa ou chassi) é substituído. Se alguma linha tiver problema, nada é importado.',
    ],
  });
