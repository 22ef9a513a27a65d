/**
 * Reconnect delay policy: capped exponential backoff with symmetric jitter.
 *
 * Pure function (randomness is injected) so it can be unit-tested and reused by any
 * reconnecting component (RTSP client today, recorder uploads later).
 */
export interface BackoffOptions {
  /** Delay for the first retry (attempt 0), in milliseconds. */
  initialMs: number;
  /** Upper bound for any delay, jitter included. */
  maxMs: number;
  /** Growth factor per attempt. */
  factor: number;
  /** Jitter ratio in [0, 1]: the delay is spread uniformly over base * (1 ± jitter). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  initialMs: 500,
  maxMs: 30_000,
  factor: 2,
  jitter: 0.2,
};

/**
 * Delay before retry number `attempt` (0-based).
 * @param random source of uniform numbers in [0, 1); defaults to Math.random.
 */
export function computeBackoff(attempt: number, options: Partial<BackoffOptions> = {}, random: () => number = Math.random): number {
  const o = { ...DEFAULT_BACKOFF, ...options };
  const n = Math.max(0, Math.floor(attempt));
  // Cap the exponent so factor ** n cannot overflow to Infinity for absurd attempt counts.
  const base = Math.min(o.maxMs, o.initialMs * Math.pow(o.factor, Math.min(n, 64)));
  const jitter = Math.min(1, Math.max(0, o.jitter));
  const spread = base * jitter * (random() * 2 - 1);
  return Math.round(Math.min(o.maxMs, Math.max(0, base + spread)));
}

/**
 * A reconnect loop's bookkeeping (RTSP client, ffmpeg ingest): the attempt count, reset after a run
 * that delivered media for `stableAfterMs` (default 10 s); the backoff delay; and the wait between
 * attempts, which `wake()` (stop) cuts short.
 */
export class ReconnectBackoff {
  attempt = 0;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly options: { backoff?: Partial<BackoffOptions>; random?: () => number; stableAfterMs?: number }) {}

  /** After a run that played from `playingSince` and last delivered media at `lastMediaAt`. */
  settle(playingSince: number | undefined, lastMediaAt: number | undefined): void {
    const delivered = playingSince !== undefined && (lastMediaAt ?? 0) >= playingSince;
    if (delivered && Date.now() - playingSince >= (this.options.stableAfterMs ?? 10_000)) this.attempt = 0;
  }

  /** The delay before the next attempt (and counts it). */
  nextDelay(): number {
    return computeBackoff(this.attempt++, this.options.backoff, this.options.random);
  }

  async wait(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeUp = undefined;
  }

  wake(): void {
    this.wakeUp?.();
  }
}
