/**
 * One RTSP publisher connection (RFC 2326, record side), at most one session: OPTIONS (§10.1) →
 * ANNOUNCE with the SDP (§10.3, RFC 4566), authenticated per path with Digest (RFC 2617) →
 * SETUP of each track (§10.4, rtsp-publish-transport.ts) → RECORD (§10.11), then interleaved
 * RTP (§10.12) into the H.264/H.265 depacketizers until TEARDOWN (§10.7), a timeout or a
 * protocol violation. State errors answer 455 (§11.3.11), unknown sessions 454.
 */
import { randomBytes } from 'node:crypto';
import type net from 'node:net';
import type { AccessUnit, ParameterSets } from './access-unit';
import { H264Depacketizer } from './h264-depacketizer';
import { H265Depacketizer } from './h265-depacketizer';
import { InterleavedDemuxer } from './interleaved-demuxer';
import type { NalDepacketizer } from './nal-depacketizer';
import { createRtpHeader, parseRtpHeader, SequenceTracker } from './rtp';
import { selectVideo } from './rtsp-describe';
import { header, type RtspServerRequest, serializeResponse } from './rtsp-message';
import { interleavedChannels, pickRecordTransport, recordTransportAnswer } from './rtsp-publish-transport';
import {
  type PublishConnectionHandle,
  type PublishHost,
  PublishRefusedError,
  type PublishSink,
  type PublishTarget,
} from './rtsp-publish-types';
import { requestPath, sameUrl } from './rtsp-request-path';
import type { VideoStreamInfo } from './rtsp-session-types';
import { h265ParametersFromFmtp, parseSdp, resolveControlUrl, type Sdp } from './sdp';

const ALLOWED_METHODS = 'OPTIONS, ANNOUNCE, SETUP, RECORD, TEARDOWN, GET_PARAMETER, SET_PARAMETER';
const MAX_HEAD_BYTES = 8 * 1024;

interface TrackSetup {
  control: string;
  rtpChannel: number;
  rtcpChannel: number;
  video: boolean;
}

type State = 'init' | 'announced' | 'recording' | 'closed';

/** One publisher connection (at most one session). */
export class PublishConnection implements PublishConnectionHandle {
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
    private readonly server: PublishHost,
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
    const spec = pickRecordTransport(header(req.headers, 'transport'));
    if (!spec) return this.reply(req, 461, 'Unsupported Transport');
    // Which media section is this?
    const base = this.announceUrl!;
    const index = this.sdp.media.findIndex((m) => sameUrl(resolveControlUrl(base, m.control), req.uri));
    if (index < 0 || this.tracks.length >= 8) return this.reply(req, 404, 'Not Found');
    const media = this.sdp.media[index]!;
    const control = resolveControlUrl(base, media.control);
    if (this.tracks.some((t) => t.control === control)) return this.reply(req, 459, 'Aggregate Operation Not Allowed');
    const channels = interleavedChannels(spec, this.tracks);
    if (!channels) return this.reply(req, 461, 'Unsupported Transport');
    const [rtp, rtcp] = channels;
    const video = media === this.sdp.media.find((m) => m.payloadType === this.stream!.payloadType && m.type === 'video');
    this.tracks.push({ control, rtpChannel: rtp, rtcpChannel: rtcp, video });
    this.reply(req, 200, 'OK', [
      ['Transport', recordTransportAnswer(rtp, rtcp)],
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
