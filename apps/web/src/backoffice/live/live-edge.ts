/**
 * Live-edge keeping (pure, unit-tested). The player seeks to the live edge before the first frame
 * is painted, then keeps to it: a small drift is absorbed by playing slightly faster, a large one
 * (tab in background, network hiccup, a skip to the next keyframe) by jumping.
 */
export const EDGE_TARGET_S = 0.05;
export const DRIFT_SPEEDUP_S = 0.5;
export const DRIFT_JUMP_S = 1.5;

export type EdgeAction = { kind: 'jump'; to: number } | { kind: 'rate'; rate: number };

/** `end`: end of the buffered range holding the newest frame; `current`: video.currentTime. */
export function liveEdgeAction(end: number, current: number, rate: number): EdgeAction {
  const lag = end - current;
  if (lag > DRIFT_JUMP_S || lag < -0.5) return { kind: 'jump', to: Math.max(0, end - EDGE_TARGET_S) };
  if (lag > DRIFT_SPEEDUP_S) return { kind: 'rate', rate: 1.15 };
  // Back to normal once close to the edge (hysteresis so the rate does not flap).
  if (rate > 1 && lag < 0.2) return { kind: 'rate', rate: 1 };
  return { kind: 'rate', rate };
}

/** Where a stream whose first data just arrived should start: its newest frame. */
export function firstPaintPosition(ranges: Array<[number, number]>): number | undefined {
  const last = ranges[ranges.length - 1];
  if (!last) return undefined;
  return Math.max(last[0], last[1] - EDGE_TARGET_S);
}

/** When to ask for a renewal token: at 60 % of the remaining lifetime, at least 5 s before expiry. */
export function renewDelay(expiresAt: number, now: number): number {
  const left = expiresAt - now;
  return Math.max(0, Math.min(left * 0.6, left - 5_000));
}

/** Longest wait between two reconnection attempts (ms): a player never asks the API more often than that during a long outage. */
export const RECONNECT_MAX_MS = 10_000;

/**
 * Reconnect backoff after a dropped stream (ms): 0.5, 1, 2, 4, 8, then 10 s, each drawn between
 * half and all of that (`random` in [0, 1)) so the viewers of a node that died do not all ask the
 * API for a new token in the same instant.
 */
export function reconnectDelay(attempt: number, random = Math.random()): number {
  const base = Math.min(RECONNECT_MAX_MS, 500 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.5 + 0.5 * random));
}

/** Silence after which an open stream is given up and reconnected: before the first chunk (the node opens the camera), then between chunks. */
export const STALL_BEFORE_DATA_MS = 20_000;
export const STALL_AFTER_DATA_MS = 8_000;

/**
 * Whether a socket that has been silent for `silentMs` is dead: a node that crashed with its
 * machine (or was cut off by the network) closes nothing, so the player would wait forever.
 */
export function streamStalled(silentMs: number, receivedData: boolean): boolean {
  return silentMs > (receivedData ? STALL_AFTER_DATA_MS : STALL_BEFORE_DATA_MS);
}
