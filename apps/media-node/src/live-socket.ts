import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { liveCloseCodes, type LiveClientMessage, type LiveCloseReason, type LiveServerMessage } from '@vigia/contracts';
import { nonceHash, verifyStreamToken, type StreamTokenClaims } from '@vigia/contracts/stream-token';
import type { Subscription } from '@vigia/media';
import type { Log } from './log.js';
import type { NodeStore } from './store.js';
import { LeaseHeldElsewhere, type Upstreams } from './upstreams.js';

/**
 * One viewer socket on /live/:cameraId.
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
  private expiryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly ws: WebSocket,
    readonly cameraId: string,
    readonly origin: string,
    private readonly d: ViewerDeps,
  ) {}

  get sessionId(): string | null {
    return this.claims?.sid ?? null;
  }

  start(): void {
    const authTimer = setTimeout(() => this.end('unauthorized', 'auth message expected'), 5_000);
    this.ws.on('message', (data, isBinary) => {
      if (isBinary) return this.end('unauthorized', 'unexpected binary message');
      let msg: LiveClientMessage;
      try {
        msg = JSON.parse(String(data)) as LiveClientMessage;
      } catch {
        return this.end('unauthorized', 'malformed message');
      }
      if (msg.type === 'auth' && !this.claims) {
        clearTimeout(authTimer);
        this.auth(msg.token, msg.nonce).catch((err) => {
          this.d.log.error({ err, camera: this.cameraId }, 'viewer start failed');
          this.end('upstreamFailed', 'stream unavailable');
        });
      } else if (msg.type === 'renew' && this.claims) {
        this.renew(msg.token);
      } else {
        this.end('unauthorized', 'unexpected message');
      }
    });
    this.ws.on('close', () => {
      clearTimeout(authTimer);
      this.cleanup('client_closed');
    });
    this.ws.on('error', () => undefined);
  }

  private check(token: string): { ok: true; claims: StreamTokenClaims } | { ok: false; reason: LiveCloseReason; why: string } {
    const v = verifyStreamToken(this.d.keys, token);
    if (!v.ok) return { ok: false, reason: v.error === 'expired' ? 'expired' : 'unauthorized', why: `token ${v.error}` };
    const c = v.claims;
    if (c.cam !== this.cameraId) return { ok: false, reason: 'forbidden', why: 'token for another camera' };
    if (c.node !== this.d.nodeId) return { ok: false, reason: 'moved', why: 'token for another node' };
    if (!this.d.usedTokens.use(c.jti, c.exp)) return { ok: false, reason: 'unauthorized', why: 'token already used' };
    return { ok: true, claims: c };
  }

  private async auth(token: string, nonce: unknown): Promise<void> {
    const v = this.check(token);
    if (!v.ok) return this.end(v.reason, v.why);
    const c = v.claims;
    if (typeof nonce !== 'string' || nonceHash(nonce) !== c.cnf) return this.end('unauthorized', 'token not bound to this client');
    if (c.sid) {
      const live = await this.d.store.liveSessions([c.sid]);
      if (!live.has(c.sid)) return this.end('sessionEnded', 'session ended');
    }
    const camera = await this.d.store.camera(this.cameraId);
    if (!camera) return this.end('notFound', 'camera not found');
    if (camera.status === 'disabled') return this.end('forbidden', 'camera disabled');
    if (!c.sub && !camera.openToPublic) return this.end('forbidden', 'camera not open to the public');
    if (this.closed) return;
    let up;
    try {
      up = await this.d.upstreams.acquire(camera);
    } catch (err) {
      if (err instanceof LeaseHeldElsewhere) return this.end('moved', 'camera served by another node');
      throw err;
    }
    if (this.closed) {
      this.d.upstreams.releaseIfUnused(this.cameraId);
      return;
    }
    this.claims = c;
    this.armExpiry();
    this.viewId = await this.d.store.startView({ cameraId: this.cameraId, userId: c.sub, sessionId: c.sid, origin: this.origin });
    if (this.closed) {
      await this.d.store.endView(this.viewId, 'client_closed');
      this.d.upstreams.releaseIfUnused(this.cameraId);
      return;
    }
    this.d.viewers.add(this);
    this.send({ type: 'ready', expiresAt: c.exp });
    const ws = this.ws;
    this.sub = up.hub.subscribe({
      send: (chunk, kind) => {
        if (kind === 'init') {
          const t = up.hub.track;
          if (t) this.send({ type: 'codec', codec: t.codecString, mime: `video/mp4; codecs="${t.codecString}"`, width: t.width, height: t.height });
        }
        ws.send(chunk, { binary: true });
      },
      bufferedAmount: () => ws.bufferedAmount,
      close: (reason) => this.end(reason === 'lease_lost' ? 'moved' : 'upstreamFailed', `stream closed: ${reason}`),
    });
    this.d.log.info({ camera: this.cameraId, user: c.sub, view: this.viewId }, 'viewer started');
  }

  private renew(token: string): void {
    const v = this.check(token);
    if (!v.ok) return this.end(v.reason, v.why);
    const c = v.claims;
    if (c.cnf !== this.claims!.cnf || c.sid !== this.claims!.sid || c.sub !== this.claims!.sub) {
      return this.end('unauthorized', 'renewal token from another client');
    }
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
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(m));
  }

  /** Closes the socket with an application code and a short reason. */
  end(reason: LiveCloseReason | string, why: string): void {
    const code = (liveCloseCodes as Record<string, number>)[reason] ?? liveCloseCodes.upstreamFailed;
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) {
      const name = (reason in liveCloseCodes ? reason : 'upstreamFailed') as LiveCloseReason;
      this.send({ type: 'error', code: name, message: why });
      this.ws.close(code, why.slice(0, 120));
    }
    this.cleanup(String(reason));
  }

  private cleanup(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.sub?.unsubscribe();
    this.d.viewers.delete(this);
    if (this.viewId) {
      const id = this.viewId;
      this.d.store.endView(id, reason).catch((err) => this.d.log.warn({ err, view: id }, 'could not close live view'));
    }
  }
}

export function clientOrigin(req: IncomingMessage): string {
  const ua = req.headers['user-agent'];
  return `${req.socket.remoteAddress ?? '?'}${ua ? ` | ${String(ua).slice(0, 120)}` : ''}`;
}
