import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { RtspTarget } from '@vigia/contracts';
import {
  type BackoffOptions,
  type IngestSource,
  type ParameterSets,
  PublishedSource,
  type PublishTarget,
  ReconnectBackoff,
  type RtspClientEvents,
  type RtspClientState,
  type RtspClientStats,
  RtspError,
  RtspPublishServer,
  type VideoStreamInfo,
} from '@vigia/media';
import { buildIngestArgs, buildIngestInput, ingestErrorOf } from './ffmpeg-ingest-args.js';
import { type FfmpegProcess, startFfmpeg } from './ffmpeg-process.js';
import type { Log } from './log.js';

/**
 * A camera read by ffmpeg (compatibility mode, docs/cameras.md "Modo ffmpeg"), seen through the
 * same surface as the RTSP client (`IngestSource`), so the stream hub, the recorder and health use
 * it unchanged. ffmpeg pulls the camera (URL on stdin, never on the command line) and copies the
 * first video stream into a private loopback RTSP publish server of this source, which depacketizes
 * it into access units exactly like a pushed camera (PublishedSource).
 *
 * Runs ffmpeg after ffmpeg with the RTSP client's backoff (capped exponential + jitter, reset
 * after a stable run); a watchdog kills a run that shows no video in time. The publish password is
 * random per run and accepted once. stop() terminates ffmpeg and closes the server.
 */
export interface FfmpegSourceOptions {
  cameraId: string;
  /** Checked address (outbound guard already applied), port, path, credentials. */
  target: RtspTarget;
  log: Log;
  /** No video for this long while playing → ffmpeg is killed and restarted (default 10 s). */
  dataTimeoutMs?: number;
  /** No video this long after ffmpeg started → killed (default max(15 s, 3 × dataTimeoutMs)). */
  startTimeoutMs?: number;
  backoff?: Partial<BackoffOptions>;
  /** A run that delivered frames for this long resets the backoff (default 10 s). */
  stableAfterMs?: number;
  random?: () => number;
  bin?: string;
}

const PUBLISH_PATH = '/ingest';
const PUBLISH_USER = 'vigia-ingest';

export class FfmpegSource extends EventEmitter<RtspClientEvents> implements IngestSource {
  private readonly inner = new PublishedSource();
  private readonly dataTimeoutMs: number;
  private readonly startTimeoutMs: number;
  private stateValue: RtspClientState = 'idle';
  private stopRequested = false;
  private runPromise: Promise<void> | undefined;
  private reconnect: ReconnectBackoff | undefined;
  private proc: FfmpegProcess | undefined;
  /** One-time password of the current run (cleared once ffmpeg records). */
  private publishPassword: string | undefined;
  private playingSince: number | undefined;
  private runs = 0;
  private bytes = 0;
  private pastRtp = { packets: 0, lost: 0 };
  private server: RtspPublishServer | undefined;
  private lastError: RtspClientStats['lastError'];

  constructor(readonly options: FfmpegSourceOptions) {
    super();
    this.dataTimeoutMs = options.dataTimeoutMs ?? 10_000;
    this.startTimeoutMs = options.startTimeoutMs ?? Math.max(15_000, 3 * this.dataTimeoutMs);
    buildIngestInput(options.target, { ioTimeoutMs: this.dataTimeoutMs }); // refuse a bad target now, not in the loop
    this.inner.on('playing', (info) => {
      this.stateValue = 'playing';
      this.playingSince = Date.now();
      this.emit('playing', info);
    });
    this.inner.on('parameterSets', (codec, ps) => this.emit('parameterSets', codec, ps));
    this.inner.on('accessUnit', (au) => {
      this.bytes += au.data.length;
      this.emit('accessUnit', au);
    });
  }

  get state(): RtspClientState {
    return this.stateValue;
  }

  get info(): VideoStreamInfo | undefined {
    return this.inner.info;
  }

  get parameterSets(): ParameterSets {
    return this.inner.parameterSets;
  }

  /** pid of the running ffmpeg (tests, diagnostics). */
  get pid(): number | undefined {
    return this.proc?.pid;
  }

  get stats(): RtspClientStats {
    const s = this.inner.stats;
    const conn = this.server?.active.get(PUBLISH_PATH);
    return {
      ...s,
      bytesReceived: this.bytes,
      rtpBytes: this.bytes,
      rtpPackets: this.pastRtp.packets + (conn?.rtpPackets ?? 0),
      rtpLost: this.pastRtp.lost + (conn?.rtpLost ?? 0),
      sessions: this.runs,
      reconnects: Math.max(0, this.runs - 1),
      lastError: this.lastError,
    };
  }

