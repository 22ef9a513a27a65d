import {
  LIVE_MUX_MAX_CHANNELS,
  type LiveCloseReason,
  type LiveMuxClientMessage,
  type LiveMuxServerMessage,
  type LiveServerMessage,
  liveCloseCodes,
} from '@vigia/contracts';
import type { WebSocket } from 'ws';
import { Viewer, type ViewerDeps, type ViewerLink } from './live-socket.js';

/**
 * The shared live socket, /live: one connection carries every camera a page watches on this node.
 *
 * Why: Chromium delays a page's new WebSocket by 1–5 s × 2^(pending connections) / 65536
 * (`WebSocketPerProcessThrottler`), so the 16 tiles of a console layout, each opening a socket of
 * its own, waited up to seconds for their handshakes (docs/benchmarks.md "Live view"). One socket
 * per node needs one handshake for the whole layout.
 *
 *   client → {type:'subscribe', ch, camera, token, nonce}   a channel = one viewer (same checks as /live/:cameraId)
 *   client → {type:'renew', ch, token} · {type:'unsubscribe', ch}
 *   node   → the single-socket messages with `ch`; {type:'end', ch, code, reason, message} when a channel ends
 *   node   → binary: 2-byte big-endian channel number, then the chunk
 *
 * Every channel is a `Viewer` of its own: its own token, nonce, `live_view` row, expiry, session
 * check and slow-viewer accounting (bytes of that channel not yet written to the network). A bad
 * token ends its channel only; a malformed message, a binary frame or a reused channel number
 * closes the socket (a client bug). The first `subscribe` must come within 5 s, and a socket with no
 * channel for a minute is closed.
 */
const FIRST_SUBSCRIBE_MS = 5_000;
const IDLE_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One channel of the shared socket, as its viewer's link. */
class Channel implements ViewerLink {
  /** Ended by the node or unsubscribed: nothing more goes out under this number. */
  ended = false;
  private pending = 0;
  private readonly header = Buffer.alloc(2);

  constructor(
    private readonly ws: WebSocket,
    readonly ch: number,
    private readonly onEnd: (ch: number) => void,
  ) {
    this.header.writeUInt16BE(ch);
  }

  get open(): boolean {
    return !this.ended && this.ws.readyState === this.ws.OPEN;
  }

  send(m: LiveServerMessage): void {
    if (this.open) this.ws.send(JSON.stringify({ ...m, ch: this.ch }));
  }

  sendChunk(chunk: Buffer): void {
    if (!this.open) return;
    this.pending += chunk.length;
    this.ws.send(Buffer.concat([this.header, chunk]), { binary: true }, () => {
      this.pending -= chunk.length;
    });
  }

  bufferedAmount(): number {
    return this.pending;
  }

  close(reason: LiveCloseReason, why: string): void {
    if (!this.open) return;
    this.ended = true;
    const end: LiveMuxServerMessage = { type: 'end', ch: this.ch, code: liveCloseCodes[reason], reason, message: why };
    this.ws.send(JSON.stringify(end));
    this.onEnd(this.ch);
  }
}

export function serveMuxSocket(ws: WebSocket, origin: string, d: ViewerDeps): void {
  const channels = new Map<number, { link: Channel; viewer: Viewer }>();
  let idleTimer: NodeJS.Timeout | undefined;
  const idle = (ms: number) => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => ws.close(1000, 'idle'), ms);
  };
  const fail = (why: string) => ws.close(1008, why);
  const forget = (ch: number) => {
    channels.delete(ch);
    if (channels.size === 0) idle(IDLE_MS);
  };
  idle(FIRST_SUBSCRIBE_MS);

  ws.on('message', (data, isBinary) => {
    if (isBinary) return fail('unexpected binary message');
    let msg: LiveMuxClientMessage;
    try {
      msg = JSON.parse(String(data)) as LiveMuxClientMessage;
    } catch {
      return fail('malformed message');
    }
    const ch = msg?.ch;
    if (!Number.isInteger(ch) || ch < 0 || ch > 0xffff) return fail('bad channel');
    const open = channels.get(ch);
    if (msg.type === 'subscribe') {
      if (open) return fail('channel in use');
      if (typeof msg.camera !== 'string' || !UUID.test(msg.camera)) return fail('bad camera');
      const link = new Channel(ws, ch, forget);
      const viewer = new Viewer(link, msg.camera, origin, d);
      channels.set(ch, { link, viewer });
      clearTimeout(idleTimer);
      if (channels.size > LIVE_MUX_MAX_CHANNELS) return viewer.end('forbidden', 'too many channels on one socket');
      viewer.auth(msg.token, msg.nonce);
    } else if (msg.type === 'renew') {
      // A channel that just ended (expiry, refusal) may still get a renewal sent before the client knew.
      if (open?.viewer.claims) open.viewer.renew(msg.token);
    } else if (msg.type === 'unsubscribe') {
      if (!open) return;
      open.link.ended = true;
      forget(ch);
      open.viewer.cleanup('client_closed');
    } else return fail('unexpected message');
  });
  ws.on('close', () => {
    clearTimeout(idleTimer);
    for (const { viewer } of channels.values()) viewer.cleanup('client_closed');
    channels.clear();
  });
  ws.on('error', () => undefined);
}
