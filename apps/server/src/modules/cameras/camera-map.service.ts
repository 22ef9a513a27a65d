import { applicantKindSchema, type CameraMap, type PublicMap, type PublicMapSite } from '@vigia/contracts';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { signagePlates } from '../../db/tables/integrators.js';
import { partners } from '../../db/tables/partners.js';
import type { AuthContext } from '../accounts/session.service.js';
import { findMunicipality } from '../reference/index.js';
import { seesOnlyAsPublic, viewScope } from './cameras.scope.js';
import { publicLabel, publicViewOfMapItem, roundPublic } from './public-view.js';
import { publicApproved, streamEligible } from './stream-eligibility.js';

/** The operations map draws at most this many cameras in one answer (the state plans ~10 000). */
export const MAP_LIMIT = 20_000;

/** What a marker and a cone need of a camera: no address, port or credential. */
export const mapItemColumns = {
  id: cameras.id,
  name: cameras.name,
  partnerId: cameras.partnerId,
  latitude: cameras.latitude,
  longitude: cameras.longitude,
  municipalityIbge: cameras.municipalityIbge,
  heading: cameras.heading,
  fieldOfView: cameras.fieldOfView,
  status: cameras.status,
  openToPublic: cameras.openToPublic,
};

/** Every camera the user may see (scope in the SQL WHERE), with only what a marker and a cone need. */
export async function listMapCameras(db: Queryable, auth: AuthContext): Promise<CameraMap> {
  const rows = await db
    .select(mapItemColumns)
    .from(cameras)
    .where(viewScope(auth))
    .orderBy(asc(cameras.id))
    .limit(MAP_LIMIT + 1);
  const items = rows.slice(0, MAP_LIMIT).map((r) => (seesOnlyAsPublic(auth, r.partnerId) ? publicViewOfMapItem(r) : r));
  return { items, truncated: rows.length > MAP_LIMIT };
}

const round = roundPublic;
const municipalityName = (ibge: string) => findMunicipality(ibge)?.name ?? '';

/**
 * The public map (SPEC §3.8): participating sites at an approximate place (rounded to ≈1 km) with
 * the partner's kind, and the cameras open to the public. The SELECT names only the columns it
 * publishes: no partner name, document, address, host, port or credential can leak. Only cameras
 * eligible to stream take part; "open" means requested by the partner and approved by the committee.
 */
export async function publicMap(db: Queryable): Promise<PublicMap> {
  const rows = await db
    .select({
      id: cameras.id,
      latitude: cameras.latitude,
      longitude: cameras.longitude,
      municipalityIbge: cameras.municipalityIbge,
      openToPublic: publicApproved().mapWith(Boolean),
      partnerKind: partners.kind,
      plateInstalled: sql<boolean>`(${signagePlates.status} = 'approved')`.mapWith(Boolean),
    })
    .from(cameras)
    .innerJoin(partners, eq(partners.id, cameras.partnerId))
    .leftJoin(signagePlates, eq(signagePlates.cameraId, cameras.id))
    .where(and(ne(cameras.status, 'disabled'), streamEligible()))
    .orderBy(asc(cameras.municipalityIbge), asc(cameras.id))
    .limit(50_000);

  const sites = new Map<string, PublicMapSite>();
  const openCameras: PublicMap['openCameras'] = [];
  const perMunicipality = new Map<string, number>();
  for (const r of rows) {
    const kind = applicantKindSchema.safeParse(r.partnerKind);
    const latitude = round(r.latitude);
    const longitude = round(r.longitude);
    if (kind.success) {
      const key = `${latitude}|${longitude}|${kind.data}`;
      const site = sites.get(key);
      if (site) {
        site.cameraCount += 1;
        if (r.plateInstalled) site.platesInstalled += 1;
      } else {
        sites.set(key, {
          latitude,
          longitude,
          municipalityIbge: r.municipalityIbge,
          municipalityName: municipalityName(r.municipalityIbge),
          partnerKind: kind.data,
          cameraCount: 1,
          platesInstalled: r.plateInstalled ? 1 : 0,
        });
      }
    }
    if (r.openToPublic) {
      const n = (perMunicipality.get(r.municipalityIbge) ?? 0) + 1;
      perMunicipality.set(r.municipalityIbge, n);
      const name = municipalityName(r.municipalityIbge);
      openCameras.push({
        id: r.id,
        label: publicLabel(r.municipalityIbge, n),
        latitude,
        longitude,
        municipalityIbge: r.municipalityIbge,
        municipalityName: name,
      });
    }
  }
  return { sites: [...sites.values()], openCameras };
}
