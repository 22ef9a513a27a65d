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
  /** Web Crypto (SHA-256 of the nonce): needed by both paths. */
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
    crypto: !!globalThis.crypto?.subtle,
  };
}

/**
 * HLS addresses on the node that issued a live token: the token names the WebSocket URL
 * (ws(s)://node/live/:cameraId); the HLS routes live beside it (http(s)://node/hls/:cameraId/…).
 */
export function hlsUrls(socketUrl: string, token: string, nonce: string): { playlist: string; renew: (token: string) => string } {
  const u = new URL(socketUrl);
  u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
  const base = `${u.origin}${u.pathname.replace(/\/live\/([^/]+)$/, '/hls/$1')}`;
  const q = (t: string) => `token=${encodeURIComponent(t)}&nonce=${encodeURIComponent(nonce)}`;
  return { playlist: `${base}/index.m3u8?${q(token)}`, renew: (t) => `${base}/renew?${q(t)}` };
}
