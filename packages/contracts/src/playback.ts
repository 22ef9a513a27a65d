import { z } from 'zod';
import { liveTokenSchema } from './live.js';

/**
 * Playback of recorded footage (SPEC §3.4, docs/recording.md "Playback"). Purpose-bound: a token
 * is issued only with a reason (or case number), recorded in the `playback.started` audit event.
 * The token (action `playback`, ≤ 2 min, renewed) is bound to the user, the session, the camera and
 * the SHA-256 of a nonce the player keeps in memory; media requests send token and nonce in headers.
 */
export const playbackReasonSchema = z
  .string()
  .trim()
  .min(5, 'Informe o motivo ou o número do procedimento (mínimo 5 caracteres).')
  .max(500);

export const playbackTokenRequestSchema = z.object({
  nonceHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Instant the operator starts from, and (optionally) the end of the range of interest. */
  from: z.iso.datetime(),
  to: z.iso.datetime().optional(),
  reason: playbackReasonSchema,
});
export type PlaybackTokenRequest = z.infer<typeof playbackTokenRequestSchema>;

export const playbackRenewRequestSchema = z.object({
  nonceHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The current (or just expired, ≤ 2 min) token of the same playback. */
  token: z.string().max(4096),
});

export const playbackTokenSchema = z.object({
  token: z.string(),
  playbackId: z.string(),
  expiresAt: z.string(),
});
export type PlaybackToken = z.infer<typeof playbackTokenSchema>;

export const playbackMediaQuerySchema = z.object({
  at: z.iso.datetime(),
  /** Media wanted after the first fragment (ms); the answer stops at the end of the segment. */
  maxMs: z.coerce.number().int().min(500).max(60_000).default(10_000),
});

/** Response headers of GET /api/playback/:cameraId/media (bytes: init + fragments, video/mp4). */
export const PLAYBACK_HEADERS = {
  /** Wall-clock time (ms since epoch) of the first frame returned (a keyframe at or before `at`). */
  wallMs: 'x-playback-wall-ms',
  /** Decode time (s) of that frame in the fragment's own timeline (for SourceBuffer.timestampOffset). */
  mediaStart: 'x-playback-media-start',
  /** Wall-clock time (ms) just after the last frame returned. */
  endMs: 'x-playback-end-ms',
  /** Where to ask next (ms since epoch); absent when nothing more is recorded yet. */
  nextMs: 'x-playback-next-ms',
  /** Recorded frame rate of the segment (frames per second of media): a frame step is 1/fps. */
  fps: 'x-playback-fps',
  token: 'x-playback-token',
  nonce: 'x-playback-nonce',
} as const;

export const playbackSnapshotRequestSchema = z.object({
  playbackId: z.string().max(100),
  at: z.iso.datetime(),
});

export const playbackEndRequestSchema = z.object({ playbackId: z.string().uuid() });

/** Longest range one partner-NVR playback may ask for (the node stops streaming after it). */
export const NVR_PLAYBACK_MAX_MS = 60 * 60_000;
/** Range asked for when the player names only the start. */
export const NVR_PLAYBACK_DEFAULT_MS = 10 * 60_000;

/**
 * Playback from the partner's own recorder (Art. 25 §2): same purpose-bound token (action
 * `playback`, reason audited as `playback.started` with source `partner_nvr`), valid on the media
 * node that opens the NVR's RTSP playback URL and streams it over the live socket protocol
 * (ws(s)://node/playback/:cameraId). Renewed with POST /api/playback/:cameraId/renew.
 */
export const nvrPlaybackTokenSchema = liveTokenSchema.extend({ playbackId: z.string() });
export type NvrPlaybackToken = z.infer<typeof nvrPlaybackTokenSchema>;
