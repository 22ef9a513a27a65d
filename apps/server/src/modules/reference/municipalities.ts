import { lazy, readCsvDataset, required } from './csv.js';

/** IBGE code of Cuiabá, the state capital (and the only municipality with its own holiday rules here). */
export const CUIABA_IBGE = '5103403';

/** A municipality of Mato Grosso and the WGS84 point of its seat (sede). Source: datasets/README.md. */
export interface Municipality {
  /** 7-digit IBGE code, always starting with 51 (UF Mato Grosso). */
  ibgeCode: string;
  /** Official name, with accents. */
  name: string;
  latitude: number;
  longitude: number;
  isCapital: boolean;
  /** Telephone area code: 65 or 66. */
  ddd: string;
  siafiCode: string;
}

/**
 * Accent-, case-, apostrophe- and spacing-insensitive key for municipality names
 * ("Mirassol D’Oeste" and "mirassol d'oeste" give the same key).
 */
export function normalizeMunicipalityName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Older spellings still found in public data (the IBGE mesh used for the outline says "Poxoréo"). */
const NAME_ALIASES: Readonly<Record<string, string>> = {
  poxoreo: '5107008',
};

const load = lazy(() => {
  const list: Municipality[] = readCsvDataset('mt_municipios.csv').map((row) => {
    const latitude = Number(required(row, 'latitude'));
    const longitude = Number(required(row, 'longitude'));
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      throw new Error(`mt_municipios.csv: bad coordinates for ${row.codigo_ibge}`);
    }
    return Object.freeze({
      ibgeCode: required(row, 'codigo_ibge'),
      name: required(row, 'nome'),
      latitude,
      longitude,
      isCapital: row.capital === '1',
      ddd: required(row, 'ddd'),
      siafiCode: required(row, 'siafi_id'),
    });
  });
  const byCode = new Map(list.map((m) => [m.ibgeCode, m]));
  const byName = new Map(list.map((m) => [normalizeMunicipalityName(m.name), m]));
  for (const [alias, code] of Object.entries(NAME_ALIASES)) {
    const m = byCode.get(code);
    if (m) byName.set(alias, m);
  }
  return { list: Object.freeze(list), byCode, byName };
});

/** All 142 municipalities of Mato Grosso, sorted as in the source (by IBGE code). */
export function listMunicipalities(): readonly Municipality[] {
  return load().list;
}

/** Finds a municipality by 7-digit IBGE code or by name (accent/case-insensitive). */
export function findMunicipality(ibgeCodeOrName: string): Municipality | undefined {
  const query = ibgeCodeOrName.trim();
  const { byCode, byName } = load();
  if (/^\d{7}$/.test(query)) return byCode.get(query);
  return byName.get(normalizeMunicipalityName(query));
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The municipality whose seat is closest to the point. This is NOT the municipality that contains
 * the point (no municipal polygons are shipped; see datasets/README.md): use it for suggestions
 * and sorting, never to decide jurisdiction. Ties go to the lower IBGE code.
 */
export function nearestMunicipalitySeat(latitude: number, longitude: number): { municipality: Municipality; distanceKm: number } {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    throw new RangeError('latitude and longitude must be finite numbers');
  }
  let best: { municipality: Municipality; distanceKm: number } | undefined;
  for (const m of listMunicipalities()) {
    const d = distanceKm(latitude, longitude, m.latitude, m.longitude);
    if (!best || d < best.distanceKm) best = { municipality: m, distanceKm: d };
  }
  if (!best) throw new Error('municipality list is empty');
  return best;
}
