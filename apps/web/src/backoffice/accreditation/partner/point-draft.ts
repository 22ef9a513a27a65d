import type { CameraMounting, CameraPoint, CameraPointInput } from '@vigia/contracts';

export interface PointDraft {
  key: number;
  address: string;
  municipalityIbge: string;
  latitude: string;
  longitude: string;
  mounting: CameraMounting;
  mountingDetail: string;
  films: string;
  mountingPhotoFileId: string | null;
  viewPhotoFileId: string | null;
}

let nextKey = 1;

export const emptyPoint = (): PointDraft => ({
  key: nextKey++,
  address: '',
  municipalityIbge: '',
  latitude: '',
  longitude: '',
  mounting: 'facade',
  mountingDetail: '',
  films: '',
  mountingPhotoFileId: null,
  viewPhotoFileId: null,
});

export const pointDraftOf = (p: CameraPoint): PointDraft => ({
  key: nextKey++,
  address: p.address,
  municipalityIbge: p.municipalityIbge,
  latitude: String(p.latitude),
  longitude: String(p.longitude),
  mounting: p.mounting,
  mountingDetail: p.mountingDetail ?? '',
  films: p.films,
  mountingPhotoFileId: p.mountingPhotoFileId,
  viewPhotoFileId: p.viewPhotoFileId,
});

/** Accepts "-15,6" as well as "-15.6". NaN when empty or not a number. */
export const parseCoordinate = (value: string): number => (value.trim() ? Number(value.trim().replace(',', '.')) : Number.NaN);

/** The body row for PUT camera-points; the API validates (MT territory, municipality, texts). */
export function toPointInput(d: PointDraft): CameraPointInput {
  return {
    address: d.address.trim(),
    municipalityIbge: d.municipalityIbge.trim(),
    latitude: parseCoordinate(d.latitude),
    longitude: parseCoordinate(d.longitude),
    mounting: d.mounting,
    mountingDetail: d.mountingDetail.trim() || undefined,
    films: d.films.trim(),
    mountingPhotoFileId: d.mountingPhotoFileId ?? undefined,
    viewPhotoFileId: d.viewPhotoFileId ?? undefined,
  };
}

/** Coordinates must be numbers before the request can even be built (JSON has no NaN). */
export function coordinateErrors(points: PointDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  points.forEach((p, i) => {
    if (!Number.isFinite(parseCoordinate(p.latitude))) errors[`points.${i}.latitude`] = 'Informe a latitude (número, ex.: -15,601).';
    if (!Number.isFinite(parseCoordinate(p.longitude))) errors[`points.${i}.longitude`] = 'Informe a longitude (número, ex.: -56,097).';
  });
  return errors;
}
