import type { IncomingMessage } from 'node:http';
import { type LiveClientMessage, type LiveCloseReason, type LiveServerMessage, liveCloseCodes } from '@vigia/contracts';
import { nonceHash, type StreamAction, type StreamTokenClaims, verifyStreamToken } from '@vigia/contracts/stream-token';
import type { StreamHub, Subscription } from '@vigia/media';
import type { WebSocket } from 'ws';
import type { Log } from './log.js';
import type { CameraForIngest, NodeStore } from './store.js';
import { CameraNotEligible, LeaseHeldElsewhere, type Upstreams } from './upstreams.js';

/**
 * A viewer of one camera: one socket on /live/:cameraId (this file), or one channel of a shared
 * socket on /live (live-mux.ts; the browser's console opens every tile of a layout that way).
 *
 *   client → {type:'auth', token, nonce}   (within 5 s; token from POST /api/live/:id/token)
 *   node   → {type:'ready'} {type:'codec'} then binary: init segment, GOP burst, one fragment per frame
 *   client → {type:'renew', token}          (before expiry; same nonce, same session, same camera)
 *
 * The node checks the token itself (signature, expiry, camera, node, action), that the client
 * knows the nonce whose hash the token carries, that the token was never used before on this node,
 * and — for signed-in viewers — that the session row is still valid (again every few seconds while
 * watching). The stream ends when the token expires without renewal or the session ends.
 */
export interface ViewerDeps {
  nodeId: string;
  keys: readonly Buffer[];
  store: NodeStore;
  upstreams: Upstreams;
  log: Log;
  usedTokens: UsedTokens;
  viewers: Set<Viewer>;
  /** What the socket streams (default: the camera's shared live upstream, `liveSource`). */
  source?: ViewerSource;
}

/** What an authorised viewer socket streams. */
export interface ViewerSource {
  /** The only token action accepted on the socket (`live`; partner-NVR playback: `playback`). */
  action: StreamAction;
  /** Opens the stream (throws LeaseHeldElsewhere → `moved`, ViewerRefused → `forbidden`). */
  open(camera: CameraForIngest, claims: StreamTokenClaims, origin: string): Promise<OpenedStream>;
}

export interface OpenedStream {
  hub: StreamHub;
  /**
   * Id of the row that records this view (live_view, or the playback id). May still be being
   * written while the stream starts; if it fails the viewer's socket is closed (no view without
   * its record).
   */
  viewId: Promise<string>;
  /** The socket is gone (reason as for live_view.end_reason). */
  close(reason: string): void;
}

/** The token is valid but this source refuses it (e.g. a playback that already ended). */
export class ViewerRefused extends Error {}

/** Where a viewer's messages go: a whole socket, or one channel of a shared socket. */
export interface ViewerLink {
  readonly open: boolean;
  send(m: LiveServerMessage): void;
  sendChunk(chunk: Buffer): void;
  /** Bytes sent to this viewer and not yet written to the network (the hub's slow-viewer rule). */
  bufferedAmount(): number;
  /** Tells the client why its stream ends (an `error` message) and closes the socket or channel. */
  close(reason: LiveCloseReason, why: string): void;
}

/** A whole socket as a viewer's link (/live/:cameraId, /playback/:cameraId). */
export function socketLink(ws: WebSocket): ViewerLink {
  const link: ViewerLink = {
    get open() {
      return ws.readyState === ws.OPEN;
    },
    send: (m) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
    },
    sendChunk: (chunk) => ws.send(chunk, { binary: true }),
    bufferedAmount: () => ws.bufferedAmount,
    close: (reason, why) => {
      if (ws.readyState !== ws.OPEN && ws.readyState !== ws.CONNECTING) return;
      link.send({ type: 'error', code: reason, message: why });
      ws.close(liveCloseCodes[reason], why.slice(0, 120));
    },
  };
  return link;
}

/**
 * Serves one viewer on a socket of its own: `auth` within 5 s, then `renew`s; anything else (or a
 * binary frame) ends it.
 */
