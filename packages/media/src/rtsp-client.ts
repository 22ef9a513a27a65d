/**
 * Reconnecting RTSP client for one camera: runs RtspSession after RtspSession with capped
 * exponential backoff + jitter, and exposes the video as access units.
 *
 * Events (typed in RtspClientEvents):
 *   'connecting' (attempt)                 a connection attempt starts
 *   'playing' (info)                       PLAY succeeded
 *   'parameterSets' (codec, ps)            SPS/PPS(/VPS) from SDP or changed in-band
 *   'accessUnit' (au)                      one video frame
 *   'audioTrack' (track | undefined)       audio of the session being set up (before PLAY)
 *   'audioFrame' (frame)                   one audio frame (audio 'pass' and an AAC track)
 *   'disconnect' (error, retryInMs)        the session failed or ended; retry scheduled
 *   'stopped'                              stop() finished
 *
 * Also async-iterable: `for await (const au of client) …` (bounded queue, oldest frames
 * dropped when the consumer is slower than the camera).
 */
import { EventEmitter } from 'node:events';
import type { AccessUnit, AudioFrame, AudioTrackInfo, ParameterSets, VideoCodec } from './access-unit';
import { type BackoffOptions, ReconnectBackoff } from './backoff';
import { RtspError } from './errors';
import type { DepacketizerStats } from './nal-depacketizer';
import { RtspSession, type RtspSessionOptions, type SessionCounters, type VideoStreamInfo, zeroCounters } from './rtsp-session';

export interface RtspClientOptions extends RtspSessionOptions {
  /** Reconnect after failures (default true). When false the client stops after the first failure. */
  reconnect?: boolean;
  backoff?: Partial<BackoffOptions>;
  /** A session that delivered frames for this long resets the backoff (default 10 s). */
  stableAfterMs?: number;
  /** Injected randomness for the backoff jitter (tests). */
  random?: () => number;
}

export type RtspClientState = 'idle' | 'connecting' | 'playing' | 'waiting' | 'stopped';

export interface RtspClientStats extends SessionCounters {
  sessions: number;
  reconnects: number;
  accessUnits: number;
  keyframes: number;
  droppedNalUnits: number;
  oversizedAccessUnits: number;
  lastAccessUnitAt: number | undefined;
  lastError: { code: string; message: string; at: number } | undefined;
}

export interface RtspClientEvents {
  connecting: [attempt: number];
  playing: [info: VideoStreamInfo];
  parameterSets: [codec: VideoCodec, ps: ParameterSets];
  accessUnit: [au: AccessUnit];
  audioTrack: [track: AudioTrackInfo | undefined];
  audioFrame: [frame: AudioFrame];
  disconnect: [error: RtspError, retryInMs: number | undefined];
  stopped: [];
}

const ZERO_COUNTERS: Readonly<SessionCounters> = zeroCounters();

export class RtspClient extends EventEmitter<RtspClientEvents> {
  private stateValue: RtspClientState = 'idle';
  private session: RtspSession | undefined;
  private stopRequested = false;
  private reconnect: ReconnectBackoff | undefined;
  private runPromise: Promise<void> | undefined;
  private past: SessionCounters = { ...ZERO_COUNTERS };
  private pastDepacketizer = { accessUnits: 0, keyframes: 0, droppedNalUnits: 0, oversizedAccessUnits: 0 };
  private sessions = 0;
  private lastAccessUnitAt: number | undefined;
  private lastError: RtspClientStats['lastError'];
  private infoValue: VideoStreamInfo | undefined;
  private parameterSetsValue: ParameterSets = {};
  /** transport 'auto' after UDP failed once: TCP interleaved for the rest of this client's life. */
  private udpFailed = false;

  constructor(readonly options: RtspClientOptions) {
    super();
  }

  get state(): RtspClientState {
    return this.stateValue;
  }

  /** Video stream of the current/last session. */
  get info(): VideoStreamInfo | undefined {
    return this.infoValue;
  }

  get parameterSets(): ParameterSets {
    return this.parameterSetsValue;
  }

  get stats(): RtspClientStats {
    const cur = this.session?.counters ?? ZERO_COUNTERS;
    const dep: Partial<DepacketizerStats> = this.session?.depacketizer?.stats ?? {};
    const sum = {} as SessionCounters;
    for (const k of Object.keys(ZERO_COUNTERS) as (keyof SessionCounters)[]) sum[k] = this.past[k] + cur[k];
    return {
      ...sum,
      sessions: this.sessions,
      reconnects: Math.max(0, this.sessions - 1),
      accessUnits: this.pastDepacketizer.accessUnits + (dep.accessUnits ?? 0),
      keyframes: this.pastDepacketizer.keyframes + (dep.keyframes ?? 0),
      droppedNalUnits: this.pastDepacketizer.droppedNalUnits + (dep.droppedNalUnits ?? 0),
      oversizedAccessUnits: this.pastDepacketizer.oversizedAccessUnits + (dep.oversizedAccessUnits ?? 0),
      lastAccessUnitAt: this.lastAccessUnitAt,
      lastError: this.lastError,
    };
  }

