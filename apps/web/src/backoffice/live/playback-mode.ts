/**
 * How the live player plays a camera in this browser (pure, unit-tested):
 *
 * - `mse`: WebSocket + Media Source Extensions — ManagedMediaSource where the browser has it
 *   (Safari 17+, also on iPhone), else MediaSource. Lowest latency, live-edge keeping.
 * - `hls`: no MSE at all (older iPhone Safari) but native HLS in <video>: the media node's HLS
 *   output, opened with the same stream token (apps/media-node/src/hls).
 * - `none`: neither — the player says so in Portuguese.
 */
export type PlaybackMode = 'mse' | 'hls' | 'none';

export interface BrowserMedia {
  managedMediaSource: boolean;
  mediaSource: boolean;
  webSocket: boolean;
  /** video.canPlayType('application/vnd.apple.mpegurl') is 'maybe' or 'probably'. */
  nativeHls: boolean;
  /** crypto.getRandomValues (the nonce; its SHA-256 is plain JS, so no secure context is needed): both paths. */
  crypto: boolean;
}

export function choosePlaybackMode(b: BrowserMedia): PlaybackMode {
  if (!b.crypto) return 'none';
  if ((b.managedMediaSource || b.mediaSource) && b.webSocket) return 'mse';
  if (b.nativeHls) return 'hls';
  return 'none';
}

export function detectBrowserMedia(): BrowserMedia {
  const w = window as unknown as { ManagedMediaSource?: unknown; MediaSource?: unknown };
  let nativeHls = false;
  try {
    nativeHls = document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';
  } catch {
    nativeHls = false;
  }
  return {
    managedMediaSource: typeof w.ManagedMediaSource === 'function',
    mediaSource: typeof w.MediaSource === 'function',
    webSocket: typeof WebSocket !== 'undefined',
    nativeHls,
    crypto: typeof globalThis.crypto?.getRandomValues === 'function',
  };
}

/**
 * HLS addresses on the node that issued a live token: the token names the WebSocket URL
 * (ws(s)://node/live/:cameraId); the HLS routes live beside it (http(s)://node/hls/:cameraId/…).
 * The token and nonce never go in a URL: they are POSTed (`hlsForm`) to `session` (exchanged once
 * for a viewer session whose playlist URL the node returns) and to `renew`.
 */
export function hlsUrls(socketUrl: string): { base: string; session: string; renew: string } {
  const u = new URL(socketUrl);
  u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
  const base = `${u.origin}${u.pathname.replace(/\/live\/([^/]+)$/, '/hls/$1')}`;
  return { base, session: `${base}/session`, renew: `${base}/renew` };
}

/** The exchange body: a form (a CORS "simple request", no preflight). */
export function hlsForm(token: string, nonce: string): URLSearchParams {
  return new URLSearchParams({ token, nonce });
}
