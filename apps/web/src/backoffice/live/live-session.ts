import { type LiveServerMessage, type LiveToken, liveCloseCodes } from '@vigia/contracts';
import { type ChannelHandlers, type LiveChannel, muxChannel, socketChannel } from './live-channel';
import { firstPaintPosition, liveEdgeAction, streamStalled } from './live-edge';
import { TokenStreamSession } from './token-session';

export type { LiveSessionOptions, LiveState } from './token-session';

/**
 * One camera's live stream into one <video>: WebSocket from the media node → Media Source
 * Extensions (ManagedMediaSource where that is what the browser has). Live streams ride the node's
 * shared socket (one per node for the whole page, live-channel.ts); partner-NVR playback has a
 * socket of its own.
 *
 * - A random nonce stays in this object's memory; the API gets only its SHA-256 (put in the token),
 *   the node gets the nonce over the socket. A leaked token is useless without it.
 * - Chunks: init segment, then the cached GOP as one burst, then one fragment per frame. Before
 *   the first frame is painted the video is moved to the newest frame, then kept there.
 * - The token is renewed over the open socket before it expires; a dropped stream reconnects with
 *   backoff (new token, possibly another node); an ended session or a refusal stops for good.
 * - A socket that goes silent (its node's machine died, the network was cut: nothing closes it) is
 *   given up after `streamStalled` and reconnected the same way.
 */
type MediaSourceCtor = typeof MediaSource;

export function mediaSourceClass(): MediaSourceCtor | undefined {
  const w = window as unknown as { ManagedMediaSource?: MediaSourceCtor; MediaSource?: MediaSourceCtor };
  return w.ManagedMediaSource ?? w.MediaSource;
}

export function liveSupported(): boolean {
  return !!mediaSourceClass() && typeof WebSocket !== 'undefined' && typeof globalThis.crypto?.getRandomValues === 'function';
}

const finalCodes = new Set<number>([
  liveCloseCodes.unauthorized,
  liveCloseCodes.forbidden,
  liveCloseCodes.notFound,
  liveCloseCodes.sessionEnded,
]);

const messages: Record<number, string> = {
  [liveCloseCodes.sessionEnded]: 'Sua sessão terminou. Entre novamente para continuar assistindo.',
  [liveCloseCodes.forbidden]: 'Você não tem acesso a esta câmera.',
  [liveCloseCodes.notFound]: 'Câmera não encontrada.',
  [liveCloseCodes.unauthorized]: 'Acesso ao vídeo recusado.',
};

export class LiveSession extends TokenStreamSession {
  private channel: LiveChannel | undefined;
  /** The handlers of the stream now open (those of a replaced one are ignored). */
  private current: ChannelHandlers | undefined;
  private ms: MediaSource | undefined;
  private sb: SourceBuffer | undefined;
  private objectUrl: string | undefined;
  private queue: BufferSource[] = [];
  private edgeTimer: number | undefined;
  private painted = false;
  private mime: string | undefined;
  private watchTimer: number | undefined;
  private lastData = 0;
  private receivedData = false;

  protected open(tok: LiveToken): void {
    const mine: ChannelHandlers = {
      onOpen: () => {
        if (this.current === mine) this.step('socket');
      },
      onText: (m) => {
        if (this.current !== mine) return;
        this.lastData = performance.now();
        this.onText(m);
      },
      onChunk: (data) => {
        if (this.current !== mine) return;
        this.lastData = performance.now();
        this.onChunk(data);
      },
      onEnd: (code) => {
        if (this.current !== mine || this.stopped) return;
        this.channel = undefined;
        this.teardown();
        if (finalCodes.has(code)) return this.fail(messages[code] ?? 'Vídeo encerrado.');
        this.retry(code === liveCloseCodes.expired ? 'token expirado' : 'conexão perdida');
      },
    };
    this.current = mine;
    this.lastData = performance.now();
    this.receivedData = false;
    this.channel = tok.muxUrl
      ? muxChannel(tok.muxUrl, this.cameraId, tok.token, this.nonce, mine)
      : socketChannel(tok.url, tok.token, this.nonce, mine);
    this.watchTimer = window.setInterval(() => {
      if (this.current !== mine || !streamStalled(performance.now() - this.lastData, this.receivedData)) return;
      this.channel?.abandon();
      this.channel = undefined;
      this.retry('sem resposta do servidor de vídeo');
    }, 1_000);
  }

  private onText(m: LiveServerMessage): void {
    if (m.type === 'ready' || m.type === 'renewed') {
      this.step('ready');
      this.renewAt(m.expiresAt);
    } else if (m.type === 'codec') {
      this.step('codec');
      this.setupMedia(m.mime);
    }
  }

  private renewAt(expiresAt: number): void {
    this.scheduleRenewal(expiresAt, async () => {
      try {
        const tok = await this.fetchToken();
        this.channel?.renew(tok.token);
      } catch {
        // The socket closes at expiry; the reconnect path then reports what is wrong.
      }
    });
  }

  /**
   * The MediaSource is opened while the token and the socket are on their way (its `sourceopen`
   * takes a task or more, longer on a busy page), so the codec message only adds the SourceBuffer.
   */
  protected override prepare(): void {
    const MS = mediaSourceClass();
    if (MS) this.openSource(MS, undefined);
  }

  private setupMedia(mime: string): void {
    if (this.sb && this.mime === mime) return; // same codec: the new init segment is appended as-is
    const MS = mediaSourceClass();
    if (!MS || !MS.isTypeSupported(mime)) return this.fail('Este navegador não reproduz o vídeo desta câmera (codec não suportado).');
    if (this.ms && !this.sb) {
      // The source opened in advance: the buffer now, or at `sourceopen`.
      this.mime = mime;
      return this.addBuffer();
    }
    this.openSource(MS, mime);
  }

  private openSource(MS: MediaSourceCtor, mime: string | undefined): void {
    this.detachMedia();
    this.mime = mime;
    const ms = new MS();
    this.ms = ms;
    this.video.disableRemotePlayback = true;
    this.objectUrl = URL.createObjectURL(ms);
    this.video.src = this.objectUrl;
    ms.addEventListener(
      'sourceopen',
      () => {
        if (this.ms !== ms) return;
        this.step('sourceopen');
        this.addBuffer();
      },
      { once: true },
    );
  }

  private addBuffer(): void {
    const ms = this.ms;
    if (!ms || ms.readyState !== 'open' || !this.mime || this.sb) return;
    const sb = ms.addSourceBuffer(this.mime);
    sb.mode = 'segments';
    this.sb = sb;
    sb.addEventListener('updateend', () => this.afterAppend());
    this.pump();
  }

  private onChunk(buf: BufferSource): void {
    this.step('chunk');
    this.receivedData = true;
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
        this.step('painted');
        v.currentTime = pos;
        v.muted = true;
        void v.play().catch(() => undefined);
        v.addEventListener('playing', () => this.opts.onFirstFrame?.(performance.now() - this.startedAt, this.steps), { once: true });
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

  protected release(): void {
    const channel = this.channel;
    this.channel = undefined;
    this.current = undefined;
    window.clearInterval(this.watchTimer);
    channel?.close();
    this.detachMedia();
  }
}
