import { liveCloseCodes, type LiveServerMessage, type LiveToken } from '@vigia/contracts';
import { firstPaintPosition, liveEdgeAction, reconnectDelay, renewDelay } from './live-edge';

/**
 * One camera's live stream into one <video>: WebSocket from the media node → Media Source
 * Extensions (ManagedMediaSource where that is what the browser has).
 *
 * - A random nonce stays in this object's memory; the API gets only its SHA-256 (put in the token),
 *   the node gets the nonce over the socket. A leaked token is useless without it.
 * - Chunks: init segment, then the cached GOP as one burst, then one fragment per frame. Before
 *   the first frame is painted the video is moved to the newest frame, then kept there.
 * - The token is renewed over the open socket before it expires; a dropped stream reconnects with
 *   backoff (new token, possibly another node); an ended session or a refusal stops for good.
 */
export type LiveState =
  | { kind: 'connecting' }
  | { kind: 'playing' }
  | { kind: 'reconnecting'; reason: string }
  | { kind: 'failed'; message: string };

type MediaSourceCtor = typeof MediaSource;

export function mediaSourceClass(): MediaSourceCtor | undefined {
  const w = window as unknown as { ManagedMediaSource?: MediaSourceCtor; MediaSource?: MediaSourceCtor };
  return w.ManagedMediaSource ?? w.MediaSource;
}

export function liveSupported(): boolean {
  return !!mediaSourceClass() && typeof WebSocket !== 'undefined' && !!globalThis.crypto?.subtle;
}

