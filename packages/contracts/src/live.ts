import { z } from 'zod';
import { maskPolygonSchema } from './privacy.js';

/**
 * Live view (SPEC §3.4). The API issues a short-lived stream token naming the camera, the action
 * and the media node; the browser opens a WebSocket on that node and proves it holds the token's
 * nonce. The token itself is built and checked in `@vigia/contracts/stream-token` (Node only).
 */
export const liveTokenRequestSchema = z.object({
  /** SHA-256 (hex) of a random nonce the player keeps in memory and sends only over the socket. */
  nonceHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type LiveTokenRequest = z.infer<typeof liveTokenRequestSchema>;

export const liveTokenSchema = z.object({
  token: z.string(),
  /** ws(s)://node/live/:cameraId */
  url: z.string(),
  nodeId: z.string(),
  expiresAt: z.string(),
  /**
   * Live tokens: the privacy-mask polygons the player must draw for this viewer (none with an
   * unmask grant), so a tile needs no `GET /api/cameras/:id/privacy-masks` of its own. Absent on
   * tokens of other streams (partner-NVR playback).
   */
  masks: z.array(maskPolygonSchema).optional(),
  /**
   * Live tokens: ws(s)://node/live — the node's shared socket, where one connection carries every
   * camera a page watches on that node (`LiveMuxClientMessage`). Browsers throttle opening many
   * WebSockets at once, so a console layout opens one per node instead of one per tile.
   */
  muxUrl: z.string().optional(),
});
export type LiveToken = z.infer<typeof liveTokenSchema>;

/**
 * Tokens for several tiles at once (a console layout opening 16 cameras asks once, not 16 times):
 * each item is answered with its token or with the error the single route would give.
 */
export const LIVE_TOKEN_BATCH_MAX = 64;
export const liveTokenBatchRequestSchema = z.object({
  items: z
    .array(z.object({ cameraId: z.string().uuid(), nonceHash: liveTokenRequestSchema.shape.nonceHash }))
    .min(1)
    .max(LIVE_TOKEN_BATCH_MAX),
});
export type LiveTokenBatchRequest = z.infer<typeof liveTokenBatchRequestSchema>;
export const liveTokenBatchSchema = z.object({
  items: z.array(
    z.union([
      z.object({ cameraId: z.string(), ok: z.literal(true), token: liveTokenSchema }),
      z.object({ cameraId: z.string(), ok: z.literal(false), status: z.number(), code: z.string(), message: z.string() }),
    ]),
  ),
});
export type LiveTokenBatch = z.infer<typeof liveTokenBatchSchema>;

export const liveCameraParamsSchema = z.object({ cameraId: z.string().uuid() });

/** WebSocket messages (text frames); binary frames are fMP4 (init, GOP burst, one fragment per frame). */
export type LiveClientMessage = { type: 'auth'; token: string; nonce: string } | { type: 'renew'; token: string };
export type LiveServerMessage =
  | { type: 'ready'; expiresAt: number }
  | { type: 'codec'; codec: string; mime: string; width: number; height: number }
  | { type: 'renewed'; expiresAt: number }
  | { type: 'error'; code: LiveCloseReason; message: string };

/**
 * The shared socket (/live): each camera is a channel the client numbers (0–65535, not reused while
 * open). Text frames are the messages above plus `ch`; a channel's end is an `end` message with the
 * close code a socket of its own would have got; binary frames are a 2-byte big-endian channel
 * number followed by the chunk. At most `LIVE_MUX_MAX_CHANNELS` channels are open at once.
 */
export const LIVE_MUX_MAX_CHANNELS = 64;
export type LiveMuxClientMessage =
  | { type: 'subscribe'; ch: number; camera: string; token: string; nonce: string }
  | { type: 'renew'; ch: number; token: string }
  | { type: 'unsubscribe'; ch: number };
export type LiveMuxServerMessage =
  | (Exclude<LiveServerMessage, { type: 'error' }> & { ch: number })
  | { type: 'end'; ch: number; code: number; reason: LiveCloseReason; message: string };

/** WebSocket close codes the node uses (4000–4999 are application codes). */
export const liveCloseCodes = {
  unauthorized: 4001,
  expired: 4002,
  forbidden: 4003,
  notFound: 4004,
  moved: 4009,
  sessionEnded: 4010,
  upstreamFailed: 4011,
} as const;
export type LiveCloseReason = keyof typeof liveCloseCodes;
