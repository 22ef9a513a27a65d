/**
 * Per-camera fan-out: one upstream source (normally an RtspClient) feeds N live viewers,
 * plus raw access-unit listeners (recorder, health). The hub muxes each frame once into
 * a one-frame fMP4 fragment, caches the current GOP and delivers:
 *
 *   new viewer → init segment, then the cached GOP as one burst, then live fragments.
 *
 * Backpressure: delivery is synchronous and never waits. Before each send the hub looks
 * at the viewer's own buffered byte count (e.g. ws.bufferedAmount); a viewer above its
 * limit stops receiving fragments and resumes at the next keyframe once it has drained,
 * so a slow viewer never delays the others nor grows memory without bound.
 *
 * Events: 'active' (first subscriber), 'idle' (last subscriber left, after idleGraceMs),
 * 'track' (VideoTrackInfo, on first/changed init), 'accessUnit' (every frame), 'audioFrame'
 * (every audio frame, when the source passes audio).
 *
 * Audio (AAC, optional): the init segment gets a second track and the audio frames received
 * since the previous video frame ride in the next video fragment's moof, so the GOP burst and
 * the live stream carry both with no extra fragments.
 */
import { EventEmitter } from 'node:events';
import type { AccessUnit, AudioFrame, AudioTrackInfo, ParameterSets, VideoCodec } from './access-unit';
import { createVideoTrack, Fmp4Muxer, type LiveFragment, type VideoTrackInfo } from './fmp4-muxer';
import { GopCache, type GopCacheOptions } from './gop-cache';
import type { IngestSource } from './published-source';

export type ChunkKind = 'init' | 'burst' | 'fragment';

export interface HubSink {
  /** Delivers one chunk. Must not block; may throw (the subscriber is then removed). */
  send(chunk: Buffer, kind: ChunkKind): void;
  /** Bytes handed over but not yet flushed to the network (ws.bufferedAmount, socket.writableLength…). */
  bufferedAmount(): number;
  /** Called when the hub removes the subscriber on its own (send threw, hub closed). */
  close?(reason: string): void;
}

export interface SubscriberStats {
  fragmentsSent: number;
  bytesSent: number;
  fragmentsDropped: number;
  /** How many times the subscriber fell behind and was moved to the next keyframe. */
  lagEvents: number;
}

export interface Subscription {
  readonly stats: SubscriberStats;
  unsubscribe(): void;
}

export interface StreamHubOptions {
  gop?: GopCacheOptions;
  /** A subscriber with more buffered bytes than this skips to the next keyframe (default 2 MiB). */
  maxBufferedBytes?: number;
  /** Delay before 'idle' is emitted once the last subscriber left (default 0). */
  idleGraceMs?: number;
}

interface Subscriber {
  sink: HubSink;
  stats: SubscriberStats;
  /** Waiting for init + keyframe (new subscriber without a cached GOP, or lagging). */
  needsKeyframe: boolean;
  initSent: Buffer | undefined;
}

export interface StreamHubStats {
  accessUnits: number;
  fragments: number;
  /** Access units ignored because no parameter sets (or no keyframe yet) were available. */
  skippedAccessUnits: number;
  initChanges: number;
  audioFrames: number;
}

export class StreamHub extends EventEmitter {
  readonly stats: StreamHubStats = { accessUnits: 0, fragments: 0, skippedAccessUnits: 0, initChanges: 0, audioFrames: 0 };
  private readonly gop: GopCache;
  private readonly subscribers = new Set<Subscriber>();
  private muxer: Fmp4Muxer | undefined;
  private codec: VideoCodec | undefined;
  private parameterSets: ParameterSets = {};
  private audio: AudioTrackInfo | undefined;
  private needMuxer = false;
  private waitingKeyframe = true;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly maxBuffered: number;
  private readonly idleGraceMs: number;
  private closed = false;
  /** True between 'active' and 'idle'. */
  private active = false;

  constructor(options: StreamHubOptions = {}) {
    super();
    this.gop = new GopCache(options.gop);
    this.maxBuffered = options.maxBufferedBytes ?? 2 * 1024 * 1024;
    this.idleGraceMs = options.idleGraceMs ?? 0;
  }

  get track(): VideoTrackInfo | undefined {
    return this.muxer?.track;
  }

  get initSegment(): Buffer | undefined {
    return this.muxer?.init;
  }

