/**
 * One RTSP 1.0 session (RFC 2326) over one TCP connection: OPTIONS (§10.1) → DESCRIBE (§10.2,
 * rtsp-describe.ts) → SETUP (§10.4, TCP interleaved by default or RTP over UDP, rtsp-setup-transport.ts)
 * → PLAY (§10.5), then keep-alive (§12.37, rtsp-keepalive.ts) and media reception until TEARDOWN
 * (§10.7). The video track is always set up; an AAC audio track only with `audio: 'pass'`.
 * Reconnection lives in RtspClient; this class fails fast with an RtspError (rtsp-status.ts) and
 * reports how it ended.
 */
import net from 'node:net';
import type { AccessUnit, ParameterSets } from './access-unit';
import { type AudioDepacketizer, AudioTimeline, createAudioDepacketizer, type RawAudioFrame } from './audio-depacketizer';
import { RtspError, socketErrorToRtspError } from './errors';
import { H264Depacketizer } from './h264-depacketizer';
import { H265Depacketizer } from './h265-depacketizer';
import { InterleavedDemuxer } from './interleaved-demuxer';
import type { NalDepacketizer } from './nal-depacketizer';
import { senderReportNtpMiddle } from './rtcp';
import { createRtpHeader, parseRtpHeader, SequenceTracker } from './rtp';
import { parseWwwAuthenticate, RtspAuthenticator } from './rtsp-auth';
import { readDescribeAnswer, selectAudio, selectVideo } from './rtsp-describe';
import { keepAliveIntervalMs, keepAliveMethod, type ReportState, receiverReport } from './rtsp-keepalive';
import { header, parsePublic, type RtspResponse, type RtspServerRequest, serializeRequest, serializeResponse } from './rtsp-message';
import {
  type AudioStreamInfo,
  DEFAULT_USER_AGENT,
  type RtspSessionOptions,
  type SessionCallbacks,
  type SessionCounters,
  type VideoStreamInfo,
  zeroCounters,
} from './rtsp-session-types';
import { readSetupAnswer, readSetupSession, setupRefusalTolerated, transportRequest } from './rtsp-setup-transport';
import { statusError, toRtspError } from './rtsp-status';
import { parseRtspUrl } from './rtsp-url';
import { h265ParametersFromFmtp, resolveControlUrl, type Sdp } from './sdp';
import { UdpTrack } from './udp-transport';

export { readDescribeAnswer, selectAudio, selectVideo } from './rtsp-describe';
export {
  type AudioMode,
  type AudioStreamInfo,
  DEFAULT_USER_AGENT,
  type RtspSessionOptions,
  type RtspTransport,
  type SessionCallbacks,
  type SessionCounters,
  type VideoStreamInfo,
  zeroCounters,
} from './rtsp-session-types';
export { parseRtspUrl } from './rtsp-url';