export function serveViewerSocket(ws: WebSocket, cameraId: string, origin: string, d: ViewerDeps): Viewer {
  const viewer = new Viewer(socketLink(ws), cameraId, origin, d);
  const authTimer = setTimeout(() => viewer.end('unauthorized', 'auth message expected'), 5_000);
  let authAsked = false;
  ws.on('message', (data, isBinary) => {
    if (isBinary) return viewer.end('unauthorized', 'unexpected binary message');
    let msg: LiveClientMessage;
    try {
      msg = JSON.parse(String(data)) as LiveClientMessage;
    } catch {
      return viewer.end('unauthorized', 'malformed message');
    }
    if (msg.type === 'auth' && !authAsked) {
      authAsked = true;
      clearTimeout(authTimer);
      viewer.auth(msg.token, msg.nonce);
    } else if (msg.type === 'renew' && viewer.claims) viewer.renew(msg.token);
    else viewer.end('unauthorized', 'unexpected message');
  });
  ws.on('close', () => {
    clearTimeout(authTimer);
    viewer.cleanup('client_closed');
  });
  ws.on('error', () => undefined);
  return viewer;
}

/**
 * Live: the camera's one shared upstream (lease first), one `live_view` row per viewer. The row is
 * inserted while the stream starts (off the viewer's first-frame path); `Viewer` closes the socket
 * if the insert fails, and the row is closed once it exists.
 */
export function liveSource(d: { store: NodeStore; upstreams: Upstreams; log: Log }): ViewerSource {
  return {
    action: 'live',
    async open(camera, c, origin) {
      const up = await d.upstreams.acquire(camera);
      const viewId = d.store.startView({ cameraId: camera.id, userId: c.sub, sessionId: c.sid, origin });
      viewId.catch(() => undefined); // reported (and the socket closed) by the Viewer
      return {
        hub: up.hub,
        viewId,
        close: (reason) => {
          viewId
            .then((id) => d.store.endView(id, reason))
            .catch((err) => d.log.warn({ err, camera: camera.id }, 'could not close live view'));
          d.upstreams.releaseIfUnused(camera.id);
        },
      };
    },
  };
}

export class UsedTokens {
  private readonly seen = new Map<string, number>();
  /** Marks a token id used; false if it was used already. */
  use(jti: string, exp: number, now = Date.now()): boolean {
    if (this.seen.size > 10_000) for (const [k, e] of this.seen) if (e < now) this.seen.delete(k);
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, exp);
    return true;
  }
}