  /** AAC track muxed into the live stream, if any. */
  get audioTrack(): AudioTrackInfo | undefined {
    return this.muxer?.audioTrack;
  }

  /** MSE codecs of the current init segment: "avc1.64001f" or "avc1.64001f,mp4a.40.2". */
  get codecs(): string | undefined {
    const m = this.muxer;
    if (!m) return undefined;
    return m.audioTrack ? `${m.track.codecString},${m.audioTrack.codecString}` : m.track.codecString;
  }

  /**
   * Sets (or removes) the audio track of the source. Only AAC is muxed; a change creates a new
   * init segment at the next keyframe.
   */
  setAudioTrack(track: AudioTrackInfo | undefined): void {
    const next = track?.codec === 'aac' && track.config ? track : undefined;
    if (sameAudio(next, this.audio)) return;
    this.audio = next;
    this.needMuxer = true;
  }

  pushAudioFrame(frame: AudioFrame): void {
    if (this.closed) return;
    this.emit('audioFrame', frame);
    if (this.needMuxer || this.waitingKeyframe || !this.muxer?.audioTrack) return;
    this.stats.audioFrames++;
    this.muxer.queueAudio(frame);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get gopBytes(): number {
    return this.gop.bytes;
  }

  get gopFrames(): number {
    return this.gop.frames;
  }

  /** Sets (or updates) the codec parameters. A change creates a new init segment at the next keyframe. */
  setParameterSets(codec: VideoCodec, ps: ParameterSets): void {
    const merged = { ...this.parameterSets, ...definedOnly(ps) };
    const same =
      codec === this.codec &&
      eq(merged.sps, this.muxer?.track.sps) &&
      eq(merged.pps, this.muxer?.track.pps) &&
      eq(merged.vps, this.muxer?.track.vps);
    this.codec = codec;
    this.parameterSets = merged;
    if (!same) this.needMuxer = true;
  }

  pushAccessUnit(au: AccessUnit): void {
    if (this.closed) return;
    this.stats.accessUnits++;
    this.emit('accessUnit', au);
    if (au.codec !== this.codec) this.setParameterSets(au.codec, {});
    if (this.needMuxer || this.waitingKeyframe) {
      if (!au.keyframe || !this.ensureMuxer()) {
        this.stats.skippedAccessUnits++;
        return;
      }
      this.waitingKeyframe = false;
    }
    const muxer = this.muxer!;
    const fragment = muxer.pushLive(au);
    this.stats.fragments++;
    this.gop.push(fragment);
    for (const sub of this.subscribers) this.deliver(sub, fragment, muxer.init);
  }

  /**
   * Call when the upstream was interrupted (reconnecting): subscribers keep their
   * SourceBuffer, the next fragments continue the timeline from the next keyframe.
   */
  markDiscontinuity(): void {
    this.waitingKeyframe = true;
    this.gop.clear();
    this.muxer?.dropQueuedAudio();
  }

  subscribe(sink: HubSink): Subscription {
    if (this.closed) throw new Error('stream hub is closed');
    const sub: Subscriber = {
      sink,
      stats: { fragmentsSent: 0, bytesSent: 0, fragmentsDropped: 0, lagEvents: 0 },
      needsKeyframe: true,
      initSent: undefined,
    };
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    this.subscribers.add(sub);
    if (!this.active) {
      this.active = true;
      this.emit('active');
    }
    const init = this.muxer?.init;
    const burst = this.gop.burst();
    if (init && burst && !this.needMuxer) {
      if (this.safeSend(sub, init, 'init') && this.safeSend(sub, burst, 'burst')) {
        sub.initSent = init;
        sub.needsKeyframe = false;
        sub.stats.fragmentsSent += this.gop.frames;
      }
    }
    return {
      stats: sub.stats,
      unsubscribe: () => this.remove(sub),
    };
  }

  /** Removes all subscribers (their close() is called) and stops accepting data. */
  close(reason = 'closed'): void {
    if (this.closed) return;
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const sub of [...this.subscribers]) {
      this.subscribers.delete(sub);
      try {
        sub.sink.close?.(reason);
      } catch {
        // ignore
      }
    }
    this.gop.clear();
    this.removeAllListeners();
  }

