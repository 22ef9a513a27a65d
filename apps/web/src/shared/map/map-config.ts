/**
 * Map tiles. The platform must work offline: when no tile server answers, the map is drawn without
 * a background (markers only) and the coordinates can always be typed in the form.
 * Override at build time with VITE_MAP_TILES_URL (e.g. an internal SESP tile server).
 */
export const MAP_TILES_URL: string =
  (import.meta.env.VITE_MAP_TILES_URL as string | undefined) ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const MAP_TILES_ATTRIBUTION = '&copy; colaboradores do OpenStreetMap';

/** Centre and zoom showing all of Mato Grosso. */
export const MT_CENTER: [number, number] = [-12.6, -55.9];
export const MT_ZOOM = 5;
