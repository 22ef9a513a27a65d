/**
 * RTSP publish ("push") server: a camera or an on-site gateway connects to us and sends its
 * stream with ANNOUNCE (SDP) → SETUP (RTP/AVP/TCP interleaved) → RECORD, authenticated with
 * Digest MD5 per path. The incoming RTP goes through the same H.264/H.265 depacketizers as the
 * pull client and the access units are handed to a sink (StreamHub-compatible).
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
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import type { AccessUnit, ParameterSets, VideoCodec } from './access-unit';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { H264Depacketizer } from './h264-depacketizer';
import { H265Depacketizer } from './h265-depacketizer';
import { InterleavedDemuxer } from './interleaved-demuxer';
import type { NalDepacketizer } from './nal-depacketizer';
import { createRtpHeader, parseRtpHeader, SequenceTracker } from './rtp';
import { type DigestCredentials, DigestServer } from './rtsp-digest-server';
import { header, parseTransport, type RtspServerRequest, serializeResponse } from './rtsp-message';
import { selectVideo, type VideoStreamInfo } from './rtsp-session';
import { h265ParametersFromFmtp, parseSdp, resolveControlUrl, type Sdp } from './sdp';

/** Receives what a publisher sends. `StreamHub` fits (see `hubPublishSink`). */
export interface PublishSink {
  setParameterSets(codec: VideoCodec, ps: ParameterSets): void;
  pushAccessUnit(au: AccessUnit): void;
  /** The publisher went away (TEARDOWN, connection closed, timeout, replaced, server closed). */
  end?(reason: string): void;
}

export interface PublishStartInfo {
  path: string;
  remoteAddress: string | undefined;
  codec: VideoCodec;
  stream: VideoStreamInfo;
}

/** What the application knows about a publish path. */
export interface PublishTarget {
  credentials: DigestCredentials;
  /**
   * Called once authenticated, at RECORD: returns the sink, or throws `PublishRefusedError`
   * (e.g. 453 when the camera is served by another node) — any other error answers 503.
   */
  open(info: PublishStartInfo): PublishSink | Promise<PublishSink>;
}

export class PublishRefusedError extends Error {
  override readonly name = 'PublishRefusedError';
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(`${status} ${reason}`);
  }
}

export interface RtspPublishServerOptions {
  /** Looks a request path up ("/push/<id>"); undefined → 404. Errors → 503. */
  lookup(path: string): PublishTarget | undefined | Promise<PublishTarget | undefined>;
  /** Digest realm (default "VigiaMaisMT"). */
  realm?: string;
  /** Concurrent TCP connections (default 256). Over it new connections are closed at once. */
  maxConnections?: number;
  /** Max ANNOUNCE body (default 16 KiB) → 413 and close. */
  maxSdpBytes?: number;
  /** Max interleaved ("$") frame payload (default 32 KiB): a bigger one closes the connection. */
  maxInterleavedFrameBytes?: number;
  /** No bytes received for this long closes the connection (default 15 s). */
  idleTimeoutMs?: number;
  /** Must be recording within this time after connecting (default 10 s). */
  handshakeTimeoutMs?: number;
  /** Failed authentications before the connection is closed (default 3). */
  maxAuthFailures?: number;
  /**
   * Failed authentications per source address (IPv6: per /64) across connections: `maxFailures`
   * within `windowMs` refuse new connections from it for `blockMs`. Default 10 in 5 min → 15 min;
   * false turns it off.
   */
  addressAuthLimit?: { maxFailures: number; windowMs: number; blockMs: number } | false;
  /** Connections that have not authenticated yet (default 128): over it new ones are closed at once. */
  maxUnauthenticated?: number;
  /** Clock of the address limiter (tests). */
  now?: () => number;
  /** An address was just blocked after too many failed authentications. */
  onAddressBlocked?(address: string, blockMs: number): void;
  /** Digest nonce lifetime (default 5 min). */
  nonceTtlMs?: number;
  /** Key for the nonce MAC (default random per process). */
  nonceKey?: Buffer;
  /** Keep SPS/PPS/VPS/AUD in access units (default false, like the pull client). */
  keepParameterSets?: boolean;
  /** Server: header value. */
  serverName?: string;
  onError?(err: Error, remoteAddress: string | undefined): void;
}

/** TLS listener: the certificate chain and key, re-read by the provider as the caller sees fit (rotation). */
export interface PublishTlsOptions {
  /** Called for each new connection: the secure context to use (keep it cached). */
  secureContext(): tls.SecureContext;
}