export class Viewer {
  claims: StreamTokenClaims | undefined;
  viewId: string | undefined;
  private sub: Subscription | undefined;
  private stream: OpenedStream | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly link: ViewerLink,
    readonly cameraId: string,
    readonly origin: string,
    private readonly d: ViewerDeps,
  ) {}

  get sessionId(): string | null {
    return this.claims?.sid ?? null;
  }

  /** Checks the token and its nonce, then streams; any failure ends the viewer with its reason. */
  auth(token: string, nonce: unknown): void {
    this.start(token, nonce).catch((err) => {
      this.d.log.error({ err, camera: this.cameraId }, 'viewer start failed');
      this.end('upstreamFailed', 'stream unavailable');
    });
  }

  private get source(): ViewerSource {
    return this.d.source ?? liveSource(this.d);
  }

  /**
   * Verifies a token and spends it. `boundTo` is checked before the token is spent: an attempt
   * with the wrong nonce (someone who saw the token but not the nonce) must not burn the real
   * client's token.
   */
  private check(
    token: string,
    boundTo: (c: StreamTokenClaims) => boolean,
  ): { ok: true; claims: StreamTokenClaims } | { ok: false; reason: LiveCloseReason; why: string } {
    const v = verifyStreamToken(this.d.keys, token, Date.now(), 2_000, this.source.action);
    if (!v.ok) return { ok: false, reason: v.error === 'expired' ? 'expired' : 'unauthorized', why: `token ${v.error}` };
    const c = v.claims;
    if (c.cam !== this.cameraId) return { ok: false, reason: 'forbidden', why: 'token for another camera' };
    if (c.node !== this.d.nodeId) return { ok: false, reason: 'moved', why: 'token for another node' };
    if (!boundTo(c)) return { ok: false, reason: 'unauthorized', why: 'token not bound to this client' };
    if (!this.d.usedTokens.use(c.jti, c.exp)) return { ok: false, reason: 'unauthorized', why: 'token already used' };
    return { ok: true, claims: c };
  }

  private async start(token: string, nonce: unknown): Promise<void> {
    const v = this.check(token, (c) => typeof nonce === 'string' && nonceHash(nonce) === c.cnf);
    if (!v.ok) return this.end(v.reason, v.why);
    const c = v.claims;
    // Session and camera in one query: a database round trip (through the SQL gateway on an embedded
    // database) on the viewer's first-frame path (docs/benchmarks.md "Live view").
    const { camera, sessionLive } = await this.d.store.viewerCheck(this.cameraId, c.sid);
    if (c.sid && !sessionLive) return this.end('sessionEnded', 'session ended');
    if (!camera) return this.end('notFound', 'camera not found');
    if (camera.status === 'disabled') return this.end('forbidden', 'camera disabled');
    if (this.source.action === 'live' && !camera.streamEligible) return this.end('forbidden', 'camera not eligible to stream');
    if (!c.sub && !camera.openToPublic) return this.end('forbidden', 'camera not open to the public');
    if (this.closed) return;
    let stream: OpenedStream;
    try {
      stream = await this.source.open(camera, c, this.origin);
    } catch (err) {
      if (err instanceof LeaseHeldElsewhere) return this.end('moved', 'camera served by another node');
      if (err instanceof ViewerRefused || err instanceof CameraNotEligible) return this.end('forbidden', err.message);
      throw err;
    }
    if (this.closed) return stream.close('client_closed');
    this.claims = c;
    this.stream = stream;
    this.armExpiry();
    this.d.viewers.add(this);
    // Ordering (docs/architecture.md "Audit of a view — ordering on the node"): the checks above are done, so the stream starts
    // now, while the view's record is written; if that write fails the socket closes at once — a
    // view is never watched on without its record (at most the write's latency of video goes out).
    stream.viewId.then(
      (id) => {
        this.viewId = id;
        this.d.log.info({ camera: this.cameraId, user: c.sub, view: id }, 'viewer started');
      },
      (err) => {
        this.d.log.error({ err, camera: this.cameraId }, 'could not record the view: closing');
        this.end('upstreamFailed', 'view not recorded');
      },
    );
    this.send({ type: 'ready', expiresAt: c.exp });
    const link = this.link;
    const hub = stream.hub;
    this.sub = hub.subscribe({
      send: (chunk, kind) => {
        if (kind === 'init') {
          const t = hub.track;
          // With audio passed the codecs list carries it too ("avc1…,mp4a.40.2"), or MSE refuses the init.
          const codecs = hub.codecs ?? t?.codecString;
          if (t)
            this.send({ type: 'codec', codec: t.codecString, mime: `video/mp4; codecs="${codecs}"`, width: t.width, height: t.height });
        }
        link.sendChunk(chunk);
      },
      bufferedAmount: () => link.bufferedAmount(),
      close: (reason) => this.end(reason === 'lease_lost' ? 'moved' : 'upstreamFailed', `stream closed: ${reason}`),
    });
  }

  renew(token: string): void {
    const mine = this.claims!;
    const v = this.check(token, (c) => c.cnf === mine.cnf && c.sid === mine.sid && c.sub === mine.sub && c.pb === mine.pb);
    if (!v.ok) return this.end(v.reason, v.why === 'token not bound to this client' ? 'renewal token from another client' : v.why);
    const c = v.claims;
    this.claims = c;
    this.armExpiry();
    this.send({ type: 'renewed', expiresAt: c.exp });
  }

  private armExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const ms = Math.max(0, this.claims!.exp - Date.now());
    this.expiryTimer = setTimeout(() => this.end('expired', 'token expired'), ms);
  }

  private send(m: LiveServerMessage): void {
    this.link.send(m);
  }

  /** Ends the stream: the client is told why (an application close code and a short reason). */
  end(reason: LiveCloseReason | string, why: string): void {
    const name = (reason in liveCloseCodes ? reason : 'upstreamFailed') as LiveCloseReason;
    this.link.close(name, why);
    this.cleanup(String(reason));
  }

  /** Releases the stream and its record (`reason` as for live_view.end_reason); idempotent. */
  cleanup(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.sub?.unsubscribe();
    this.d.viewers.delete(this);
    this.stream?.close(reason);
  }
}

export function clientOrigin(req: IncomingMessage): string {
  const ua = req.headers['user-agent'];
  return `${req.socket.remoteAddress ?? '?'}${ua ? ` | ${String(ua).slice(0, 120)}` : ''}`;
}
