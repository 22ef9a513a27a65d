import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { vehicleRecords } from '../../db/tables/vehicle-records.js';
import { arrestWarrants } from '../../db/tables/warrants.js';
import { nameKeyOf } from '../citizen-accounts/person-name.js';
import { markVehicleStolen } from '../vehicle-records/vehicle-theft.js';

const ILLUSTRATIVE = 'Dado ilustrativo da demonstração — não é um registro real';

/**
 * Illustrative data for the warrant and vehicle lookups, only while each store is empty (the
 * platform ships them empty). Plates start with "DEM", names and courts say "demonstração"; one
 * vehicle is flagged stolen by a demonstration report. The warrant on the demo citizen Carla Ouro
 * Lima (gov.br ouro, CPF 390.533.447-05) lets a visitor see the query in her "who looked me up".
 */
export async function ensureLookupsDemo(db: Db): Promise<void> {
  const [vehicles] = await db.select({ n: count() }).from(vehicleRecords);
  if ((vehicles?.n ?? 0) === 0) {
    await db.insert(vehicleRecords).values(
      (
        [
          ['DEM1A23', '9BWZZZ377VT004251', 'Volkswagen', 'Gol 1.0 (demonstração)', 'Prata', 2019, '5103403'],
          ['DEM4567', '9BD15802AB6123456', 'Fiat', 'Uno Mille (demonstração)', 'Branco', 2011, '5108402'],
          ['DEM2B34', '1HGCM82633A004352', 'Honda', 'Civic (demonstração)', 'Preto', 2021, '5107909'],
        ] as const
      ).map(([plate, chassis, make, model, colour, year, municipalityIbge]) => ({
        plate,
        chassis,
        make,
        model,
        colour,
        year,
        municipalityIbge,
        source: ILLUSTRATIVE,
        illustrative: true,
      })),
    );
    await markVehicleStolen(db, {
      plate: 'DEM2B34',
      chassis: null,
      policeReportId: 'demo-boletim-1',
      reportNumber: 'DEMO-0001/2026',
      kind: 'robbery',
      at: new Date('2026-01-15T12:00:00Z'),
    });
  }
  const [warrants] = await db.select({ n: count() }).from(arrestWarrants);
  if ((warrants?.n ?? 0) === 0) {
    const people = [
      ['0000001-11.2026.8.11.0041.01.0001-01', 'Fulano Demonstração da Silva', 'Beltrana Demonstração da Silva', '1980-01-01', null],
      ['0000002-22.2026.8.11.0041.01.0001-01', 'Carla Ouro Lima', 'Maria Demonstração Lima', '1988-08-08', '39053344705'],
    ] as const;
    await db.insert(arrestWarrants).values(
      people.map(([number, personName, motherName, birthDate, cpf]) => ({
        number,
        court: 'Vara Criminal de demonstração (ilustrativa)',
        issuedOn: '2026-01-20',
        validUntil: '2046-01-20',
        status: 'pending' as const,
        personName,
        nameKey: nameKeyOf(personName),
        motherName,
        motherKey: nameKeyOf(motherName),
        birthDate,
        cpf,
        source: ILLUSTRATIVE,
        illustrative: true,
      })),
    );
  }
}
