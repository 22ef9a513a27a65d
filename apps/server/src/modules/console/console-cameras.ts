import type { ConsoleCamera } from '@vigia/contracts';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { partners } from '../../db/tables/partners.js';
import { cameraPtz } from '../../db/tables/ptz.js';
import { securityRegionMunicipalities, securityRegions } from '../../db/tables/regions.js';
import type { AuthContext } from '../../http/context.js';
import { viewScope } from '../cameras/cameras.scope.js';
import { streamEligible } from '../cameras/stream-eligibility.js';
import { findMunicipality } from '../reference/municipalities.js';

/**
 * The console's camera tree: the cameras the user may watch live (view scope, eligible to stream,
 * not disabled) with the names of their partner, municipality and security region, and whether
 * they report PTZ (known once someone asked). No address, ports or credentials.
 */
export async function consoleCameras(db: Queryable, auth: AuthContext): Promise<ConsoleCamera[]> {
  const rows = await db
    .select({
      id: cameras.id,
      name: cameras.name,
      status: cameras.status,
      partnerId: cameras.partnerId,
      partnerName: partners.name,
      municipalityIbge: cameras.municipalityIbge,
      regionName: securityRegions.name,
      ptz: cameraPtz.supported,
    })
    .from(cameras)
    .innerJoin(partners, eq(partners.id, cameras.partnerId))
    .leftJoin(securityRegionMunicipalities, eq(securityRegionMunicipalities.municipalityIbge, cameras.municipalityIbge))
    .leftJoin(securityRegions, eq(securityRegions.id, securityRegionMunicipalities.regionId))
    .leftJoin(cameraPtz, eq(cameraPtz.cameraId, cameras.id))
    .where(and(viewScope(auth), streamEligible(), ne(cameras.status, 'disabled')))
    .orderBy(asc(cameras.name))
    .limit(5000);
  return rows.map((r) => ({
    ...r,
    regionName: r.regionName ?? null,
    ptz: r.ptz ?? null,
    municipalityName: findMunicipality(r.municipalityIbge)?.name ?? r.municipalityIbge,
  }));
}