export interface PublishServerStats {
  connections: number;
  /** Closed at once: over maxConnections or maxUnauthenticated. */
  connectionsRejected: number;
  /** Accepted on the TLS listener (counted in `connections` too). */
  tlsConnections: number;
  /** Closed at once: the source address is blocked after failed authentications. */
  connectionsBlocked: number;
  addressesBlocked: number;
  authFailures: number;
  sessionsStarted: number;
  publishing: number;
  protocolErrors: number;
}

const ALLOWED_METHODS = 'OPTIONS, ANNOUNCE, SETUP, RECORD, TEARDOWN, GET_PARAMETER, SET_PARAMETER';
const MAX_HEAD_BYTES = 8 * 1024;

interface TrackSetup {
  control: string;
  rtpChannel: number;
  rtcpChannel: number;
  video: boolean;
}

export class RtspPublishServer {
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
  readonly limits: Required<
    Pick<
      RtspPublishServerOptions,
      | 'maxConnections'
      | 'maxSdpBytes'
      | 'maxInterleavedFrameBytes'
      | 'idleTimeoutMs'
      | 'handshakeTimeoutMs'
      | 'maxAuthFailures'
      | 'maxUnauthenticated'
    >
  >;

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

type State = 'init' | 'announced' | 'recording' | 'closed';

/** One publisher connection (at most one session). */
export class PublishConnection {
  state: State = 'init';
  path: string | undefined;
  readonly remoteAddress: string | undefined;
  rtpPackets = 0;
  rtpLost = 0;
  private readonly demuxer: InterleavedDemuxer;
  private readonly sessionId = randomBytes(8).toString('hex');
  private target: PublishTarget | undefined;
  private announceUrl: string | undefined;
  private sdp: Sdp | undefined;
  private stream: VideoStreamInfo | undefined;
  private readonly tracks: TrackSetup[] = [];
  private depacketizer: NalDepacketizer | undefined;
  private sink: PublishSink | undefined;
  private readonly rtp = createRtpHeader();
  private readonly seq = new SequenceTracker();
  private ssrc: number | undefined;
  private authFailures = 0;
  /** Counted in the server's `unauthenticated` until the first accepted Digest answer. */
  private authenticated = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly handshakeTimer: NodeJS.Timeout;
  /** Requests are handled one at a time (lookup/open are async); bytes wait meanwhile. */
  private busy = false;
  private readonly queue: RtspServerRequest[] = [];

  constructor(
    private readonly server: RtspPublishServer,
    private readonly socket: net.Socket,
    remoteAddress: string | undefined = socket.remoteAddress,
  ) {
    this.remoteAddress = remoteAddress;
    const limits = server.limits;
    this.demuxer = new InterleavedDemuxer(
      {
        onInterleaved: (ch, buf, start, end) => this.onInterleaved(ch, buf, start, end),
        onResponse: () => undefined, // we send no requests
        onRequest: (req) => this.onRequest(req),
      },
      Math.max(limits.maxSdpBytes + MAX_HEAD_BYTES, limits.maxInterleavedFrameBytes + 4),
    );
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close('socket error'));
    socket.on('close', () => this.close('connection closed'));
    this.handshakeTimer = setTimeout(() => {
      if (this.state !== 'recording') this.close('handshake timeout');
    }, limits.handshakeTimeoutMs);
    this.handshakeTimer.unref();
    this.armIdle();
  }

  /** Re-read after an await (the connection may have closed meanwhile). */
  get isClosed(): boolean {
    return this.state === 'closed';
  }

