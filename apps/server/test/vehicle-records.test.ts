import { count, eq, getTableColumns, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, vehicleLookups, vehicleRecords, vehicleTheftFlags } from '../src/db/schema.js';
import { markVehicleRecovered, markVehicleStolen } from '../src/modules/vehicle-records/vehicle-theft.js';
import { api, multipart, staff } from './accreditation.fixtures.js';
import { solvedAltcha } from './helpers/altcha.js';
import { anonymous, authHeaders, type Session, useTestApp } from './helpers/app.js';

const ctx = useTestApp({ LOOKUPS_PER_MINUTE: '1000' });
const STATUS = '/api/public/vehicles/status';
const ADM = '/api/vehicle-records';
const CUIABA = '5103403';
const VIN = '9BWZZZ377VT004251';
let police: Session;
let visitor: Session;

const status = async (body: Record<string, unknown>, withPow = true) =>
  ctx.app.inject({
    method: 'POST',
    url: STATUS,
    headers: authHeaders(visitor),
    payload: withPow ? { ...body, altcha: await solvedAltcha(ctx.app) } : body,
  });
const logged = async () => (await ctx.t.database.db.select({ n: count() }).from(vehicleLookups))[0]!.n;
const vehicle = (over: Record<string, unknown> = {}) => ({
  plate: 'QBC1D23',
  chassis: VIN,
  make: 'Volkswagen',
  model: 'Gol 1.0',
  colour: 'Prata',
  year: 2019,
  municipalityIbge: CUIABA,
  ...over,
});

beforeAll(async () => {
  police = await staff(ctx.app, ctx.t.database, ['civil_police']);
  visitor = await anonymous(ctx.app);
});