interface Pending {
  resolve(res: RtspResponse): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export class RtspSession {
  readonly counters: SessionCounters = zeroCounters();
  /** Resolves when the connection ends (after open() succeeded or failed), with the cause. */
  readonly closed: Promise<RtspError>;
  info: VideoStreamInfo | undefined;
  depacketizer: NalDepacketizer | undefined;

  private readonly target: ReturnType<typeof parseRtspUrl>;
  private socket: net.Socket | undefined;
  private readonly demuxer: InterleavedDemuxer;
  private readonly pending = new Map<number, Pending>();
  private cseq = 0;
  private sessionId: string | undefined;
  private sessionTimeoutSec: number | undefined;
  private auth: RtspAuthenticator | undefined;
  private publicMethods = new Set<string>();
  private rtpChannel = -1;
  private rtcpChannel = -1;
  private readonly rtp = createRtpHeader();
  private readonly seq = new SequenceTracker();
  private ssrc: number | undefined;
  private audioInfo: AudioStreamInfo | undefined;
  private audioDepacketizer: AudioDepacketizer | undefined;
  private audioTimeline: AudioTimeline | undefined;
  private audioChannel = -1;
  private audioRtcpChannel = -1;
  private readonly audioSeq = new SequenceTracker();
  private audioSsrc: number | undefined;
  private videoUdp: UdpTrack | undefined;
  private audioUdp: UdpTrack | undefined;
  private lastSr: { video?: { ntp: number; at: number }; audio?: { ntp: number; at: number } } = {};
  private rtcpTimer: NodeJS.Timeout | undefined;
  private readonly rtcpSsrc = (Math.random() * 0xffffffff) >>> 0;
  private readonly lastReport: Record<'video' | 'audio', ReportState> = {
    video: { expected: 0, lost: 0 },
    audio: { expected: 0, lost: 0 },
  };
  private transportInUse: 'tcp' | 'udp' = 'tcp';
  private keepAliveTimer: NodeJS.Timeout | undefined;
  private dataTimer: NodeJS.Timeout | undefined;
  private resolveClosed!: (err: RtspError) => void;
  private ended = false;
  private closing = false;
  private readonly opts: Required<Pick<RtspSessionOptions, 'connectTimeoutMs' | 'requestTimeoutMs' | 'dataTimeoutMs' | 'userAgent'>>;

  constructor(
    private readonly options: RtspSessionOptions,
    private readonly callbacks: SessionCallbacks,
  ) {
    this.target = parseRtspUrl(options.url, options.username, options.password);
    this.opts = {
      connectTimeoutMs: options.connectTimeoutMs ?? 5000,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      dataTimeoutMs: options.dataTimeoutMs ?? 10_000,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    };
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    this.demuxer = new InterleavedDemuxer({
      onInterleaved: (ch, buf, start, end) => this.onInterleaved(ch, buf, start, end),
      onResponse: (res) => this.onResponse(res),
      onRequest: (req) => this.onServerRequest(req),
      isChannelValid: (ch) =>
        this.rtpChannel < 0 ||
        ch === this.rtpChannel ||
        ch === this.rtcpChannel ||
        ch === this.audioChannel ||
        ch === this.audioRtcpChannel,
    });
  }

  /** Connects and starts playing. Rejects with an RtspError (the session is then closed). */
  async open(): Promise<VideoStreamInfo> {
    try {
      await this.connect();
      const url = this.target.url;
      const options = await this.request('OPTIONS', url, [], { allowFailure: true });
      if (options.status >= 200 && options.status < 300) this.publicMethods = parsePublic(header(options.headers, 'public'));

      const describe = await this.request('DESCRIBE', url, [['Accept', 'application/sdp']]);
      const { base, sdp } = readDescribeAnswer(describe, url);
      const info = selectVideo(sdp, base);
      this.info = info;
      this.createDepacketizer(info);

      const mode = this.options.transport ?? 'tcp';
      let udp = mode !== 'tcp';
      const video = await this.setupTrack(info.controlUrl, 0, udp, mode === 'auto');
      if (!video) {
        udp = false; // 461 in 'auto': TCP interleaved instead
        await this.setupTrack(info.controlUrl, 0, false, false);
      }
      this.transportInUse = udp ? 'udp' : 'tcp';
      info.transport = this.transportInUse;
      if (this.options.audio === 'pass') await this.setupAudio(info, sdp, base, udp);

      this.callbacks.onAudioTrack?.(info.audio);
      const aggregate = sdp.control ? resolveControlUrl(base, sdp.control) : base;
      await this.request('PLAY', aggregate, [['Range', 'npt=0.000-']]);
      this.startTimers();
      return info;
    } catch (err) {
      const e = toRtspError(err);
      this.end(e);
      throw e;
    }
  }

  /** Closes the session; sends TEARDOWN first (best effort, bounded wait) when playing. */
  async close(teardown = true): Promise<void> {
    if (this.ended || this.closing) return this.closed.then(() => undefined);
    this.closing = true;
    if (teardown && this.sessionId && this.socket && !this.socket.destroyed) {
      const uri = this.target.url;
      try {
        await this.request('TEARDOWN', uri, [], { allowFailure: true, timeoutMs: 1000 });
      } catch {
        // ignore: we are closing anyway
      }
    }
    this.end(new RtspError('RTSP_ABORTED', 'session closed by the client'));
  }

  /** Transport of the media once set up. */
  get transport(): 'tcp' | 'udp' {
    return this.transportInUse;
  }

  get sequenceTracker(): SequenceTracker {
    return this.seq;
  }

  // ---- connection ------------------------------------------------------------------------

  private connect(): Promise<void> {
    const { host, port } = this.target;
    return new Promise<void>((resolve, reject) => {
      const readBuffer = Buffer.allocUnsafe(this.options.readBufferSize ?? 64 * 1024);
      const socket = net.connect({
        host,
        port,
        noDelay: true,
        onread: {
          buffer: readBuffer,
          callback: (nread: number, buf: Uint8Array) => {
            this.onData(buf as Buffer, nread);
            return true;
          },
        },
      });
      this.socket = socket;
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new RtspError('RTSP_CONNECT_FAILED', `connection to ${host}:${port} timed out`));
      }, this.opts.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.setKeepAlive(true, 15_000);
        resolve();
      });
      socket.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const e = socketErrorToRtspError(err, host, port);
        reject(e);
        this.end(e);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        reject(new RtspError('RTSP_CONNECT_FAILED', `connection to ${host}:${port} closed`));
        this.end(new RtspError('RTSP_CONNECTION_CLOSED', `connection to ${host}:${port} closed by the server`));
      });
    });
  }

  private onData(buf: Buffer, nread: number): void {
    if (this.ended) return;
    this.counters.bytesReceived += nread;
    try {
      this.demuxer.push(buf, 0, nread);
    } catch (err) {
      this.end(toRtspError(err));
    }
  }

  private end(err: RtspError): void {
    if (this.ended) return;
    this.ended = true;
    if (this.keepAliveTimer) clearInterval(this.keepAliveTimer);
    if (this.dataTimer) clearInterval(this.dataTimer);
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
    if (this.rtcpTimer) clearInterval(this.rtcpTimer);
    this.depacketizer?.flush();
    this.videoUdp?.close();
    this.audioUdp?.close();
    this.socket?.destroy();
    this.resolveClosed(err);
  }

  // ---- requests --------------------------------------------------------------------------

  private async request(
    method: string,
    uri: string,
    headers: Array<[string, string]>,
    opts: { allowFailure?: boolean; timeoutMs?: number } = {},
  ): Promise<RtspResponse> {
    let res = await this.send(method, uri, headers, opts.timeoutMs);
    let authRetries = 0;
    while (res.status === 401 && authRetries < 2) {
      const { username, password } = this.target;
      if (username === undefined) {
        throw new RtspError('RTSP_AUTH_FAILED', 'the camera requires credentials and none were configured', 401);
      }
      const challenges = parseWwwAuthenticate(res.headers.get('www-authenticate') ?? []);
      const stale = challenges.some((c) => c.params.stale?.toLowerCase() === 'true');
      // A second 401 without stale=true means the credentials were rejected.
      if (authRetries > 0 && !stale) break;
      this.auth ??= new RtspAuthenticator(username, password ?? '');
      if (!this.auth.setChallenges(challenges)) {
        throw new RtspError('RTSP_AUTH_FAILED', 'no supported authentication scheme offered by the camera', 401);
      }
      authRetries++;
      res = await this.send(method, uri, headers, opts.timeoutMs);
    }
    if (res.status >= 200 && res.status < 300) return res;
    if (opts.allowFailure) return res;
    throw statusError(method, res);
  }

  private send(method: string, uri: string, extra: Array<[string, string]>, timeoutMs?: number): Promise<RtspResponse> {
    const socket = this.socket;
    if (!socket || socket.destroyed || this.ended) {
      return Promise.reject(new RtspError('RTSP_CONNECTION_CLOSED', 'connection is closed'));
    }
    const cseq = ++this.cseq;
    const headers: Array<[string, string]> = [
      ['CSeq', String(cseq)],
      ['User-Agent', this.opts.userAgent],
    ];
    const authorization = this.auth?.authorize(method, uri);
    if (authorization) headers.push(['Authorization', authorization]);
    if (this.sessionId) headers.push(['Session', this.sessionId]);
    headers.push(...extra);
    return new Promise<RtspResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(cseq);
        reject(new RtspError('RTSP_TIMEOUT', `no answer to ${method} within ${timeoutMs ?? this.opts.requestTimeoutMs} ms`));
      }, timeoutMs ?? this.opts.requestTimeoutMs);
      this.pending.set(cseq, { resolve, reject, timer });
      socket.write(serializeRequest(method, uri, headers));
    });
  }

  private onResponse(res: RtspResponse): void {
    const cseq = Number.parseInt(header(res.headers, 'cseq') ?? '', 10);
    let p = this.pending.get(cseq);
    if (!p && !Number.isFinite(cseq) && this.pending.size === 1) {
      // Some cameras omit CSeq: with a single request in flight the match is unambiguous.
      p = this.pending.values().next().value;
    }
    if (!p) return;
    this.pending.delete(Number.isFinite(cseq) ? cseq : [...this.pending.keys()][0]!);
    clearTimeout(p.timer);
    p.resolve(res);
  }

  private onServerRequest(req: RtspServerRequest): void {
    // Servers may ping us (OPTIONS/GET_PARAMETER) or announce things; answer politely.
    const cseq = header(req.headers, 'cseq') ?? '0';
    const ok = req.method === 'OPTIONS' || req.method === 'GET_PARAMETER' || req.method === 'SET_PARAMETER';
    const headers: Array<[string, string]> = [['CSeq', cseq]];
    if (this.sessionId) headers.push(['Session', this.sessionId]);
    this.socket?.write(serializeResponse(ok ? 200 : 501, ok ? 'OK' : 'Not Implemented', headers));
  }

  // ---- setup -----------------------------------------------------------------------------

  /**
   * SETUP of one track (channel 0-1 video, 2-3 audio). Over UDP a port pair is bound first.
   * Returns false when `fallback` is set and the camera refused UDP (461).
   */
  private async setupTrack(controlUrl: string, firstChannel: number, udp: boolean, fallback: boolean, optional = false): Promise<boolean> {
    const isVideo = firstChannel === 0;
    let track: UdpTrack | undefined;
    if (udp) {
      const socket = this.socket!;
      track = await UdpTrack.open({
        bindAddress: socket.localAddress ?? '0.0.0.0',
        peerAddress: socket.remoteAddress ?? this.target.host,
        onRtp: (p) => {
          if (!isVideo) return this.onAudioRtp(p, 0, p.length);
          const j = this.videoUdp?.jitter.stats;
          if (j) {
            this.counters.rtpReordered = j.reordered;
            this.counters.rtpSkipped = j.skips;
          }
          this.onVideoRtp(p, 0, p.length);
        },
        onRtcp: (p) => this.onRtcp(isVideo ? 'video' : 'audio', p, 0, p.length),
        ...(this.options.jitter ? { jitter: this.options.jitter } : {}),
      });
      if (this.ended) {
        track.close();
        throw new RtspError('RTSP_CONNECTION_CLOSED', 'connection is closed');
      }
      if (isVideo) this.videoUdp = track;
      else this.audioUdp = track;
    }
    const spec = transportRequest(firstChannel, track);
    const res = await this.request('SETUP', controlUrl, [['Transport', spec]], { allowFailure: true });
    if (res.status < 200 || res.status >= 300) {
      track?.close();
      if (isVideo) this.videoUdp = undefined;
      else this.audioUdp = undefined;
      if (setupRefusalTolerated(res.status, fallback, optional)) return false;
      throw statusError('SETUP', res);
    }
    const answer = readSetupAnswer(res, udp, firstChannel);
    if (track) track.setServerRtcpPort(answer.serverRtcpPort);
    if (isVideo) {
      this.rtpChannel = udp ? -2 : answer.rtpChannel; // -2: no interleaved channel, but set up
      this.rtcpChannel = answer.rtcpChannel;
      this.ssrc = answer.ssrc;
    } else {
      this.audioChannel = answer.rtpChannel;
      this.audioRtcpChannel = answer.rtcpChannel;
      this.audioSsrc = answer.ssrc;
    }
    if (!this.sessionId) {
      const session = readSetupSession(res);
      this.sessionId = session.id;
      this.sessionTimeoutSec = session.timeoutSec;
    }
    return true;
  }

  /** Sets up the AAC track when the SDP offers one; a refusal leaves the session video-only. */
  private async setupAudio(info: VideoStreamInfo, sdp: Sdp, base: string, udp: boolean): Promise<void> {
    const chosen = selectAudio(sdp, base);
    if (!chosen || chosen.codec !== 'aac') return; // G.711 cannot be played by browsers from MP4: dropped
    const media = sdp.media.find((m) => m.type === 'audio' && m.payloadType === chosen.payloadType)!;
    if (!(await this.setupTrack(chosen.controlUrl, 2, udp, false, true))) return;
    info.audio = chosen;
    info.ignoredMedia = info.ignoredMedia.filter((m) => m !== `audio/${media.encoding || media.payloadType}`);
    this.audioInfo = chosen;
    this.audioTimeline = new AudioTimeline(chosen.clockRate);
    const onFrame = (f: RawAudioFrame) => this.onAudioFrame(f);
    this.audioDepacketizer = createAudioDepacketizer(chosen.codec, media.fmtp, chosen.channels, onFrame);
  }

  // ---- media -----------------------------------------------------------------------------

  private createDepacketizer(info: VideoStreamInfo): void {
    const onAccessUnit = (au: AccessUnit) => {
      this.audioTimeline?.onVideo(au.timestamp90k, au.receivedAt);
      this.callbacks.onAccessUnit(au);
    };
    const onParameterSets = (ps: ParameterSets) => this.callbacks.onParameterSets(info.codec, ps);
    const keepParameterSets = this.options.keepParameterSets ?? false;
    if (info.codec === 'h264') {
      this.depacketizer = new H264Depacketizer({ onAccessUnit, onParameterSets, keepParameterSets });
    } else {
      const donlPresent = h265ParametersFromFmtp(info.sdp.media.find((m) => m.payloadType === info.payloadType)?.fmtp ?? {}).donlPresent;
      this.depacketizer = new H265Depacketizer({ onAccessUnit, onParameterSets, keepParameterSets, donlPresent });
    }
    if (info.sdpParameterSets.sps || info.sdpParameterSets.pps) {
      this.depacketizer.setParameterSets(info.sdpParameterSets);
      this.callbacks.onParameterSets(info.codec, this.depacketizer.currentParameterSets);
    }
  }

  private onInterleaved(channel: number, buf: Buffer, start: number, end: number): void {
    if (channel === this.rtpChannel) return this.onVideoRtp(buf, start, end);
    if (channel === this.rtcpChannel) return this.onRtcp('video', buf, start, end);
    if (channel === this.audioChannel) return this.onAudioRtp(buf, start, end);
    if (channel === this.audioRtcpChannel) return this.onRtcp('audio', buf, start, end);
    this.counters.ignoredPackets++;
  }

  /** Parses the RTP header into this.rtp; false (and counted) for a bad packet or another payload type. */
  private readRtp(buf: Buffer, start: number, end: number, payloadType: number): boolean {
    try {
      parseRtpHeader(buf, start, end - start, this.rtp);
    } catch {
      this.counters.badRtpPackets++;
      return false;
    }
    if (this.rtp.payloadType !== payloadType) {
      this.counters.ignoredPackets++;
      return false;
    }
    return true;
  }

  private onVideoRtp(buf: Buffer, start: number, end: number): void {
    if (this.ended || !this.depacketizer || !this.info) {
      this.counters.ignoredPackets++;
      return;
    }
    if (!this.readRtp(buf, start, end, this.info.payloadType)) return;
    const h = this.rtp;
    if (this.ssrc !== undefined && h.ssrc !== this.ssrc) {
      // New source (camera restarted its encoder): start over with fresh sequence state.
      this.seq.resync();
      this.depacketizer.reset();
      this.audioTimeline?.reset();
    }
    this.ssrc = h.ssrc;
    this.counters.rtpPackets++;
    this.counters.rtpBytes += end - start;
    const lost = this.seq.push(h.sequence);
    if (lost > 0) {
      this.counters.rtpLost += lost;
      this.counters.rtpGaps++;
    }
    this.counters.rtpLate = this.seq.late;
    this.depacketizer.push(buf, h.payloadOffset, h.payloadOffset + h.payloadLength, h.sequence, h.timestamp, h.marker);
  }

  private onAudioRtp(buf: Buffer, start: number, end: number): void {
    const dep = this.audioDepacketizer;
    if (this.ended || !dep || !this.audioInfo) {
      this.counters.ignoredPackets++;
      return;
    }
    if (!this.readRtp(buf, start, end, this.audioInfo.payloadType)) return;
    const h = this.rtp;
    if (this.audioSsrc !== undefined && h.ssrc !== this.audioSsrc) {
      this.audioSeq.resync();
      dep.reset();
      this.audioTimeline?.reset();
    }
    this.audioSsrc = h.ssrc;
    this.counters.audioPackets++;
    this.counters.audioLost += this.audioSeq.push(h.sequence);
    dep.push(buf, h.payloadOffset, h.payloadOffset + h.payloadLength, h.sequence, h.timestamp, h.marker);
  }

  private onAudioFrame(f: RawAudioFrame): void {
    const now = Date.now();
    const ts = this.audioTimeline?.place(f.rtpTimestamp, now);
    if (ts === undefined || !this.audioInfo) return; // no video yet to anchor to
    this.counters.audioFrames++;
    this.callbacks.onAudioFrame?.({ codec: this.audioInfo.codec, timestamp90k: ts, samples: f.samples, data: f.data, receivedAt: now });
  }

  private onRtcp(kind: 'video' | 'audio', buf: Buffer, start: number, end: number): void {
    this.counters.rtcpPackets++;
    if (this.transportInUse !== 'udp') return;
    const sr = senderReportNtpMiddle(start === 0 && end === buf.length ? buf : buf.subarray(start, end));
    if (sr) this.lastSr[kind] = { ntp: sr.ntpMiddle, at: Date.now() };
  }

  /** UDP: one receiver report per track (RFC 3550 §6.4.2), so cameras know we are alive. */
  private sendReceiverReports(): void {
    const now = Date.now();
    const report = (kind: 'video' | 'audio', track: UdpTrack | undefined, seq: SequenceTracker, ssrc: number | undefined) => {
      if (!track || ssrc === undefined) return;
      track.sendRtcp(receiverReport(this.rtcpSsrc, this.opts.userAgent, ssrc, seq, this.lastReport[kind], this.lastSr[kind], now));
    };
    report('video', this.videoUdp, this.seq, this.ssrc);
    report('audio', this.audioUdp, this.audioSeq, this.audioSsrc);
  }

  private startTimers(): void {
    const keepAliveMs = keepAliveIntervalMs(this.options.keepAliveIntervalMs, this.sessionTimeoutSec);
    this.keepAliveTimer = setInterval(() => {
      this.request(keepAliveMethod(this.publicMethods), this.target.url, [], { allowFailure: true }).catch(() => {
        // A lost keep-alive answer is not fatal by itself: the data timeout decides.
      });
    }, keepAliveMs);
    this.keepAliveTimer.unref?.();
    let lastPackets = this.counters.rtpPackets;
    let lastChange = Date.now();
    const checkEvery = Math.max(250, Math.floor(this.opts.dataTimeoutMs / 4));
    this.dataTimer = setInterval(() => {
      const now = Date.now();
      if (this.counters.rtpPackets !== lastPackets) {
        lastPackets = this.counters.rtpPackets;
        lastChange = now;
      } else if (now - lastChange >= this.opts.dataTimeoutMs) {
        this.end(new RtspError('RTSP_TIMEOUT', `no media received for ${this.opts.dataTimeoutMs} ms`));
      }
    }, checkEvery);
    this.dataTimer.unref?.();
    if (this.transportInUse === 'udp') {
      this.rtcpTimer = setInterval(() => this.sendReceiverReports(), this.options.rtcpIntervalMs ?? 5000);
      this.rtcpTimer.unref?.();
      if ((this.options.transport ?? 'tcp') === 'auto') {
        // Firewall/NAT dropping UDP: give up early so the client retries over TCP.
        const noDataMs = this.options.udpNoDataMs ?? 3000;
        const t = setTimeout(() => {
          if (this.counters.rtpPackets === 0)
            this.end(new RtspError('RTSP_UNSUPPORTED_TRANSPORT', `no RTP over UDP within ${noDataMs} ms`));
        }, noDataMs);
        t.unref?.();
        void this.closed.then(() => clearTimeout(t));
      }
    }
  }
}
