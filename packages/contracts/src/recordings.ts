import { z } from 'zod';

export const recordingGapCauseSchema = z.enum([
  'camera_unreachable',
  'auth_failed',
  'stream_stalled',
  'disk',
  'restart',
  'lease_lost',
  'stopped',
]);

export const recordingCameraParamsSchema = z.object({ cameraId: z.uuid() });

export const recordingTimelineQuerySchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
});

/** Recorded spans (consecutive segments merged) and gaps of one camera in a window. */
export const recordingTimelineSchema = z.object({
  cameraId: z.uuid(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  spans: z.array(z.object({ from: z.iso.datetime(), to: z.iso.datetime() })),
  gaps: z.array(z.object({ from: z.iso.datetime(), to: z.iso.datetime().nullable(), cause: z.string(), detail: z.string().nullable() })),
});
export type RecordingTimeline = z.infer<typeof recordingTimelineSchema>;

export const recordingChainReportSchema = z.object({
  cameraId: z.uuid(),
  ok: z.boolean(),
  segments: z.number().int(),
  checkedFiles: z.number().int(),
  deleted: z.number().int(),
  open: z.number().int(),
  problems: z.array(
    z.object({
      kind: z.enum(['segment_row_missing', 'chain_broken', 'row_altered', 'file_missing', 'file_altered']),
      seq: z.number().int(),
      storageKey: z.string(),
      detail: z.string(),
    }),
  ),
});
export type RecordingChainReport = z.infer<typeof recordingChainReportSchema>;