describe('Back office: civil police keep the vehicle store (no owner data), audited', () => {
  it('adds a vehicle; plate and chassis are normalised and unique; only civil_police may', async () => {
    const res = await api(ctx.app, police).post(ADM, vehicle({ plate: 'qbc-1d23'.replace('-', ''), chassis: ' 9bwzzz377vt004251 ' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ plate: 'QBC1D23', chassis: VIN, municipality: 'Cuiabá', stolen: false });
    expect((await api(ctx.app, police).post(ADM, vehicle({ chassis: null }))).json().error.code).toBe('VEHICLE_ALREADY_REGISTERED');
    expect((await api(ctx.app, police).post(ADM, vehicle({ plate: 'ABC-1234', chassis: null }))).statusCode).toBe(200);
    const other = await staff(ctx.app, ctx.t.database, ['politec_staff']);
    expect((await api(ctx.app, other).post(ADM, vehicle({ plate: 'XYZ1234', chassis: null }))).statusCode).toBe(403);
    const audit = await ctx.t.database.db.select().from(auditEvents).where(like(auditEvents.action, 'vehicle_record.%'));
    expect(audit.map((a) => a.action)).toEqual(['vehicle_record.created', 'vehicle_record.created']);
    // The store has no column for the owner.
    expect(
      Object.values(getTableColumns(vehicleRecords))
        .map((c) => c.name)
        .join(),
    ).not.toMatch(/owner|cpf|name|propriet/i);
  });

  it('imports the CSV template: all rows or none, problems by row and column', async () => {
    const header = 'Placa;Chassi *;Marca *;Modelo *;Cor *;Ano *;Município *'.replace('Chassi *', 'Chassi');
    const sheet = (...lines: string[]) => Buffer.from(`\ufeff${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
    const importAs = (data: Buffer) => {
      const mp = multipart({ name: 'veiculos.csv', data, type: 'text/csv' });
      return ctx.app.inject({
        method: 'POST',
        url: `${ADM}/import`,
        headers: { ...authHeaders(police), ...mp.headers },
        payload: mp.payload,
      });
    };
    const before = (await ctx.t.database.db.select({ n: count() }).from(vehicleRecords))[0]!.n;
    const bad = await importAs(sheet('RST2E45;;Fiat;Uno;Branco;2015;Cuiabá', 'RS-999;;Fiat;Uno;Branco;15;Atlantis'));
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().error.code).toBe('VEHICLE_IMPORT_INVALID');
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .join(' '),
    ).toMatch(/row\.3\.plate/);
    expect((await ctx.t.database.db.select({ n: count() }).from(vehicleRecords))[0]!.n).toBe(before);
    const ok = await importAs(sheet('RST2E45;;Fiat;Uno;Branco;2015;Cuiabá', ';1HGCM82633A004352;Honda;Accord;Preto;2003;Várzea Grande'));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 2 });
  });
});

describe('Public vehicle status: description and theft flag, never the owner', () => {
  it('by plate (old and Mercosul) or chassis: make, model, colour, year, municipality; nothing else', async () => {
    const byPlate = await status({ plate: 'qbc1d23' });
    expect(byPlate.statusCode, byPlate.body).toBe(200);
    expect(byPlate.json()).toEqual({
      found: true,
      plate: 'QBC1D23',
      chassisEnding: '4251',
      make: 'Volkswagen',
      model: 'Gol 1.0',
      colour: 'Prata',
      year: 2019,
      municipality: 'Cuiabá',
      stolen: false,
      stolenKind: null,
      checkedAt: expect.any(String),
    });
    expect(byPlate.body).not.toContain(VIN);
    expect((await status({ plate: 'abc-1234' })).json()).toMatchObject({ found: true, plate: 'ABC1234' });
    expect((await status({ chassis: VIN.toLowerCase() })).json()).toMatchObject({ found: true, plate: 'QBC1D23' });
    expect((await status({ plate: 'ZZZ9Z99' })).json()).toMatchObject({ found: false, stolen: false, make: null });
  });

  it('follows markVehicleStolen / markVehicleRecovered (the police reports), by plate or chassis, and shows no report details', async () => {
    const db = ctx.t.database.db;
    await markVehicleStolen(db, {
      plate: null,
      chassis: VIN,
      policeReportId: 'rep-1',
      reportNumber: 'BO 123/2026',
      kind: 'robbery',
      at: new Date(),
    });
    // Validating the same report twice changes nothing.
    await markVehicleStolen(db, {
      plate: null,
      chassis: VIN,
      policeReportId: 'rep-1',
      reportNumber: 'BO 123/2026',
      kind: 'robbery',
      at: new Date(),
    });
    expect((await db.select({ n: count() }).from(vehicleTheftFlags))[0]!.n).toBe(1);
    const stolen = await status({ plate: 'QBC-1D23'.replace('-', '') });
    expect(stolen.json()).toMatchObject({ found: true, stolen: true, stolenKind: 'robbery' });
    expect(stolen.body).not.toContain('BO 123');
    expect(stolen.body).not.toContain('rep-1');
    await markVehicleRecovered(db, { plate: 'QBC1D23', chassis: null, policeReportId: 'rep-2', at: new Date() });
    expect((await status({ chassis: VIN })).json()).toMatchObject({ stolen: false, stolenKind: null });
  });

  it('a vehicle not in the store can still be flagged by its plate, then recovered', async () => {
    const db = ctx.t.database.db;
    await markVehicleStolen(db, {
      plate: 'MTX-4321',
      chassis: null,
      policeReportId: 'rep-3',
      reportNumber: 'BO 3',
      kind: 'theft',
      at: new Date(),
    });
    expect((await status({ plate: 'MTX4321' })).json()).toMatchObject({ found: false, stolen: true, stolenKind: 'theft', make: null });
    await markVehicleRecovered(db, { plate: 'mtx4321', chassis: null, policeReportId: 'rep-4', at: new Date() });
    expect((await status({ plate: 'MTX4321' })).json()).toMatchObject({ found: false, stolen: false });
  });

  it('a report listing two stolen vehicles flags both; validating it again adds nothing', async () => {
    const db = ctx.t.database.db;
    const at = new Date();
    const flag = (v: { plate: string | null; chassis: string | null }) =>
      markVehicleStolen(db, { ...v, policeReportId: 'rep-two', reportNumber: 'BO 9', kind: 'theft', at });
    for (let round = 0; round < 2; round++) {
      await flag({ plate: 'NTA-1020', chassis: null });
      await flag({ plate: null, chassis: '9BWZZZ377VT004251' });
    }
    const flags = await db.select().from(vehicleTheftFlags).where(eq(vehicleTheftFlags.policeReportId, 'rep-two'));
    expect(flags.map((f) => f.plate ?? f.chassis).sort()).toEqual(['9BWZZZ377VT004251', 'NTA1020']);
    expect((await status({ plate: 'NTA1020' })).json()).toMatchObject({ stolen: true });
    expect((await status({ chassis: '9BWZZZ377VT004251' })).json()).toMatchObject({ stolen: true });
  });

  it('markVehicleStolen refuses a bad plate or chassis, or neither, with stable codes', async () => {
    const db = ctx.t.database.db;
    const at = new Date();
    await expect(
      markVehicleStolen(db, { plate: 'AB1234', chassis: null, policeReportId: 'x', reportNumber: 'x', kind: 'theft', at }),
    ).rejects.toMatchObject({
      code: 'VEHICLE_PLATE_INVALID',
    });
    await expect(
      markVehicleStolen(db, { plate: null, chassis: '9BWZZZ377VT00425I', policeReportId: 'x', reportNumber: 'x', kind: 'theft', at }),
    ).rejects.toMatchObject({
      code: 'VEHICLE_CHASSIS_INVALID',
    });
    await expect(markVehicleRecovered(db, { plate: null, chassis: null, policeReportId: 'x', at })).rejects.toMatchObject({
      code: 'VEHICLE_IDENTIFIER_REQUIRED',
    });
  });

  it('every query is logged; hostile input gets stable codes and writes nothing', async () => {
    const before = await logged();
    await status({ plate: 'QBC1D23' });
    expect(await logged()).toBe(before + 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ plate: 'AB-12345' }, 'VEHICLE_PLATE_INVALID'],
      [{ plate: "QBC1D23' OR 1=1" }, 'VEHICLE_PLATE_INVALID'],
      [{ plate: 'QBC%' }, 'VEHICLE_PLATE_INVALID'],
      [{ chassis: '9BWZZZ377VT00425' }, 'VEHICLE_CHASSIS_INVALID'],
      [{ chassis: '9BWZZZ377VT0042IO' }, 'VEHICLE_CHASSIS_INVALID'],
      [{ chassis: 'Q'.repeat(17) }, 'VEHICLE_CHASSIS_INVALID'],
      [{ plate: 'QBC1D23', chassis: VIN }, 'VALIDATION_FAILED'],
      [{}, 'VALIDATION_FAILED'],
      [{ plate: 'QBC1D23', owner: 'x' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await status(body, false);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code, JSON.stringify(body)).toBe(code);
    }
    expect((await status({ plate: 'QBC1D23' }, false)).json().error.code).toBe('ALTCHA_INVALID');
    expect(await logged()).toBe(before + 1);
  });
});
