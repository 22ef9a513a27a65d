import type { PoliceStation } from '@vigia/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { securityUnits } from '../../db/tables/security-units.js';
import { AppError } from '../../http/errors.js';
import { distanceKm, findMunicipality } from '../reference/municipalities.js';

/** Civil-police stations are the security units of kind `civil_police_station` (module security-units). */
const isStation = eq(securityUnits.kind, 'civil_police_station');

type UnitRow = typeof securityUnits.$inferSelect;

export const municipalityName = (ibge: string) => findMunicipality(ibge)?.name ?? ibge;

const toStation = (u: UnitRow): PoliceStation => ({
  id: u.id,
  name: u.name,
  municipality: municipalityName(u.municipalityIbge),
  address: u.address,
});

/** Every station, or those of the given municipalities (an officer's scope). */
export async function listStations(db: Queryable, municipalities: string[] | null = null): Promise<PoliceStation[]> {
  const rows = await db
    .select()
    .from(securityUnits)
    .where(and(isStation, municipalities ? inArray(securityUnits.municipalityIbge, municipalities) : undefined))
    .orderBy(asc(securityUnits.name));
  return rows.map(toStation);
}

export async function stationById(db: Queryable, id: string): Promise<UnitRow> {
  const [row] = await db
    .select()
    .from(securityUnits)
    .where(and(isStation, eq(securityUnits.id, id)));
  if (!row) throw new AppError('POLICE_STATION_NOT_FOUND');
  return row;
}

/** The station nearest to the place of the fact (null when the directory has none). */
export async function nearestStation(db: Queryable, latitude: number, longitude: number): Promise<UnitRow | null> {
  const rows = await db.select().from(securityUnits).where(isStation);
  let best: UnitRow | null = null;
  let bestKm = Number.POSITIVE_INFINITY;
  for (const r of rows) {
    const km = distanceKm(latitude, longitude, r.latitude, r.longitude);
    if (km < bestKm) [best, bestKm] = [r, km];
  }
  return best;
}

export async function stationsByIds(db: Queryable, ids: string[]): Promise<Map<string, PoliceStation>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(securityUnits).where(inArray(securityUnits.id, ids));
  return new Map(rows.map((r) => [r.id, toStation(r)]));
}
