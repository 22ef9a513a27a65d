import type { LiveMuxServerMessage, LiveServerMessage } from '@vigia/contracts';

/**
 * How a player's stream reaches it from the media node: a WebSocket of its own (/live/:cameraId,
 * /playback/:cameraId), or a channel of the node's shared socket (/live), which every live player
 * of the page on that node uses. The shared socket exists because Chromium delays each new
 * WebSocket of a page by 1–5 s × 2^(sockets still connecting) / 65536: a 4×4 layout opening 16
 * sockets at once waited seconds for the last ones (docs/benchmarks.md "Live view").
 */
export interface ChannelHandlers {
  /** The socket is open and the stream was asked for. */
  onOpen(): void;
  onText(m: LiveServerMessage): void;
  onChunk(data: Uint8Array<ArrayBuffer> | ArrayBuffer): void;
  /** The stream ended: the close code a socket of its own gets (liveCloseCodes, or 1006 etc.). */
  onEnd(code: number): void;
}

export interface LiveChannel {
  renew(token: string): void;
  /** The player is done with the stream. */
  close(): void;
  /** The stream went silent: closed, and its shared socket too if nothing at all came on it lately. */
  abandon(): void;
}

/** A WebSocket of the stream's own (the `auth` message, then renewals). */
export function socketChannel(url: string, token: string, nonce: string, h: ChannelHandlers): LiveChannel {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  let done = false;
  ws.onopen = () => {
    ws.send(JSON.stringify({ type: 'auth', token, nonce }));
    h.onOpen();
  };
  ws.onmessage = (ev) => {
    if (done) return;
    if (typeof ev.data !== 'string') return h.onChunk(ev.data as ArrayBuffer);
    const m = JSON.parse(ev.data) as LiveServerMessage;
    if (m.type !== 'error') h.onText(m);
  };
  ws.onclose = (ev) => {
    if (done) return;
    done = true;
    h.onEnd(ev.code);
  };
  const close = () => {
    done = true;
    if (ws.readyState <= WebSocket.OPEN) ws.close(1000);
  };
  return {
    renew: (t) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'renew', token: t }));
    },
    close,
    abandon: close,
  };
}

/** A shared socket with no channel left is closed after this long (a layout switch reuses it). */
const IDLE_CLOSE_MS = 10_000;
/** A shared socket that brought nothing for this long is given up with the channel that stalled. */
const SILENT_MS = 5_000;

const sockets = new Map<string, SharedSocket>();

/** A channel of the node's shared socket (one per node URL per page, opened on first use). */
export function muxChannel(muxUrl: string, cameraId: string, token: string, nonce: string, h: ChannelHandlers): LiveChannel {
  let s = sockets.get(muxUrl);
  if (!s) {
    s = new SharedSocket(muxUrl);
    sockets.set(muxUrl, s);
  }
  return s.subscribe(cameraId, token, nonce, h);
}

class SharedSocket {
  private readonly ws: WebSocket;
  private readonly channels = new Map<number, ChannelHandlers>();
  private readonly outbox: string[] = [];
  private next = 1;
  private idleTimer: number | undefined;
  private lastMessage = performance.now();
  private gone = false;

  constructor(private readonly url: string) {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      for (const m of this.outbox.splice(0)) ws.send(m);
      for (const h of [...this.channels.values()]) h.onOpen();
    };
    ws.onmessage = (ev) => {
      this.lastMessage = performance.now();
      if (typeof ev.data !== 'string') {
        const buf = ev.data as ArrayBuffer;
        if (buf.byteLength < 2) return;
        this.channels.get(new DataView(buf).getUint16(0))?.onChunk(new Uint8Array(buf, 2));
        return;
      }
      const m = JSON.parse(ev.data) as LiveMuxServerMessage;
      const h = this.channels.get(m.ch);
      if (!h) return;
      if (m.type === 'end') {
        this.drop(m.ch);
        h.onEnd(m.code);
      } else h.onText(m);
    };
    ws.onclose = (ev) => this.retire(ev.code || 1006);
  }

  subscribe(camera: string, token: string, nonce: string, h: ChannelHandlers): LiveChannel {
    let ch = this.next;
    while (this.channels.has(ch)) ch = (ch + 1) & 0xffff;
    this.next = (ch + 1) & 0xffff;
    this.channels.set(ch, h);
    window.clearTimeout(this.idleTimer);
    this.post({ type: 'subscribe', ch, camera, token, nonce });
    if (this.ws.readyState === WebSocket.OPEN) queueMicrotask(() => this.channels.get(ch) === h && h.onOpen());
    const close = () => {
      if (this.channels.get(ch) !== h) return;
      this.drop(ch);
      this.post({ type: 'unsubscribe', ch });
    };
    return {
      renew: (t) => {
        if (this.channels.get(ch) === h) this.post({ type: 'renew', ch, token: t });
      },
      close,
      abandon: () => {
        close();
        if (performance.now() - this.lastMessage > SILENT_MS) this.retire(1006);
      },
    };
  }

  private post(m: object): void {
    const text = JSON.stringify(m);
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
    else if (this.ws.readyState === WebSocket.CONNECTING) this.outbox.push(text);
  }

  private drop(ch: number): void {
    this.channels.delete(ch);
    if (this.channels.size) return;
    window.clearTimeout(this.idleTimer);
    this.idleTimer = window.setTimeout(() => {
      if (!this.channels.size) this.retire(1000);
    }, IDLE_CLOSE_MS);
  }

  /** The socket is done (closed by the node or the network, silent, or idle): its channels end with `code`. */
  private retire(code: number): void {
    if (this.gone) return;
    this.gone = true;
    if (sockets.get(this.url) === this) sockets.delete(this.url);
    window.clearTimeout(this.idleTimer);
    if (this.ws.readyState <= WebSocket.OPEN) this.ws.close(1000);
    const ended = [...this.channels.values()];
    this.channels.clear();
    for (const h of ended) h.onEnd(code);
  }
}