async function sha256Hex(s: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function randomNonce(): string {
  const b = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const finalCodes = new Set<number>([liveCloseCodes.unauthorized, liveCloseCodes.forbidden, liveCloseCodes.notFound, liveCloseCodes.sessionEnded]);

const messages: Record<number, string> = {
  [liveCloseCodes.sessionEnded]: 'Sua sessão terminou. Entre novamente para continuar assistindo.',
  [liveCloseCodes.forbidden]: 'Você não tem acesso a esta câmera.',
  [liveCloseCodes.notFound]: 'Câmera não encontrada.',
  [liveCloseCodes.unauthorized]: 'Acesso ao vídeo recusado.',
};

export interface LiveSessionOptions {
  getToken(cameraId: string, nonceHash: string): Promise<LiveToken>;
  onState(state: LiveState): void;
  /** Metrics hook (first frame time etc.). */
  onFirstFrame?(ms: number): void;
}

export class LiveSession {
  private ws: WebSocket | undefined;
  private ms: MediaSource | undefined;
  private sb: SourceBuffer | undefined;
  private objectUrl: string | undefined;
  private queue: ArrayBuffer[] = [];
  private nonce = randomNonce();
  private nonceHash: Promise<string> = sha256Hex(this.nonce);
  private renewTimer: number | undefined;
  private edgeTimer: number | undefined;
  private retryTimer: number | undefined;
  private attempt = 0;
  private stopped = false;
  private painted = false;
  private startedAt = 0;
  private mime: string | undefined;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly cameraId: string,
    private readonly opts: LiveSessionOptions,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.teardown();
  }

  private async connect(): Promise<void> {
    this.opts.onState(this.attempt === 0 ? { kind: 'connecting' } : { kind: 'reconnecting', reason: 'reconectando' });
    this.startedAt = performance.now();
    let tok: LiveToken;
    try {
      tok = await this.opts.getToken(this.cameraId, await this.nonceHash);
    } catch (err) {
      const e = err as { status?: number; message?: string };
      if (e.status && e.status < 500 && e.status !== 429) return this.fail(e.message ?? 'Não foi possível abrir o vídeo.');
      return this.retry('servidor de vídeo indisponível');
    }
    if (this.stopped) return;
    const ws = new WebSocket(tok.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token: tok.token, nonce: this.nonce }));
    ws.onmessage = (ev) => {
      if (typeof ev.data === 'string') this.onText(JSON.parse(ev.data) as LiveServerMessage);
      else this.onChunk(ev.data as ArrayBuffer);
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws || this.stopped) return;
      this.teardown();
      if (finalCodes.has(ev.code)) return this.fail(messages[ev.code] ?? 'Vídeo encerrado.');
      this.retry(ev.code === liveCloseCodes.expired ? 'token expirado' : 'conexão perdida');
    };
  }

  private onText(m: LiveServerMessage): void {
    if (m.type === 'ready' || m.type === 'renewed') this.scheduleRenewal(m.expiresAt);
    else if (m.type === 'codec') this.setupMedia(m.mime);
  }

  private scheduleRenewal(expiresAt: number): void {
    window.clearTimeout(this.renewTimer);
    this.renewTimer = window.setTimeout(async () => {
      try {
        const tok = await this.opts.getToken(this.cameraId, await this.nonceHash);
        this.ws?.send(JSON.stringify({ type: 'renew', token: tok.token }));
      } catch {
        // The socket closes at expiry; the reconnect path then reports what is wrong.
      }
    }, renewDelay(expiresAt, Date.now()));
  }

  private setupMedia(mime: string): void {
    if (this.sb && this.mime === mime) return; // same codec: the new init segment is appended as-is
    const MS = mediaSourceClass();
    if (!MS || !MS.isTypeSupported(mime)) return this.fail('Este navegador não reproduz o vídeo desta câmera (codec não suportado).');
    this.detachMedia();
    this.mime = mime;
    const ms = new MS();
    this.ms = ms;
    this.video.disableRemotePlayback = true;
    this.objectUrl = URL.createObjectURL(ms);
    this.video.src = this.objectUrl;
    ms.addEventListener('sourceopen', () => {
      if (this.ms !== ms) return;
      const sb = ms.addSourceBuffer(mime);
      sb.mode = 'segments';
      this.sb = sb;
      sb.addEventListener('updateend', () => this.afterAppend());
      this.pump();
    }, { once: true });
  }

  private onChunk(buf: ArrayBuffer): void {
    this.queue.push(buf);
    // A viewer that cannot keep up drops its backlog up to the newest init/keyframe from the node's
    // side already; here we only bound memory while the MediaSource opens.
    if (this.queue.length > 600) this.queue.splice(0, this.queue.length - 600);
    this.pump();
  }

  private pump(): void {
    const sb = this.sb;
    if (!sb || sb.updating || !this.queue.length || this.ms?.readyState !== 'open') return;
    const next = this.queue.shift()!;
    try {
      sb.appendBuffer(next);
    } catch (err) {
      if ((err as DOMException).name === 'QuotaExceededError') {
        this.queue.unshift(next);
        this.trim(true);
      } else this.retry('erro de decodificação');
    }
  }

  private afterAppend(): void {
    const v = this.video;
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i < v.buffered.length; i++) ranges.push([v.buffered.start(i), v.buffered.end(i)]);
    if (!this.painted && ranges.length) {
      const pos = firstPaintPosition(ranges);
      if (pos !== undefined) {
        this.painted = true;
        v.currentTime = pos;
        v.muted = true;
        void v.play().catch(() => undefined);
        v.addEventListener('playing', () => this.opts.onFirstFrame?.(performance.now() - this.startedAt), { once: true });
        this.attempt = 0;
        this.opts.onState({ kind: 'playing' });
        this.edgeTimer = window.setInterval(() => this.keepEdge(), 250);
      }
    }
    this.pump();
  }

  private keepEdge(): void {
    const v = this.video;
    if (!v.buffered.length) return;
    const end = v.buffered.end(v.buffered.length - 1);
    const a = liveEdgeAction(end, v.currentTime, v.playbackRate);
    if (a.kind === 'jump') v.currentTime = a.to;
    else if (v.playbackRate !== a.rate) v.playbackRate = a.rate;
    if (v.paused && !v.seeking) void v.play().catch(() => undefined);
    this.trim(false);
  }

  /** Keeps about 10 s behind the playhead (all of it goes under memory pressure). */
  private trim(hard: boolean): void {
    const sb = this.sb;
    const v = this.video;
    if (!sb || sb.updating || !v.buffered.length) return;
    const start = v.buffered.start(0);
    const keep = hard ? 1 : 10;
    if (v.currentTime - start > keep + 5) sb.remove(start, v.currentTime - keep);
  }

  private retry(reason: string): void {
    if (this.stopped) return;
    this.teardown();
    this.opts.onState({ kind: 'reconnecting', reason });
    const delay = reconnectDelay(this.attempt++);
    this.retryTimer = window.setTimeout(() => void this.connect(), delay);
  }

  private fail(message: string): void {
    this.stopped = true;
    this.teardown();
    this.opts.onState({ kind: 'failed', message });
  }

  private detachMedia(): void {
    this.sb = undefined;
    this.ms = undefined;
    this.mime = undefined;
    this.queue = [];
    this.painted = false;
    window.clearInterval(this.edgeTimer);
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = undefined;
  }

  private teardown(): void {
    window.clearTimeout(this.renewTimer);
    window.clearTimeout(this.retryTimer);
    const ws = this.ws;
    this.ws = undefined;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000);
    this.detachMedia();
    this.video.removeAttribute('src');
    this.video.load();
  }
}
