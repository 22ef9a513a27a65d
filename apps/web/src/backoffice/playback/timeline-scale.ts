/** Pure helpers of the playback timeline (unit-tested). */
export type Zoom = 'day' | 'hour';

export const ZOOM_MS: Record<Zoom, number> = { day: 86_400_000, hour: 3_600_000 };

/** Window shown for a zoom around a cursor: the local day, or the hour holding the cursor. */
export function windowFor(zoom: Zoom, cursorMs: number): { from: number; to: number } {
  const d = new Date(cursorMs);
  if (zoom === 'day') d.setHours(0, 0, 0, 0);
  else d.setMinutes(0, 0, 0);
  const from = d.getTime();
  return { from, to: from + ZOOM_MS[zoom] };
}

/** Instant at a fraction (0..1) of the window, and back. */
export const instantAt = (w: { from: number; to: number }, fraction: number) =>
  Math.round(w.from + Math.min(1, Math.max(0, fraction)) * (w.to - w.from));
export const fractionOf = (w: { from: number; to: number }, ms: number) => (ms - w.from) / (w.to - w.from);

/** Tick marks (ms) of a window: every 2 h for a day, every 10 min for an hour. */
export function ticks(zoom: Zoom, w: { from: number; to: number }): number[] {
  const step = zoom === 'day' ? 2 * 3_600_000 : 600_000;
  const out: number[] = [];
  for (let t = w.from; t <= w.to; t += step) out.push(t);
  return out;
}

export const GAP_CAUSES: Record<string, string> = {
  camera_unreachable: 'câmera inacessível',
  auth_failed: 'falha de autenticação',
  stream_stalled: 'vídeo parado',
  disk: 'falha de disco',
  restart: 'reinício do gravador',
  lease_lost: 'câmera assumida por outro nó',
  stopped: 'gravação interrompida',
};

/** Wall-clock offset that keeps media times small and positive: midnight (local) of the day before. */
export function originFor(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime() - 86_400_000;
}
