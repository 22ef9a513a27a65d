import type { CameraMapItem, CameraMapView, CameraMapViewQuery, CameraStatus } from '@vigia/contracts';
import { asc, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../db/client.js';
import { cameras } from '../../../db/tables/cameras.js';
import type { AuthContext } from '../../accounts/session.service.js';
import { mapItemColumns } from '../camera-map.service.js';
import { managedPartnerIds, seesOnlyAsPublic, viewScope } from '../cameras.scope.js';
import { publicViewOfMapItem } from '../public-view.js';
import type { PointProps } from './map-index.js';
import { MapIndexCache } from './map-index-cache.js';

/** Single cameras one answer carries at most (beyond the clustering's max zoom a viewport holds few). */
export const MAP_VIEW_MAX_CAMERAS = 2_000;

const dialect = new PgDialect();

/**
 * The cache key of a user's map scope: the scope's SQL with its parameters (user, units, partners,
 * regions…) and what decides the public view of another partner's open camera. Users with the same
 * scope (admins, the committee, two users of one partner) share one index.
 */
export function mapScopeKey(auth: AuthContext): string {
  const { sql: text, params } = dialect.sqlToQuery(viewScope(auth));
  return JSON.stringify([text, params, [...new Set(auth.roles)].sort(), managedPartnerIds(auth).sort()]);
}

/** Every camera the user may see (scope in the SQL WHERE), as a marker needs it; another partner's open camera as the public map shows it. */
export async function loadScopeItems(db: Queryable, auth: AuthContext): Promise<CameraMapItem[]> {
  const rows = await db.select(mapItemColumns).from(cameras).where(viewScope(auth)).orderBy(asc(cameras.id));
  return rows.map((r) => (seesOnlyAsPublic(auth, r.partnerId) ? publicViewOfMapItem(r) : r));
}

/**
 * Fingerprint of every camera field the map shows or the scope reads on the camera row: any
 * insert, update (status from the health monitor or the media node included) or delete changes it.
 * One aggregate in the database (a few ms at 20,000 cameras), no trigger or schema change.
 */
export async function readCameraMapVersion(db: Queryable): Promise<string> {
  const rows = await db.execute<{ v: string }>(sql`SELECT count(*)::text || ':' || coalesce(sum(hashtext(concat_ws('|',
      ${cameras.id}, ${cameras.partnerId}, ${cameras.cameraPointId}, ${cameras.name}, ${cameras.status}, ${cameras.latitude},
      ${cameras.longitude}, ${cameras.heading}, ${cameras.fieldOfView}, ${cameras.openToPublic}, ${cameras.municipalityIbge}))::bigint), 0)::text AS v
    FROM ${cameras}`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: { v: string }[] }).rows) as { v: string }[];
  return list[0]!.v;
}

export function createMapIndexCache(db: Queryable): MapIndexCache {
  return new MapIndexCache({ readVersion: () => readCameraMapVersion(db) });
}

/**
 * The operations map for a viewport and zoom (issue 13): clusters with their status counts, and
 * single cameras where zoomed in enough, from the scope's cached index. The answer's size depends
 * on the viewport (≈ one feature per 60 px square), not on how many cameras the scope holds.
 */
export async function mapView(db: Queryable, cache: MapIndexCache, auth: AuthContext, q: CameraMapViewQuery): Promise<CameraMapView> {
  const { data } = await cache.entry(mapScopeKey(auth), () => loadScopeItems(db, auth));
  const statuses = q.status === undefined ? undefined : ([...new Set(q.status ? q.status.split(',') : [])] as CameraStatus[]);
  const index = cache.index(data, statuses);
  const features = index.getClusters([q.west, q.south, q.east, q.north], q.zoom);
  const view: CameraMapView = {
    clusters: [],
    cameras: [],
    truncated: false,
    total: statuses ? statuses.reduce((n, s) => n + data.statusCounts[s], 0) : data.items.length,
    statusCounts: data.statusCounts,
    bounds: data.bounds,
  };
  for (const f of features) {
    const p = f.properties;
    if ('cluster' in p && p.cluster) {
      const [longitude, latitude] = f.geometry.coordinates as [number, number];
      view.clusters.push({
        id: p.cluster_id,
        latitude,
        longitude,
        count: p.point_count,
        statusCounts: { online: p.online, offline: p.offline, pending: p.pending, disabled: p.disabled },
        expansionZoom: index.getClusterExpansionZoom(p.cluster_id),
      });
    } else if (view.cameras.length < MAP_VIEW_MAX_CAMERAS) view.cameras.push((p as PointProps).camera);
    else view.truncated = true;
  }
  return view;
}
