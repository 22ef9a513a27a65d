import type { LiveToken } from '@vigia/contracts';
import { randomNonce, streamNonceHash } from '../../shared/crypto/stream-nonce';
import { reconnectDelay, renewDelay } from './live-edge';

/**
 * What the live players (WebSocket + MSE in live-session.ts, native HLS in hls-session.ts) share:
 * the nonce kept in memory (the API gets only its SHA-256), the stream token asked for on every
 * (re)connection and renewed before it expires, reconnection with backoff, and the final failure.
 *
 * Reconnection (a node killed, a network cut): the player stays on the page and in the same
 * <video>, says "Reconectando (motivo)…", and asks the API for a NEW token at every attempt — the
 * API names the node holding the camera now, so the player follows the camera to the node that
 * took it over (docs/architecture.md "Live view: node failover"). Attempts are spaced 0.5 → 10 s
 * with jitter (`reconnectDelay`), so a dead node's viewers neither hammer the API nor retry in step.
 */
export type LiveState =
  | { kind: 'connecting' }
  | { kind: 'playing' }
  | { kind: 'reconnecting'; reason: string }
  | { kind: 'failed'; message: string };

export interface LiveSessionOptions {
  getToken(cameraId: string, nonceHash: string): Promise<LiveToken>;
  onState(state: LiveState): void;
  /** Every token the session got (first, reconnection, renewal): its privacy masks, for the overlay. */
  onToken?(token: LiveToken): void;
  /**
   * Metrics hook: ms from the token request to the first frame, and when each start-up step ended
   * (ms since the token request: token, socket, ready, codec, chunk, sourceopen, painted; the
   * MediaSource opens while the token is on its way, so `sourceopen` usually comes first) — the
   * live benchmark reads them to say where first-frame time goes.
   */
  onFirstFrame?(ms: number, steps: Record<string, number>): void;
}

export abstract class TokenStreamSession {
  protected readonly nonce = randomNonce();
  private readonly nonceHash = streamNonceHash(this.nonce);
  private renewTimer: number | undefined;
  private retryTimer: number | undefined;
  /** Why the stream was lost (shown while reconnecting, pt-BR). */
  private reason = '';
  protected attempt = 0;
  protected stopped = false;
  protected startedAt = 0;
  /** Start-up steps of the current attempt (ms since the token request), for `onFirstFrame`. */
  protected steps: Record<string, number> = {};

  constructor(
    protected readonly video: HTMLVideoElement,
    protected readonly cameraId: string,
    protected readonly opts: LiveSessionOptions,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.teardown();
  }

  /** Opens the stream with a fresh token (from `connect`). */
  protected abstract open(tok: LiveToken): void;

  /** Work that needs no token, started as soon as the token is asked for (e.g. opening a MediaSource). */
  protected prepare(): void {}

  /** Releases what `open` set up (socket, media source, listeners); the timers and src are handled here. */
  protected abstract release(): void;

  /** Gives up after this many reconnections in a row (the WebSocket path knows why it failed; HLS does not). */
  protected maxAttempts = Number.POSITIVE_INFINITY;

  protected fetchToken(): Promise<LiveToken> {
    // Called synchronously from `start()`: the tiles of a layout mounting in one commit ask in the
    // same task, so their requests leave together (live-api.ts) before the page's other work.
    const tok = this.opts.getToken(this.cameraId, this.nonceHash);
    if (this.opts.onToken)
      void tok.then(
        (t) => this.opts.onToken?.(t),
        () => undefined,
      );
    return tok;
  }

  private async connect(): Promise<void> {
    this.opts.onState(this.attempt === 0 ? { kind: 'connecting' } : { kind: 'reconnecting', reason: this.reason });
    this.startedAt = performance.now();
    this.steps = {};
    let tok: LiveToken;
    try {
      const asked = this.fetchToken();
      this.prepare(); // while the token, the socket and the node's checks are on their way
      tok = await asked;
      this.step('token');
    } catch (err) {
      const e = err as { status?: number; message?: string };
      if (e.status && e.status < 500 && e.status !== 429) return this.fail(e.message ?? 'Não foi possível abrir o vídeo.');
      return this.retry('servidor de vídeo indisponível');
    }
    if (this.stopped) return;
    this.open(tok);
  }

  /** Notes when a start-up step ended (first time only per attempt). */
  protected step(name: string): void {
    this.steps[name] ??= Math.round(performance.now() - this.startedAt);
  }

  /** Runs `renew` shortly before `expiresAt` (replacing any renewal already scheduled). */
  protected scheduleRenewal(expiresAt: number, renew: () => Promise<void>): void {
    window.clearTimeout(this.renewTimer);
    this.renewTimer = window.setTimeout(() => void renew(), renewDelay(expiresAt, Date.now()));
  }

  protected retry(reason: string): void {
    if (this.stopped) return;
    this.teardown();
    if (this.attempt >= this.maxAttempts) return this.fail('Não foi possível reproduzir o vídeo desta câmera. Tente novamente mais tarde.');
    this.reason = reason;
    this.opts.onState({ kind: 'reconnecting', reason });
    this.retryTimer = window.setTimeout(() => void this.connect(), reconnectDelay(this.attempt++));
  }

  protected fail(message: string): void {
    this.stopped = true;
    this.teardown();
    this.opts.onState({ kind: 'failed', message });
  }

  protected teardown(): void {
    window.clearTimeout(this.renewTimer);
    window.clearTimeout(this.retryTimer);
    this.release();
    this.video.removeAttribute('src');
    this.video.load();
  }
}
