import type { RecordingTimeline } from '@vigia/contracts';
import { and, asc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { recordingGaps, recordingSegments } from '../../db/tables/recordings.js';

/** Spans = consecutive available segments merged (≤ 1.5 s apart); gaps as recorded, with cause. */
export async function recordingTimeline(db: Queryable, cameraId: string, from: Date, to: Date): Promise<RecordingTimeline> {
  const segs = await db
    .select({ start: recordingSegments.startAt, end: recordingSegments.endAt })
    .from(recordingSegments)
    .where(
      and(
        eq(recordingSegments.cameraId, cameraId),
        isNull(recordingSegments.deletedAt),
        lt(recordingSegments.startAt, to),
        gt(recordingSegments.endAt, from),
      ),
    )
    .orderBy(asc(recordingSegments.startAt))
    .limit(20_000);
  const spans: { from: Date; to: Date }[] = [];
  for (const s of segs) {
    const last = spans.at(-1);
    if (last && s.start.getTime() - last.to.getTime() <= 1500) last.to = s.end! > last.to ? s.end! : last.to;
    else spans.push({ from: s.start, to: s.end! });
  }
  const gaps = await db
    .select()
    .from(recordingGaps)
    .where(
      and(
        eq(recordingGaps.cameraId, cameraId),
        lt(recordingGaps.startedAt, to),
        or(isNull(recordingGaps.endedAt), gt(recordingGaps.endedAt, from)),
      ),
    )
    .orderBy(asc(recordingGaps.startedAt))
    .limit(5000);
  return {
    cameraId,
    from: from.toISOString(),
    to: to.toISOString(),
    spans: spans.map((s) => ({ from: s.from.toISOString(), to: s.to.toISOString() })),
    gaps: gaps.map((g) => ({ from: g.startedAt.toISOString(), to: g.endedAt?.toISOString() ?? null, cause: g.cause, detail: g.detail })),
  };
}
