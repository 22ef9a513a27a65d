/**
 * A camera fed by a publisher (RtspPublishServer) seen through the same surface as a pulling
 * RtspClient (`IngestSource`), so the hub, the recorder and health consume a pushed camera exactly
 * like a pulled one. State: 'waiting' until a publisher records, 'playing' while it does; when it
 * goes away a 'disconnect' is emitted (the next publisher resumes), 'stopped' after stop().
 */
import { EventEmitter } from 'node:events';
import type { AccessUnit, ParameterSets, VideoCodec } from './access-unit';
import { RtspError } from './errors';
import type { RtspClientEvents, RtspClientState, RtspClientStats } from './rtsp-client';
import type { PublishSink, PublishStartInfo } from './rtsp-publish-server';
import { type VideoStreamInfo, zeroCounters } from './rtsp-session';

/** What the hub, recorder and health need from an upstream (RtspClient or PublishedSource). */
export interface IngestSource {
  readonly state: RtspClientState;
  readonly stats: RtspClientStats;
  readonly parameterSets: ParameterSets;
  readonly info: VideoStreamInfo | undefined;
  on<K extends keyof RtspClientEvents>(event: K, listener: (...args: RtspClientEvents[K]) => void): unknown;
  off<K extends keyof RtspClientEvents>(event: K, listener: (...args: RtspClientEvents[K]) => void): unknown;
  stop(): Promise<void>;
}

export class PublishedSource extends EventEmitter<RtspClientEvents> {
  private stateValue: RtspClientState = 'waiting';
  private infoValue: VideoStreamInfo | undefined;
  private parameterSetsValue: ParameterSets = {};
  private current: { sink: PublishSink; remoteAddress: string | undefined } | undefined;
  private kickCurrent: ((reason: string) => void) | undefined;
  private readonly counters = {
    sessions: 0,
    accessUnits: 0,
    keyframes: 0,
    lastAccessUnitAt: undefined as number | undefined,
    lastError: undefined as RtspClientStats['lastError'],
  };

  get state(): RtspClientState {
    return this.stateValue;
  }

  get info(): VideoStreamInfo | undefined {
    return this.infoValue;
  }

  get parameterSets(): ParameterSets {
    return this.parameterSetsValue;
  }

  /** A publisher is recording right now. */
  get publishing(): boolean {
    return this.current !== undefined;
  }

  get stats(): RtspClientStats {
    return {
      ...zeroCounters(),
      sessions: this.counters.sessions,
      reconnects: Math.max(0, this.counters.sessions - 1),
      accessUnits: this.counters.accessUnits,
      keyframes: this.counters.keyframes,
      droppedNalUnits: 0,
      oversizedAccessUnits: 0,
      lastAccessUnitAt: this.counters.lastAccessUnitAt,
      lastError: this.counters.lastError,
    };
  }

  /**
   * A new publisher starts recording: returns its sink. A previous publisher (if any) is
   * disconnected through `kick`, the newest wins.
   */
  attach(info: PublishStartInfo, kick?: (reason: string) => void): PublishSink {
    if (this.stateValue === 'stopped') throw new RtspError('RTSP_ABORTED', 'source stopped');
    const previousKick = this.kickCurrent;
    const me: { sink: PublishSink; remoteAddress: string | undefined } = {
      remoteAddress: info.remoteAddress,
      sink: {
        setParameterSets: (codec: VideoCodec, ps: ParameterSets) => {
          if (this.current !== me) return;
          this.parameterSetsValue = { ...this.parameterSetsValue, ...ps };
          this.emit('parameterSets', codec, this.parameterSetsValue);
        },
        pushAccessUnit: (au: AccessUnit) => {
          if (this.current !== me) return;
          this.counters.accessUnits++;
          if (au.keyframe) this.counters.keyframes++;
          this.counters.lastAccessUnitAt = au.receivedAt;
          this.emit('accessUnit', au);
        },
        end: (reason: string) => {
          if (this.current !== me) return;
          this.current = undefined;
          this.kickCurrent = undefined;
          if (this.stateValue === 'stopped') return;
          this.stateValue = 'waiting';
          const err = new RtspError('RTSP_CONNECTION_CLOSED', `publisher ended: ${reason}`);
          this.counters.lastError = { code: err.code, message: err.message, at: Date.now() };
          this.emit('disconnect', err, undefined);
        },
      },
    };
    if (this.current) {
      const old = this.current;
      this.current = undefined;
      this.emit('disconnect', new RtspError('RTSP_CONNECTION_CLOSED', 'publisher replaced'), 0);
      previousKick?.('replaced by a new publisher');
      void old;
    }
    this.current = me;
    this.kickCurrent = kick;
    this.infoValue = info.stream;
    this.parameterSetsValue = {};
    this.counters.sessions++;
    this.stateValue = 'playing';
    this.emit('playing', info.stream);
    return me.sink;
  }

  async stop(): Promise<void> {
    if (this.stateValue === 'stopped') return;
    this.stateValue = 'stopped';
    const kick = this.kickCurrent;
    this.current = undefined;
    this.kickCurrent = undefined;
    kick?.('source stopped');
    this.emit('stopped');
  }
}