  /** Starts the connection loop (idempotent). */
  start(): this {
    if (!this.runPromise) {
      this.stopRequested = false;
      this.runPromise = this.run().finally(() => {
        this.stateValue = 'stopped';
        this.emit('stopped');
      });
    }
    return this;
  }

  /** Stops: TEARDOWN of the current session, no more reconnects. Resolves when fully stopped. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.reconnect?.wake();
    await this.session?.close(true);
    await this.runPromise;
  }

  private async run(): Promise<void> {
    const reconnect = new ReconnectBackoff(this.options);
    this.reconnect = reconnect;
    while (!this.stopRequested) {
      this.stateValue = 'connecting';
      this.emit('connecting', reconnect.attempt);
      const transport = this.options.transport === 'auto' && this.udpFailed ? 'tcp' : this.options.transport;
      const session = new RtspSession(
        { ...this.options, ...(transport ? { transport } : {}) },
        {
          onAccessUnit: (au) => {
            this.lastAccessUnitAt = au.receivedAt;
            this.emit('accessUnit', au);
          },
          onParameterSets: (codec, ps) => {
            this.parameterSetsValue = ps;
            this.emit('parameterSets', codec, ps);
          },
          onAudioTrack: (track) => this.emit('audioTrack', track),
          onAudioFrame: (frame) => this.emit('audioFrame', frame),
        },
      );
      this.session = session;
      this.sessions++;
      let error: RtspError;
      let playingSince: number | undefined;
      try {
        const info = await session.open();
        if (this.stopRequested) {
          await session.close(true);
          break;
        }
        this.infoValue = info;
        this.stateValue = 'playing';
        playingSince = Date.now();
        this.emit('playing', info);
        error = await session.closed;
      } catch (err) {
        error = err instanceof RtspError ? err : new RtspError('RTSP_PROTOCOL_ERROR', String(err));
      }
      this.accumulate(session);
      this.session = undefined;
      if (this.stopRequested) break;
      this.lastError = { code: error.code, message: error.message, at: Date.now() };
      const udpGaveUp =
        transport === 'auto' &&
        session.transport === 'udp' &&
        error.code === 'RTSP_UNSUPPORTED_TRANSPORT' &&
        session.counters.rtpPackets === 0;
      if (udpGaveUp) {
        // No RTP over UDP (firewall, NAT): retry right away over TCP interleaved.
        this.udpFailed = true;
        this.emit('disconnect', error, 0);
        continue;
      }
      reconnect.settle(playingSince, this.lastAccessUnitAt);
      if (this.options.reconnect === false) {
        this.emit('disconnect', error, undefined);
        break;
      }
      const delay = reconnect.nextDelay();
      this.stateValue = 'waiting';
      this.emit('disconnect', error, delay);
      await reconnect.wait(delay);
    }
  }

  private accumulate(session: RtspSession): void {
    for (const k of Object.keys(ZERO_COUNTERS) as (keyof SessionCounters)[]) this.past[k] += session.counters[k];
    const d = session.depacketizer?.stats;
    if (d) {
      this.pastDepacketizer.accessUnits += d.accessUnits;
      this.pastDepacketizer.keyframes += d.keyframes;
      this.pastDepacketizer.droppedNalUnits += d.droppedNalUnits;
      this.pastDepacketizer.oversizedAccessUnits += d.oversizedAccessUnits;
    }
  }

  /**
   * Async iteration over access units. The iterator ends when the client stops.
   * @param maxQueue frames buffered for a slow consumer before the oldest are dropped.
   */
  async *accessUnits(maxQueue = 64): AsyncGenerator<AccessUnit, void, undefined> {
    const queue: AccessUnit[] = [];
    let notify: (() => void) | undefined;
    let done = false;
    const onAu = (au: AccessUnit) => {
      if (queue.length >= maxQueue) queue.shift();
      queue.push(au);
      notify?.();
    };
    const onStopped = () => {
      done = true;
      notify?.();
    };
    this.on('accessUnit', onAu);
    this.on('stopped', onStopped);
    try {
      while (true) {
        const next = queue.shift();
        if (next) {
          yield next;
          continue;
        }
        if (done || this.stateValue === 'stopped') return;
        await new Promise<void>((resolve) => (notify = resolve));
        notify = undefined;
      }
    } finally {
      this.off('accessUnit', onAu);
      this.off('stopped', onStopped);
    }
  }

  [Symbol.asyncIterator](): AsyncGenerator<AccessUnit, void, undefined> {
    return this.accessUnits();
  }
}
