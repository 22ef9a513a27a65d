import { type CameraNvr, type NvrPlaybackToken, PLAYBACK_HEADERS, type PlaybackToken, type RecordingTimeline } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

const enc = encodeURIComponent;

export const getTimeline = (cameraId: string, from: Date, to: Date, signal?: AbortSignal) =>
  apiRequest<RecordingTimeline>(
    `/api/recordings/${enc(cameraId)}/timeline?from=${from.toISOString()}&to=${to.toISOString()}`,
    signal ? { signal } : {},
  );

export const startPlayback = (cameraId: string, body: { nonceHash: string; from: string; to?: string; reason: string }) =>
  apiRequest<PlaybackToken>(`/api/playback/${enc(cameraId)}/token`, { method: 'POST', body });

export const renewPlayback = (cameraId: string, body: { nonceHash: string; token: string }) =>
  apiRequest<PlaybackToken>(`/api/playback/${enc(cameraId)}/renew`, { method: 'POST', body });

export const auditSnapshot = (cameraId: string, body: { playbackId: string; at: string }) =>
  apiRequest<void>(`/api/playback/${enc(cameraId)}/snapshot`, { method: 'POST', body });

/** The player was closed: the API ends the playback and audits `playback.ended`. */
export const endPlayback = (cameraId: string, playbackId: string) =>
  apiRequest<void>(`/api/playback/${enc(cameraId)}/end`, { method: 'POST', body: { playbackId } });

/** Whether the camera's footage is also kept in the partner's own NVR (Art. 25 §2). */
export const getCameraNvr = (cameraId: string) => apiRequest<CameraNvr>(`/api/cameras/${enc(cameraId)}/nvr`);

export const startNvrPlayback = (cameraId: string, body: { nonceHash: string; from: string; to?: string; reason: string }) =>
  apiRequest<NvrPlaybackToken>(`/api/playback/${enc(cameraId)}/nvr/token`, { method: 'POST', body });

export interface MediaChunk {
  bytes: ArrayBuffer;
  wallMs: number;
  mediaStart: number;
  endMs: number;
  nextMs: number | undefined;
  /** Recorded frame rate (frame step = 1/fps). */
  fps: number | undefined;
}

/** One answer of the media endpoint (undefined: nothing recorded at or after `at`). */
export async function fetchChunk(
  cameraId: string,
  at: number,
  token: string,
  nonce: string,
  signal?: AbortSignal,
): Promise<MediaChunk | undefined> {
  const res = await fetch(`/api/playback/${enc(cameraId)}/media?at=${new Date(at).toISOString()}`, {
    credentials: 'same-origin',
    headers: { [PLAYBACK_HEADERS.token]: token, [PLAYBACK_HEADERS.nonce]: nonce },
    ...(signal ? { signal } : {}),
  });
  if (res.status === 204) return undefined;
  if (!res.ok) {
    let message = 'Não foi possível carregar a gravação.';
    try {
      message = ((await res.json()) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      /* keep the default message */
    }
    throw Object.assign(new Error(message), { status: res.status });
  }
  const h = (k: string) => res.headers.get(k);
  const next = h(PLAYBACK_HEADERS.nextMs);
  const fps = Number(h(PLAYBACK_HEADERS.fps));
  return {
    bytes: await res.arrayBuffer(),
    wallMs: Number(h(PLAYBACK_HEADERS.wallMs)),
    mediaStart: Number(h(PLAYBACK_HEADERS.mediaStart)),
    endMs: Number(h(PLAYBACK_HEADERS.endMs)),
    nextMs: next ? Number(next) : undefined,
    fps: fps > 0 ? fps : undefined,
  };
}