  private ensureMuxer(): boolean {
    if (!this.needMuxer && this.muxer) return true;
    if (!this.codec) return false;
    let track: VideoTrackInfo;
    try {
      track = createVideoTrack(this.codec, this.parameterSets);
    } catch {
      return false; // parameter sets incomplete or unparsable: wait for in-band ones
    }
    this.muxer = new Fmp4Muxer(track, { baseDecodeTime: this.muxer?.timelineEnd ?? 0, ...(this.audio ? { audio: this.audio } : {}) });
    this.needMuxer = false;
    this.stats.initChanges++;
    this.gop.clear();
    this.emit('track', track);
    return true;
  }

  private deliver(sub: Subscriber, fragment: LiveFragment, init: Buffer): void {
    if (sub.needsKeyframe || sub.initSent !== init) {
      if (!fragment.keyframe || sub.sink.bufferedAmount() > this.maxBuffered / 2) {
        sub.stats.fragmentsDropped++;
        return;
      }
      if (sub.initSent !== init) {
        if (!this.safeSend(sub, init, 'init')) return;
        sub.initSent = init;
      }
      sub.needsKeyframe = false;
    } else if (sub.sink.bufferedAmount() > this.maxBuffered) {
      sub.needsKeyframe = true;
      sub.stats.lagEvents++;
      sub.stats.fragmentsDropped++;
      return;
    }
    if (this.safeSend(sub, fragment.data, 'fragment')) sub.stats.fragmentsSent++;
  }

  private safeSend(sub: Subscriber, chunk: Buffer, kind: ChunkKind): boolean {
    try {
      sub.sink.send(chunk, kind);
      sub.stats.bytesSent += chunk.length;
      return true;
    } catch (err) {
      this.remove(sub);
      try {
        sub.sink.close?.(`send failed: ${(err as Error).message}`);
      } catch {
        // ignore
      }
      return false;
    }
  }

  private remove(sub: Subscriber): void {
    if (!this.subscribers.delete(sub)) return;
    if (this.subscribers.size > 0 || this.closed) return;
    const goIdle = () => {
      this.idleTimer = undefined;
      if (this.subscribers.size > 0 || !this.active) return;
      this.active = false;
      this.emit('idle');
    };
    if (this.idleGraceMs <= 0) {
      goIdle();
      return;
    }
    this.idleTimer = setTimeout(goIdle, this.idleGraceMs);
    this.idleTimer.unref?.();
  }
}

/**
 * Wires a client into a hub (parameter sets, access units, discontinuities).
 * Returns a function that detaches the listeners.
 */
export function connectClientToHub(client: IngestSource, hub: StreamHub): () => void {
  const onPs = (codec: VideoCodec, ps: ParameterSets) => hub.setParameterSets(codec, ps);
  const onAu = (au: AccessUnit) => hub.pushAccessUnit(au);
  const onDisconnect = () => hub.markDiscontinuity();
  const onAudioTrack = (track: AudioTrackInfo | undefined) => hub.setAudioTrack(track);
  const onAudio = (frame: AudioFrame) => hub.pushAudioFrame(frame);
  client.on('parameterSets', onPs);
  client.on('accessUnit', onAu);
  client.on('disconnect', onDisconnect);
  client.on('audioTrack', onAudioTrack);
  client.on('audioFrame', onAudio);
  if (client.info?.audio) hub.setAudioTrack(client.info.audio);
  if (client.info && (client.parameterSets.sps || client.parameterSets.pps)) {
    hub.setParameterSets(client.info.codec, client.parameterSets);
  }
  return () => {
    client.off('parameterSets', onPs);
    client.off('accessUnit', onAu);
    client.off('disconnect', onDisconnect);
    client.off('audioTrack', onAudioTrack);
    client.off('audioFrame', onAudio);
  };
}

function eq(a: Buffer | undefined, b: Buffer | undefined): boolean {
  if (!a || !b) return a === b;
  return a.equals(b);
}

function sameAudio(a: AudioTrackInfo | undefined, b: AudioTrackInfo | undefined): boolean {
  if (!a || !b) return a === b;
  return a.codec === b.codec && a.sampleRate === b.sampleRate && a.channels === b.channels && eq(a.config, b.config);
}

function definedOnly(ps: ParameterSets): ParameterSets {
  const out: ParameterSets = {};
  if (ps.vps) out.vps = ps.vps;
  if (ps.sps) out.sps = ps.sps;
  if (ps.pps) out.pps = ps.pps;
  return out;
}
