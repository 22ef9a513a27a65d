import type { HealthDashboard } from '@vigia/contracts';
import { and, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { partners } from '../../db/tables/partners.js';
import { securityRegionMunicipalities, securityRegions } from '../../db/tables/regions.js';
import { cameraMonitoring, cameraOutages } from '../../db/tables/sanctions.js';
import type { AuthContext } from '../accounts/session.service.js';
import { listAlerts } from '../alerts/alerts.service.js';
import { viewScope } from '../cameras/cameras.scope.js';
import { cameraUptime, monthBounds } from '../sanctions/uptime.js';

const NO_REGION = 'Sem região';

/** Current month in Cuiabá (UTC−4) as YYYY-MM. */
export const cuiabaMonth = (now: Date) => new Date(now.getTime() - 4 * 3_600_000).toISOString().slice(0, 7);

/**
 * CIOSP health dashboard over the monitored cameras in the caller's view scope (SQL): cameras down
 * now (open outages) by region and partner, the longest outages, the partners with the worst
 * uptime this month (same computation as the obligations scorecard: `cameraUptime` over
 * `camera_monitoring` + `camera_outage`) and open alerts.
 */
export async function healthDashboard(db: Queryable, auth: AuthContext, now = new Date()): Promise<HealthDashboard> {
  const month = cuiabaMonth(now);
  const { start, end } = monthBounds(month);
  const cams = await db
    .select({
      id: cameras.id,
      name: cameras.name,
      partnerId: cameras.partnerId,
      partnerName: partners.name,
      regionName: securityRegions.name,
      since: cameraMonitoring.monitoredSince,
    })
    .from(cameras)
    .innerJoin(cameraMonitoring, eq(cameraMonitoring.cameraId, cameras.id))
    .leftJoin(partners, eq(partners.id, cameras.partnerId))
    .leftJoin(securityRegionMunicipalities, eq(securityRegionMunicipalities.municipalityIbge, cameras.municipalityIbge))
    .leftJoin(securityRegions, eq(securityRegions.id, securityRegionMunicipalities.regionId))
    .where(viewScope(auth));
  const ids = cams.map((c) => c.id);
  const outs = ids.length
    ? await db
        .select()
        .from(cameraOutages)
        .where(
          and(
            inArray(cameraOutages.cameraId, ids),
            or(isNull(cameraOutages.endedAt), and(lt(cameraOutages.startedAt, end), gt(cameraOutages.endedAt, start))),
          ),
        )
    : [];
  const byId = new Map(cams.map((c) => [c.id, c]));
  const down = outs
    .filter((o) => !o.endedAt)
    .map((o) => {
      const c = byId.get(o.cameraId)!;
      return {
        cameraId: c.id,
        cameraName: c.name,
        partnerId: c.partnerId,
        partnerName: c.partnerName ?? null,
        regionName: c.regionName ?? null,
        since: o.startedAt.toISOString(),
        minutes: Math.max(0, Math.round((now.getTime() - o.startedAt.getTime()) / 60000)),
        cause: o.cause ?? null,
      };
    })
    .sort((a, b) => b.minutes - a.minutes);
  const downIds = new Set(down.map((d) => d.cameraId));
  const group = <K extends string | null>(key: (c: (typeof cams)[number]) => K) => {
    const m = new Map<K, { total: number; down: number; sample: (typeof cams)[number] }>();
    for (const c of cams) {
      const k = key(c);
      const g = m.get(k) ?? { total: 0, down: 0, sample: c };
      g.total++;
      if (downIds.has(c.id)) g.down++;
      m.set(k, g);
    }
    return [...m.entries()].sort((a, b) => b[1].down - a[1].down || b[1].total - a[1].total);
  };
  const byRegion = group((c) => c.regionName ?? NO_REGION).map(([k, g]) => ({ regionName: k, down: g.down, total: g.total }));
  const byPartner = group((c) => c.partnerId).map(([k, g]) => ({
    partnerId: k,
    partnerName: g.sample.partnerName ?? 'Parceiro',
    down: g.down,
    total: g.total,
  }));
  const perPartner = new Map<string, { name: string; span: number; downMs: number; outages: number }>();
  for (const c of cams) {
    if (!c.partnerId) continue;
    const mine = outs.filter((o) => o.cameraId === c.id && o.startedAt < end);
    const u = cameraUptime(start, end, c.since, mine, now);
    if (u.percent === null) continue;
    const span = Math.min(end.getTime(), now.getTime()) - Math.max(start.getTime(), c.since.getTime());
    const p = perPartner.get(c.partnerId) ?? { name: c.partnerName ?? 'Parceiro', span: 0, downMs: 0, outages: 0 };
    p.span += span;
    p.downMs += u.outageMinutes * 60000;
    p.outages += mine.length;
    perPartner.set(c.partnerId, p);
  }
  const worstPartners = [...perPartner.entries()]
    .filter(([, p]) => p.span > 0)
    .map(([partnerId, p]) => ({
      partnerId,
      partnerName: p.name,
      percent: Math.round(((p.span - p.downMs) / p.span) * 10000) / 100,
      outageMinutes: Math.round(p.downMs / 60000),
      outages: p.outages,
    }))
    .sort((a, b) => a.percent - b.percent)
    .slice(0, 10);
  return {
    generatedAt: now.toISOString(),
    month,
    down: down.slice(0, 200),
    byRegion,
    byPartner,
    worstPartners,
    openAlerts: await listAlerts(db, auth, { openOnly: true, limit: 50 }),
  };
}
