import {
  type SecurityUnit,
  type SecurityUnitKind,
  securityUnitColumns,
  securityUnitKindLabels,
  securityUnitsLicence,
} from '@vigia/contracts';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { securityUnits } from '../../db/tables/security-units.js';
import { distanceKm, findMunicipality } from '../reference/index.js';

export type SecurityUnitRow = typeof securityUnits.$inferSelect;

export const toUnit = (r: SecurityUnitRow): SecurityUnit => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  address: r.address,
  municipalityIbge: r.municipalityIbge,
  municipality: findMunicipality(r.municipalityIbge)?.name ?? r.municipalityIbge,
  phones: r.phones,
  hours: r.hours,
  services: r.services,
  latitude: r.latitude,
  longitude: r.longitude,
  source: r.source,
  illustrative: r.illustrative,
  updatedAt: r.updatedAt.toISOString(),
});

export interface UnitFilter {
  kind?: SecurityUnitKind | undefined;
  municipality?: string | undefined;
  near?: { latitude: number; longitude: number } | undefined;
}

/**
 * The directory, filtered by kind and municipality; with `near`, every unit carries its
 * great-circle distance in metres and the list is nearest first (the directory is a few hundred
 * rows: distance is computed here, no spatial index needed).
 */
export async function listUnits(db: Queryable, filter: UnitFilter = {}): Promise<SecurityUnit[]> {
  const where: SQL[] = [];
  if (filter.kind) where.push(eq(securityUnits.kind, filter.kind));
  if (filter.municipality) where.push(eq(securityUnits.municipalityIbge, filter.municipality));
  const rows = await db
    .select()
    .from(securityUnits)
    .where(and(...where))
    .orderBy(asc(securityUnits.name), asc(securityUnits.id));
  const units = rows.map(toUnit);
  const near = filter.near;
  if (!near) return units;
  return units
    .map((u) => ({ ...u, distanceMeters: Math.round(distanceKm(near.latitude, near.longitude, u.latitude, u.longitude) * 1000) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.name.localeCompare(b.name, 'pt-BR'));
}

/** RFC 7946 FeatureCollection: positions are [longitude, latitude] (§3.1.1), WGS 84. */
export function unitsGeoJson(units: SecurityUnit[]) {
  return {
    type: 'FeatureCollection' as const,
    licence: securityUnitsLicence,
    features: units.map(({ latitude, longitude, ...u }) => ({
      type: 'Feature' as const,
      id: u.id,
      geometry: { type: 'Point' as const, coordinates: [longitude, latitude] as [number, number] },
      properties: { ...u, kindLabel: securityUnitKindLabels[u.kind] },
    })),
  };
}

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe (numbers stay as they are). */
const safe = (s: string) => (/^[=+@\t\r]/.test(s) || /^-(?![\d.])/.test(s) ? `'${s}` : s);
const quote = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * The CSV export: the import template's columns (so an export re-imports as is), then the code
 * IBGE, the illustrative flag and the id; ";" and a BOM, as Excel pt-BR opens it. The licence
 * travels in the response's `Link: rel="license"` header (a row would not re-import).
 */
export function unitsCsv(units: SecurityUnit[]): Buffer {
  const header = [...securityUnitColumns.map((c) => c.header), 'Código IBGE', 'Ilustrativo', 'ID'];
  const lines = [header.map(quote).join(';')];
  for (const u of units) {
    const cells = [
      securityUnitKindLabels[u.kind],
      u.name,
      u.address,
      u.municipality,
      u.phones.join(' | '),
      u.hours,
      u.services.join(' | '),
      String(u.latitude),
      String(u.longitude),
      u.source,
      u.municipalityIbge,
      u.illustrative ? 'Sim' : 'Não',
      u.id,
    ];
    lines.push(cells.map((c) => quote(safe(c))).join(';'));
  }
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
