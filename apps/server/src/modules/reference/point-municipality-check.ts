import { distanceKm, findMunicipality, nearestMunicipalitySeat } from './municipalities.js';

/**
 * Does a camera point plausibly lie in the municipality it declares? The platform ships the state
 * outline and each municipality's SEAT, not municipal boundaries (datasets/README.md), so it cannot
 * decide jurisdiction, and some municipalities are huge (Colniza, Aripuanã, Paranatinga: over
 * 24,000 km², seats far from the middle). Refusing would turn away honest points; instead the point
 * is FLAGGED for the committee, which checks it on the map. (Outside the state it is refused:
 * edit-application.ts, Art. 3 sole §.)
 *
 * Flagged when the declared seat is farther than SEAT_RADIUS_KM, or when it is farther than
 * NEAR_SEAT_KM and another municipality's seat is at least NEARER_FACTOR times closer — a point
 * filed under the wrong (or a borrowed) IBGE code.
 */
export const SEAT_RADIUS_KM = 120;
export const NEAR_SEAT_KM = 30;
export const NEARER_FACTOR = 3;

export function pointMunicipalityWarning(point: { municipalityIbge: string; latitude: number; longitude: number }): string | null {
  const declared = findMunicipality(point.municipalityIbge);
  if (!declared || !Number.isFinite(point.latitude) || !Number.isFinite(point.longitude)) return null;
  const toDeclared = distanceKm(point.latitude, point.longitude, declared.latitude, declared.longitude);
  const nearest = nearestMunicipalitySeat(point.latitude, point.longitude);
  const otherIsMuchCloser =
    nearest.municipality.ibgeCode !== declared.ibgeCode && toDeclared > NEAR_SEAT_KM && toDeclared >= NEARER_FACTOR * nearest.distanceKm;
  if (toDeclared <= SEAT_RADIUS_KM && !otherIsMuchCloser) return null;
  const km = (n: number) => Math.round(n).toLocaleString('pt-BR');
  return (
    `As coordenadas ficam a ${km(toDeclared)} km da sede de ${declared.name}, o município informado` +
    (nearest.municipality.ibgeCode !== declared.ibgeCode
      ? `, e a ${km(nearest.distanceKm)} km da sede de ${nearest.municipality.name}.`
      : '.') +
    ' Confira se o ponto pertence mesmo a esse município.'
  );
}