  /** Starts the ffmpeg loop (idempotent). */
  start(): this {
    this.runPromise ??= this.run()
      .catch((err) => this.options.log.error({ camera: this.options.cameraId, err }, 'ffmpeg ingest loop failed'))
      .finally(() => {
        this.stateValue = 'stopped';
        this.emit('stopped');
      });
    return this;
  }

  /** Terminates ffmpeg (SIGTERM, then SIGKILL), no more restarts. Resolves when fully stopped. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.reconnect?.wake();
    await this.proc?.terminate();
    await this.runPromise;
  }

  private async run(): Promise<void> {
    const server = new RtspPublishServer({
      maxConnections: 4,
      // Loopback only, one-time password: a per-address block would only let a local process lock
      // ffmpeg out of its own camera.
      addressAuthLimit: false,
      handshakeTimeoutMs: this.startTimeoutMs,
      idleTimeoutMs: Math.max(this.dataTimeoutMs, 5000),
      lookup: (path) => this.publishTarget(path),
      onError: (err) => this.options.log.debug({ camera: this.options.cameraId, err }, 'ffmpeg ingest: publish connection error'),
    });
    this.server = server;
    const { port } = await server.listen(0, '127.0.0.1');
    try {
      const reconnect = new ReconnectBackoff(this.options);
      this.reconnect = reconnect;
      while (!this.stopRequested) {
        this.stateValue = 'connecting';
        this.emit('connecting', reconnect.attempt);
        const error = await this.runOnce(port);
        if (this.stopRequested) break;
        this.lastError = { code: error.code, message: error.message, at: Date.now() };
        reconnect.settle(this.playingSince, this.inner.stats.lastAccessUnitAt);
        const delay = reconnect.nextDelay();
        this.stateValue = 'waiting';
        this.emit('disconnect', error, delay);
        await reconnect.wait(delay);
      }
    } finally {
      await this.inner.stop();
      await server.close();
    }
  }

  /** One ffmpeg run: resolves with what ended it. */
  private async runOnce(port: number): Promise<RtspError> {
    const password = randomBytes(18).toString('base64url');
    this.publishPassword = password;
    this.playingSince = undefined;
    this.runs++;
    const { target, log, cameraId } = this.options;
    const proc = startFfmpeg(buildIngestArgs({ publishUrl: `rtsp://${PUBLISH_USER}:${password}@127.0.0.1:${port}${PUBLISH_PATH}` }), {
      log,
      context: { camera: cameraId },
      secrets: [target.credentials?.password, password],
      stdin: buildIngestInput(target, { ioTimeoutMs: this.dataTimeoutMs }),
      ...(this.options.bin ? { bin: this.options.bin } : {}),
    });
    this.proc = proc;
    const startedAt = Date.now();
    let watchdog: RtspError | undefined;
    const timer = setInterval(
      () => {
        const now = Date.now();
        const since = this.playingSince;
        if (since === undefined) {
          if (now - startedAt >= this.startTimeoutMs)
            watchdog = new RtspError('RTSP_TIMEOUT', `ffmpeg: no video within ${this.startTimeoutMs} ms`);
        } else if (now - Math.max(since, this.inner.stats.lastAccessUnitAt ?? 0) >= this.dataTimeoutMs) {
          watchdog = new RtspError('RTSP_TIMEOUT', `ffmpeg: no video for ${this.dataTimeoutMs} ms`);
        }
        if (watchdog) proc.kill();
      },
      Math.max(250, Math.floor(this.dataTimeoutMs / 4)),
    );
    if (this.stopRequested) void proc.terminate();
    const exit = await proc.exited;
    clearInterval(timer);
    this.proc = undefined;
    this.publishPassword = undefined;
    const conn = this.server?.active.get(PUBLISH_PATH);
    if (conn) {
      this.pastRtp.packets += conn.rtpPackets;
      this.pastRtp.lost += conn.rtpLost;
    }
    this.server?.kick(PUBLISH_PATH, 'ffmpeg exited');
    return watchdog ?? ingestErrorOf(exit.stderr, exit, this.playingSince !== undefined);
  }

  /** The loopback publish path accepts the current run's ffmpeg, once. */
  private publishTarget(path: string): PublishTarget | undefined {
    const password = this.publishPassword;
    if (path !== PUBLISH_PATH || !password) return undefined;
    return {
      credentials: { username: PUBLISH_USER, password },
      open: (info) => {
        if (this.publishPassword !== password) throw new RtspError('RTSP_ABORTED', 'ffmpeg run is over');
        this.publishPassword = undefined; // one publisher per run: nobody else can record with it
        return this.inner.attach(info);
      },
    };
  }
}
