import type { UptimeScorecard } from '@vigia/contracts';
import { and, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { cameraMonitoring, cameraOutages } from '../../db/tables/sanctions.js';

/** Month bounds in Cuiabá (UTC−4, no DST since 2019): `YYYY-MM` → [start, end). */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(y, m - 1, 1, 4)), end: new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1, 4)) };
}

export const NOT_MEASURED = 'não medido';

/**
 * Pure: uptime of one camera over [start, end) given when monitoring began and its outages. The
 * part of the month before monitoring began is not counted (neither up nor down). Null when
 * nothing of the month was monitored.
 */
export function cameraUptime(
  start: Date,
  end: Date,
  monitoredSince: Date | null,
  outages: { startedAt: Date; endedAt: Date | null }[],
  now: Date,
): { percent: number | null; outageMinutes: number } {
  const to = new Date(Math.min(end.getTime(), now.getTime()));
  if (!monitoredSince || monitoredSince >= to) return { percent: null, outageMinutes: 0 };
  const from = new Date(Math.max(start.getTime(), monitoredSince.getTime()));
  const span = to.getTime() - from.getTime();
  if (span <= 0) return { percent: null, outageMinutes: 0 };
  let down = 0;
  for (const o of outages) {
    const s = Math.max(o.startedAt.getTime(), from.getTime());
    const e = Math.min((o.endedAt ?? to).getTime(), to.getTime());
    if (e > s) down += e - s;
  }
  return { percent: Math.round(((span - down) / span) * 10000) / 100, outageMinutes: Math.round(down / 60000) };
}

/**
 * Monthly uptime scorecard of a partner (Art. 25 §3: "permanente e ininterrupto"). Built over
 * `camera_monitoring` + `camera_outage`, which the health engine fills; a camera without a
 * monitoring row is "não medido" — never reported as 100%.
 */
export async function monthlyScorecard(db: Queryable, partnerId: string, month: string, now: Date): Promise<UptimeScorecard> {
  const { start, end } = monthBounds(month);
  const cams = await db.select({ id: cameras.id, name: cameras.name }).from(cameras).where(eq(cameras.partnerId, partnerId));
  const ids = cams.map((c) => c.id);
  const mon = ids.length ? await db.select().from(cameraMonitoring).where(inArray(cameraMonitoring.cameraId, ids)) : [];
  const outs = ids.length
    ? await db
        .select()
        .from(cameraOutages)
        .where(
          and(
            inArray(cameraOutages.cameraId, ids),
            lt(cameraOutages.startedAt, end),
            or(isNull(cameraOutages.endedAt), gt(cameraOutages.endedAt, start)),
          ),
        )
    : [];
  let upMs = 0;
  let totalMs = 0;
  const rows = cams.map((c) => {
    const since = mon.find((m) => m.cameraId === c.id)?.monitoredSince ?? null;
    const mine = outs.filter((o) => o.cameraId === c.id);
    const u = cameraUptime(start, end, since, mine, now);
    if (u.percent !== null && since) {
      const span = Math.min(end.getTime(), now.getTime()) - Math.max(start.getTime(), since.getTime());
      totalMs += span;
      upMs += span - u.outageMinutes * 60000;
    }
    return {
      cameraId: c.id,
      name: c.name,
      measured: u.percent !== null,
      percent: u.percent,
      outages: mine.length,
      outageMinutes: u.outageMinutes,
    };
  });
  const measured = totalMs > 0;
  const percent = measured ? Math.round((upMs / totalMs) * 10000) / 100 : null;
  return {
    partnerId,
    month,
    measured,
    percent,
    label: measured ? `${percent!.toFixed(2).replace('.', ',')}%` : NOT_MEASURED,
    cameras: rows,
  };
}
