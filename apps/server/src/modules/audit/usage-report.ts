import type { UsageMonth, UsageReport } from '@vigia/contracts';
import { and, gte, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { auditEvents } from '../../db/tables/audit.js';

/**
 * Which audit actions each public counter counts. Playback and clip export do not exist yet
 * (recording is another issue): their action names are reserved here so the counters fill in as
 * soon as those features write them.
 */
export const USAGE_ACTIONS = {
  liveViews: ['live.view_started'],
  playbacks: ['playback.started'],
  exports: ['export.requested', 'release_delivery.downloaded'],
  releaseRequests: ['release_request.submitted'],
  decisions: ['release_request.decided'],
  refused: ['release_request.refused'],
} as const;

const ALL = Object.values(USAGE_ACTIONS).flat();

/** YYYY-MM of the Cuiabá month (UTC−4 all year since 2019) `back` months before `now`'s. */
function monthKey(now: Date, back: number): string {
  const local = new Date(now.getTime() - 4 * 3600_000);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Public usage report (SPEC §3.5, §3.8 transparency): monthly counts of live views, playbacks,
 * exports, release requests and decisions, taken from the audit trail. The query selects only
 * the month and counts — no actor, target, origin, reason or data value leaves the database.
 */
export async function usageReport(db: Queryable, months = 12, now = new Date()): Promise<UsageReport> {
  const first = monthKey(now, months - 1);
  const since = new Date(`${first}-01T00:00:00-04:00`);
  const month = sql<string>`to_char((${auditEvents.at} AT TIME ZONE 'UTC') - interval '4 hours', 'YYYY-MM')`;
  const count = (actions: readonly string[], extra?: ReturnType<typeof sql>) =>
    sql<number>`count(*) FILTER (WHERE ${inArray(auditEvents.action, [...actions])}${extra ? sql` AND ${extra}` : sql``})::int`;
  const rows = await db
    .select({
      month,
      liveViews: count(USAGE_ACTIONS.liveViews),
      playbacks: count(USAGE_ACTIONS.playbacks),
      exports: count(USAGE_ACTIONS.exports),
      releaseRequests: count(USAGE_ACTIONS.releaseRequests),
      releasesGranted: count(USAGE_ACTIONS.decisions, sql`${auditEvents.data}->>'decision' IN ('granted', 'partially_granted')`),
      releasesDenied: count(USAGE_ACTIONS.decisions, sql`${auditEvents.data}->>'decision' = 'denied'`),
      requestsRefused: count(USAGE_ACTIONS.refused),
    })
    .from(auditEvents)
    .where(and(gte(auditEvents.at, since), inArray(auditEvents.action, ALL)))
    .groupBy(month);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const out: UsageMonth[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const key = monthKey(now, back);
    const r = byMonth.get(key);
    out.push({
      month: key,
      liveViews: Number(r?.liveViews ?? 0),
      playbacks: Number(r?.playbacks ?? 0),
      exports: Number(r?.exports ?? 0),
      releaseRequests: Number(r?.releaseRequests ?? 0),
      releasesGranted: Number(r?.releasesGranted ?? 0),
      releasesDenied: Number(r?.releasesDenied ?? 0),
      requestsRefused: Number(r?.requestsRefused ?? 0),
    });
  }
  return { generatedAt: now.toISOString(), months: out };
}
