/**
 * RTSP publish ("push") server: a camera or an on-site gateway connects to us and sends its
 * stream with ANNOUNCE (SDP) → SETUP (RTP/AVP/TCP interleaved) → RECORD, authenticated with
 * Digest MD5 per path. The incoming RTP goes through the same H.264/H.265 depacketizers as the
 * pull client and the access units are handed to a sink (StreamHub-compatible). This file holds the
 * listeners and what connections share (limits, per-address limiter, paths); the RFC 2326 record
 * handshake of one connection is rtsp-publish-connection.ts, its SETUP transport rules
 * rtsp-publish-transport.ts, the contract with the application rtsp-publish-types.ts.
 *
 * Input is hostile: every connection is bounded (connections, request head and SDP size,
 * interleaved frame size, failed authentications, handshake and idle timeouts) and any protocol
 * violation closes the connection. Across connections, failed authentications are counted per
 * source address (AuthFailureLimiter: too many → the address is refused for a while) and the
 * connections not yet authenticated are capped. UDP transport is refused (461): only TCP interleaved, which
 * crosses NAT and firewalls from the camera site without opening ports there.
 *
 * RTSPS: `listenTls` adds a second listener where each connection is wrapped in TLS (RTSP over TLS,
 * "rtsps://"). Both listeners share everything else: limits, the per-address limiter (checked
 * before the TLS handshake, so a blocked address costs no handshake), paths and sessions.
 */
import net from 'node:net';
import tls from 'node:tls';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { DigestServer } from './rtsp-digest-server';
import { PublishConnection } from './rtsp-publish-connection';
import type { PublishHost, PublishLimits, PublishServerStats, PublishTlsOptions, RtspPublishServerOptions } from './rtsp-publish-types';

export { PublishConnection } from './rtsp-publish-connection';
export {
  hubPublishSink,
  PublishRefusedError,
  type PublishServerStats,
  type PublishSink,
  type PublishStartInfo,
  type PublishTarget,
  type PublishTlsOptions,
  type RtspPublishServerOptions,
} from './rtsp-publish-types';
export { requestPath } from './rtsp-request-path';

export class RtspPublishServer implements PublishHost {
  readonly stats: PublishServerStats = {
    connections: 0,
    connectionsRejected: 0,
    tlsConnections: 0,
    connectionsBlocked: 0,
    addressesBlocked: 0,
    authFailures: 0,
    sessionsStarted: 0,
    publishing: 0,
    protocolErrors: 0,
  };
  /** Failed authentications per source address (undefined: off). */
  readonly authLimiter: AuthFailureLimiter | undefined;
  /** Connections that have not authenticated yet. */
  unauthenticated = 0;
  readonly digest: DigestServer;
  private readonly server: net.Server;
  /** RTSPS listener (listenTls), undefined until started. */
  private tlsServer: net.Server | undefined;
  private readonly connections = new Set<PublishConnection>();
  /** Path → the connection currently recording it (newest publisher wins). */
  readonly active = new Map<string, PublishConnection>();
  readonly limits: PublishLimits;

  constructor(readonly options: RtspPublishServerOptions) {
    this.digest = new DigestServer(options.realm ?? 'VigiaMaisMT', options.nonceTtlMs, options.nonceKey);
    this.limits = {
      maxConnections: options.maxConnections ?? 256,
      maxSdpBytes: options.maxSdpBytes ?? 16 * 1024,
      maxInterleavedFrameBytes: Math.min(options.maxInterleavedFrameBytes ?? 32 * 1024, 65535),
      idleTimeoutMs: options.idleTimeoutMs ?? 15_000,
      handshakeTimeoutMs: options.handshakeTimeoutMs ?? 10_000,
      maxAuthFailures: options.maxAuthFailures ?? 3,
      maxUnauthenticated: options.maxUnauthenticated ?? 128,
    };
    const limit = options.addressAuthLimit ?? { maxFailures: 10, windowMs: 5 * 60_000, blockMs: 15 * 60_000 };
    this.authLimiter = limit ? new AuthFailureLimiter({ ...limit, ...(options.now ? { now: options.now } : {}) }) : undefined;
    this.server = net.createServer({ noDelay: true }, (socket) => this.onConnection(socket));
  }

  listen(port: number, host?: string): Promise<{ port: number; host: string }> {
    return listenOn(this.server, port, host);
  }

  /** RTSP over TLS (rtsps://) on its own port; same authentication, limits and sessions as `listen`. */
  listenTls(port: number, host: string | undefined, options: PublishTlsOptions): Promise<{ port: number; host: string }> {
    if (this.tlsServer) throw new Error('TLS listener already started');
    this.tlsServer = net.createServer({ noDelay: true }, (socket) => this.onConnection(socket, options));
    return listenOn(this.tlsServer, port, host);
  }

  get port(): number | undefined {
    return boundPort(this.server);
  }

  get tlsPort(): number | undefined {
    return this.tlsServer ? boundPort(this.tlsServer) : undefined;
  }

  /** Closes the publisher of a path (e.g. the camera's lease was lost). */
  kick(path: string, reason: string): void {
    this.active.get(path)?.close(reason);
  }

  async close(): Promise<void> {
    for (const c of [...this.connections]) c.close('server closed');
    await Promise.all([this.server, this.tlsServer].map((s) => (s?.listening ? new Promise<void>((r) => s.close(() => r())) : undefined)));
  }

  private onConnection(raw: net.Socket, secure?: PublishTlsOptions): void {
    const remoteAddress = raw.remoteAddress;
    if (this.authLimiter?.isBlocked(remoteAddress)) {
      this.stats.connectionsBlocked++;
      raw.destroy();
      return;
    }
    if (this.connections.size >= this.limits.maxConnections || this.unauthenticated >= this.limits.maxUnauthenticated) {
      this.stats.connectionsRejected++;
      raw.destroy();
      return;
    }
    let socket: net.Socket = raw;
    if (secure) {
      try {
        // The handshake runs inside the connection's handshake timeout; a failed one is a socket error.
        socket = new tls.TLSSocket(raw, { isServer: true, secureContext: secure.secureContext() });
      } catch (err) {
        this.options.onError?.(err as Error, remoteAddress);
        raw.destroy();
        return;
      }
      this.stats.tlsConnections++;
    }
    this.stats.connections++;
    this.unauthenticated++;
    const c = new PublishConnection(this, socket, remoteAddress);
    this.connections.add(c);
    socket.once('close', () => this.connections.delete(c));
  }

  /** @internal A wrong answer to the Digest challenge; true when the address is now blocked. */
  authFailed(address: string | undefined): boolean {
    this.stats.authFailures++;
    if (!this.authLimiter?.fail(address)) return false;
    this.stats.addressesBlocked++;
    this.options.onAddressBlocked?.(address!, this.authLimiter.options.blockMs);
    return true;
  }

  /** @internal */
  claim(path: string, c: PublishConnection): void {
    const prev = this.active.get(path);
    this.active.set(path, c);
    if (prev && prev !== c) prev.close('replaced by a new publisher');
  }

  /** @internal */
  release(path: string, c: PublishConnection): void {
    if (this.active.get(path) === c) this.active.delete(path);
  }
}

function listenOn(server: net.Server, port: number, host: string | undefined): Promise<{ port: number; host: string }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const a = server.address() as net.AddressInfo;
      resolve({ port: a.port, host: a.address });
    });
  });
}

function boundPort(server: net.Server): number | undefined {
  const a = server.address();
  return a && typeof a === 'object' ? a.port : undefined;
}