  close(reason: string): void {
    if (this.state === 'closed') return;
    const wasRecording = this.state === 'recording';
    this.state = 'closed';
    if (!this.authenticated) this.server.unauthenticated--;
    clearTimeout(this.handshakeTimer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.socket.destroy();
    if (wasRecording) {
      this.server.stats.publishing--;
      if (this.path) this.server.release(this.path, this);
      try {
        this.depacketizer?.flush();
      } catch {
        // ignore
      }
      try {
        this.sink?.end?.(reason);
      } catch (err) {
        this.server.options.onError?.(err as Error, this.remoteAddress);
      }
    }
  }

  private armIdle(): void {
    if (this.idleTimer) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => this.close('idle timeout'), this.server.limits.idleTimeoutMs);
      this.idleTimer.unref();
    }
  }

  private onData(chunk: Buffer): void {
    if (this.state === 'closed') return;
    this.armIdle();
    if (this.busy && this.demuxer.pendingBytes + chunk.length > this.server.limits.maxSdpBytes + MAX_HEAD_BYTES + 65_539) {
      this.protocolError('too much data while a request is pending');
      return;
    }
    try {
      this.demuxer.push(chunk);
    } catch (err) {
      this.protocolError((err as Error).message);
      return;
    }
    // Garbage that is neither RTSP nor interleaved data: a hostile or broken client.
    if (this.demuxer.skippedBytes > 4096) this.protocolError('unparseable data');
  }

  private protocolError(message: string): void {
    this.server.stats.protocolErrors++;
    this.server.options.onError?.(new Error(message), this.remoteAddress);
    this.close(`protocol error: ${message}`);
  }

  // ---- media ---------------------------------------------------------------------------

  private onInterleaved(channel: number, buf: Buffer, start: number, end: number): void {
    if (this.state === 'closed') return;
    if (end - start > this.server.limits.maxInterleavedFrameBytes) {
      this.protocolError(`interleaved frame of ${end - start} bytes`);
      return;
    }
    if (this.state !== 'recording' || !this.depacketizer || !this.stream) return;
    const track = this.tracks.find((t) => t.rtpChannel === channel);
    if (!track || !track.video) return; // RTCP, audio, unknown channels: ignored
    const h = this.rtp;
    try {
      parseRtpHeader(buf, start, end - start, h);
    } catch {
      return;
    }
    if (h.payloadType !== this.stream.payloadType) return;
    if (this.ssrc !== undefined && h.ssrc !== this.ssrc) {
      this.seq.resync();
      this.depacketizer.reset();
    }
    this.ssrc = h.ssrc;
    this.rtpPackets++;
    const lost = this.seq.push(h.sequence);
    if (lost > 0) this.rtpLost += lost;
    try {
      this.depacketizer.push(buf, h.payloadOffset, h.payloadOffset + h.payloadLength, h.sequence, h.timestamp, h.marker);
    } catch (err) {
      this.protocolError(`depacketizer: ${(err as Error).message}`);
    }
  }

  // ---- requests ------------------------------------------------------------------------

  private onRequest(req: RtspServerRequest): void {
    if (this.state === 'closed') return;
    if (this.queue.length > 8) {
      this.protocolError('too many pipelined requests');
      return;
    }
    this.queue.push(req);
    if (!this.busy) void this.drain();
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.queue.length && this.state !== 'closed') {
        const req = this.queue.shift()!;
        try {
          await this.handle(req);
        } catch (err) {
          this.server.options.onError?.(err as Error, this.remoteAddress);
          this.reply(req, 500, 'Internal Server Error');
          this.close('internal error');
        }
      }
    } finally {
      this.busy = false;
    }
  }

  private reply(req: RtspServerRequest, status: number, reason: string, extra: Array<[string, string]> = []): void {
    if (this.socket.destroyed) return;
    const headers: Array<[string, string]> = [['CSeq', (header(req.headers, 'cseq') ?? '0').slice(0, 16)]];
    headers.push(['Server', this.server.options.serverName ?? 'VigiaMaisMT-media']);
    headers.push(...extra);
    this.socket.write(serializeResponse(status, reason, headers));
  }

  private async handle(req: RtspServerRequest): Promise<void> {
    const path = requestPath(req.uri);
    switch (req.method) {
      case 'OPTIONS':
        this.reply(req, 200, 'OK', [['Public', ALLOWED_METHODS]]);
        return;
      case 'ANNOUNCE':
        return this.announce(req, path);
      case 'SETUP':
        return this.setup(req, path);
      case 'RECORD':
        return this.record(req, path);
      case 'GET_PARAMETER':
      case 'SET_PARAMETER':
        if (this.state === 'init') return this.reply(req, 455, 'Method Not Valid in This State');
        if (!this.checkSession(req)) return;
        this.reply(req, 200, 'OK', [['Session', this.sessionId]]);
        return;
      case 'TEARDOWN':
        if (this.state !== 'init' && this.checkSession(req)) this.reply(req, 200, 'OK', [['Session', this.sessionId]]);
        this.close('teardown');
        return;
      case 'DESCRIBE':
      case 'PLAY':
      case 'PAUSE':
        this.reply(req, 405, 'Method Not Allowed', [['Allow', ALLOWED_METHODS]]);
        return;
      default:
        this.reply(req, 501, 'Not Implemented');
    }
  }

  private async announce(req: RtspServerRequest, path: string | undefined): Promise<void> {
    if (this.state !== 'init') return this.reply(req, 455, 'Method Not Valid in This State');
    if (!path) return this.reply(req, 400, 'Bad Request');
    if (req.body.length > this.server.limits.maxSdpBytes) {
      this.reply(req, 413, 'Request Entity Too Large');
      this.close('SDP too large');
      return;
    }
    let target: PublishTarget | undefined;
    try {
      target = await this.server.options.lookup(path);
    } catch (err) {
      this.server.options.onError?.(err as Error, this.remoteAddress);
      return this.reply(req, 503, 'Service Unavailable');
    }
    if (this.isClosed) return;
    if (!target) {
      this.reply(req, 404, 'Not Found');
      this.close('unknown path');
      return;
    }
    if (!this.authenticate(req, target, path)) return;
    const type = header(req.headers, 'content-type');
    if (type && !/^application\/sdp\b/i.test(type)) return this.reply(req, 415, 'Unsupported Media Type');
    let sdp: Sdp;
    let stream: VideoStreamInfo;
    try {
      sdp = parseSdp(req.body.toString('utf8'));
      if (sdp.media.length > 8) throw new Error('too many media sections');
      stream = selectVideo(sdp, req.uri);
    } catch {
      return this.reply(req, 415, 'Unsupported Media Type');
    }
    this.target = target;
    this.path = path;
    this.announceUrl = req.uri;
    this.sdp = sdp;
    this.stream = stream;
    this.state = 'announced';
    this.reply(req, 200, 'OK', [['Session', this.sessionId]]);
  }

  /** Digest check; answers 401 (and closes after too many failures) when it fails. */
  private authenticate(req: RtspServerRequest, target: PublishTarget, path: string): boolean {
    const authorization = header(req.headers, 'authorization');
    const verdict = authorization
      ? this.server.digest.verify(authorization, req.method, target.credentials, (uri) => requestPath(uri)?.startsWith(path) ?? false)
      : 'invalid';
    if (verdict === 'ok') {
      if (!this.authenticated) {
        this.authenticated = true;
        this.server.unauthenticated--;
      }
      return true;
    }
    let blocked = false;
    if (authorization && verdict === 'invalid') {
      this.authFailures++;
      blocked = this.server.authFailed(this.remoteAddress);
    }
    this.reply(req, 401, 'Unauthorized', [['WWW-Authenticate', this.server.digest.challenge(verdict === 'stale')]]);
    if (blocked) this.close('address blocked after failed authentications');
    else if (this.authFailures >= this.server.limits.maxAuthFailures) this.close('authentication failed');
    return false;
  }

  private checkSession(req: RtspServerRequest): boolean {
    const s = header(req.headers, 'session')?.split(';')[0]?.trim();
    if (s === this.sessionId) return true;
    this.reply(req, 454, 'Session Not Found');
    return false;
  }

  private samePath(path: string | undefined): boolean {
    return !!path && !!this.path && (path === this.path || path.startsWith(`${this.path}/`));
  }

  private setup(req: RtspServerRequest, path: string | undefined): void {
    if (this.state !== 'announced' || !this.sdp || !this.stream) return this.reply(req, 455, 'Method Not Valid in This State');
    if (!this.samePath(path)) return this.reply(req, 404, 'Not Found');
    const s = header(req.headers, 'session');
    if (s !== undefined && !this.checkSession(req)) return;
    const value = header(req.headers, 'transport');
    if (!value) return this.reply(req, 461, 'Unsupported Transport');
    // The client may offer several transports: take the first TCP interleaved one.
    const specs = value.split(',').map((v) => parseTransport(v));
    const spec = specs.find((t) => /^RTP\/AVP(\/AVPF)?\/TCP$/i.test(t.protocol) || /^RTP\/AVP\/TCP/i.test(t.protocol));
    if (!spec || !spec.unicast || (spec.mode !== undefined && !/record/i.test(spec.mode)))
      return this.reply(req, 461, 'Unsupported Transport');
    // Which media section is this?
    const base = this.announceUrl!;
    const index = this.sdp.media.findIndex((m) => sameUrl(resolveControlUrl(base, m.control), req.uri));
    if (index < 0 || this.tracks.length >= 8) return this.reply(req, 404, 'Not Found');
    const media = this.sdp.media[index]!;
    const control = resolveControlUrl(base, media.control);
    if (this.tracks.some((t) => t.control === control)) return this.reply(req, 459, 'Aggregate Operation Not Allowed');
    let [rtp, rtcp] = spec.interleaved ?? [this.tracks.length * 2, this.tracks.length * 2 + 1];
    if (
      !(rtp >= 0 && rtp <= 255 && rtcp >= 0 && rtcp <= 255) ||
      this.tracks.some((t) => [t.rtpChannel, t.rtcpChannel].some((c) => c === rtp || c === rtcp))
    ) {
      return this.reply(req, 461, 'Unsupported Transport');
    }
    const video = media === this.sdp.media.find((m) => m.payloadType === this.stream!.payloadType && m.type === 'video');
    this.tracks.push({ control, rtpChannel: rtp, rtcpChannel: rtcp, video });
    this.reply(req, 200, 'OK', [
      ['Transport', `RTP/AVP/TCP;unicast;interleaved=${rtp}-${rtcp};mode=record`],
      ['Session', `${this.sessionId};timeout=${Math.max(1, Math.floor(this.server.limits.idleTimeoutMs / 1000))}`],
    ]);
  }

  private async record(req: RtspServerRequest, path: string | undefined): Promise<void> {
    if (this.state !== 'announced' || !this.stream || !this.target || !this.tracks.some((t) => t.video)) {
      return this.reply(req, 455, 'Method Not Valid in This State');
    }
    if (!this.samePath(path)) return this.reply(req, 404, 'Not Found');
    if (!this.checkSession(req)) return;
    const stream = this.stream;
    let sink: PublishSink;
    try {
      sink = await this.target.open({ path: this.path!, remoteAddress: this.remoteAddress, codec: stream.codec, stream });
    } catch (err) {
      if (err instanceof PublishRefusedError) this.reply(req, err.status, err.reason);
      else {
        this.server.options.onError?.(err as Error, this.remoteAddress);
        this.reply(req, 503, 'Service Unavailable');
      }
      this.close('refused');
      return;
    }
    if (this.isClosed) {
      sink.end?.('connection closed');
      return;
    }
    this.sink = sink;
    this.createDepacketizer(stream, sink);
    this.state = 'recording';
    this.server.stats.sessionsStarted++;
    this.server.stats.publishing++;
    this.server.claim(this.path!, this);
    clearTimeout(this.handshakeTimer);
    this.reply(req, 200, 'OK', [['Session', this.sessionId]]);
  }

  private createDepacketizer(info: VideoStreamInfo, sink: PublishSink): void {
    const onAccessUnit = (au: AccessUnit) => sink.pushAccessUnit(au);
    const onParameterSets = (ps: ParameterSets) => sink.setParameterSets(info.codec, ps);
    const keepParameterSets = this.server.options.keepParameterSets ?? false;
    if (info.codec === 'h264') this.depacketizer = new H264Depacketizer({ onAccessUnit, onParameterSets, keepParameterSets });
    else {
      const donlPresent = h265ParametersFromFmtp(info.sdp.media.find((m) => m.payloadType === info.payloadType)?.fmtp ?? {}).donlPresent;
      this.depacketizer = new H265Depacketizer({ onAccessUnit, onParameterSets, keepParameterSets, donlPresent });
    }
    if (info.sdpParameterSets.sps || info.sdpParameterSets.pps) {
      this.depacketizer.setParameterSets(info.sdpParameterSets);
      sink.setParameterSets(info.codec, this.depacketizer.currentParameterSets);
    }
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

/** The path of an RTSP request URI ("rtsp://h:p/push/x?y" → "/push/x"), or undefined when invalid. */
export function requestPath(uri: string): string | undefined {
  if (uri.length > 2048 || uri.includes('..') || uri.includes('%')) return undefined;
  let p: string;
  if (uri.startsWith('/')) p = uri;
  else {
    try {
      const u = new URL(uri);
      if (u.protocol !== 'rtsp:' && u.protocol !== 'rtsps:') return undefined;
      p = u.pathname;
    } catch {
      return undefined;
    }
  }
  p = p.split('?')[0]!.replace(/\/+$/, '');
  if (p.includes('..') || p.includes('%')) return undefined;
  return p || '/';
}

function sameUrl(a: string, b: string): boolean {
  const pa = requestPath(a);
  return pa !== undefined && pa === requestPath(b);
}

/** A StreamHub (or anything with the same two methods) as a publish sink. */
export function hubPublishSink(
  hub: Pick<PublishSink, 'setParameterSets' | 'pushAccessUnit'>,
  onEnd?: (reason: string) => void,
): PublishSink {
  return {
    setParameterSets: (codec, ps) => hub.setParameterSets(codec, ps),
    pushAccessUnit: (au) => hub.pushAccessUnit(au),
    ...(onEnd ? { end: onEnd } : {}),
  };
}
