import type { BlockList } from 'node:net';
import {
  type AudioMode,
  connectClientToHub,
  type IngestSource,
  PublishedSource,
  type PublishSink,
  type PublishStartInfo,
  RtspClient,
  type RtspTransport,
  StreamHub,
} from '@vigia/media';
import { FfmpegSource } from './ffmpeg-source.js';
import type { Log } from './log.js';
import { OnvifStreamPaths } from './onvif-paths.js';
import { cameraAddress } from './outbound.js';
import { type MasterKey, openCameraCredentials } from './secrets.js';
import type { CameraForIngest, NodeStore } from './store.js';

/**
 * One upstream RTSP connection per camera, shared by every viewer (and later the recorder and
 * health). Started when the first viewer arrives (after the lease is taken), stopped when the hub
 * reports the last viewer gone (after the idle grace), and the lease released.
 */
export class LeaseHeldElsewhere extends Error {
  constructor(readonly holder: string | undefined) {
    super('camera is served by another media node');
  }
}

/** The camera may not stream (no active cooperation term or no authorised camera point): no lease, no ingest. */
export class CameraNotEligible extends Error {
  constructor(readonly cameraId: string) {
    super('camera not eligible to stream');
  }
}

export interface Upstream {
  cameraId: string;
  hub: StreamHub;
  /** RtspClient (pull), FfmpegSource (pull through ffmpeg, compatibility) or PublishedSource (push: the camera publishes to this node). */
  client: IngestSource;
  startedAt: number;
}

export interface UpstreamStats {
  /** Upstream RTSP clients created since the node started (per camera: one per on-demand start). */
  clientsStarted: number;
  clientsStopped: number;
  open: number;
}

export class Upstreams {
  private readonly open = new Map<string, Promise<Upstream>>();
  private readonly ready = new Map<string, Upstream>();
  readonly stats: UpstreamStats = { clientsStarted: 0, clientsStopped: 0, open: 0 };
  /** RTSP sessions opened per camera since start (tests, bench): one shared connection → 1. */
  readonly sessionsByCamera = new Map<string, number>();
  /** Cameras kept open without viewers (recorded): idle never stops them. */
  readonly pinned = new Set<string>();

  constructor(
    private readonly store: NodeStore,
    private readonly keys: readonly MasterKey[],
    private readonly log: Log,
    private readonly opts: {
      idleGraceMs: number;
      outbound: { enforce: boolean; allowed?: BlockList };
      onStopped?: (cameraId: string, reason: string) => void | Promise<void>;
      /** Watchdog: no RTP for this long → reconnect (RTSP data timeout). */
      dataTimeoutMs?: number;
      /** RTSP transport and audio of pulled cameras (default TCP, video only). */
      ingest?: { transport: RtspTransport; audio: AudioMode; reconnectMaxMs?: number };
    },
  ) {
    this.onvifPaths = new OnvifStreamPaths(log);
  }

  /** RTSP paths of ONVIF cameras (stream source 'onvif'), cached. */
  readonly onvifPaths: OnvifStreamPaths;

  get cameraIds(): string[] {
    return [...this.ready.keys()];
  }

  get(cameraId: string): Upstream | undefined {
    return this.ready.get(cameraId);
  }

  /** The running upstream for a camera, starting it (lease first) if needed. */
  acquire(camera: CameraForIngest): Promise<Upstream> {
    let p = this.open.get(camera.id);
    if (!p) {
      p = this.start(camera);
      this.open.set(camera.id, p);
      p.catch(() => this.open.delete(camera.id));
    }
    return p;
  }

  /**
   * A publisher (RTSP push, docs/cameras.md) starts recording camera `camera`: the camera's upstream
   * (taken with its lease, like a pulled camera) gets the publisher as its source. Throws
   * LeaseHeldElsewhere when another node serves the camera.
   */
  async attachPublisher(camera: CameraForIngest, info: PublishStartInfo, kick: (reason: string) => void): Promise<PublishSink> {
    const up = await this.acquire(camera);
    if (!(up.client instanceof PublishedSource)) throw new Error('camera is being pulled by this node; retry later');
    const sink = up.client.attach(info, kick);
    this.sessionsByCamera.set(camera.id, (this.sessionsByCamera.get(camera.id) ?? 0) + 1);
    return {
      ...sink,
      end: (reason) => {
        sink.end?.(reason);
        // Nobody watching or recording: let the lease go (after the idle grace).
        this.releaseIfUnused(camera.id);
      },
    };
  }

  private async startPushed(camera: CameraForIngest): Promise<Upstream> {
    const source = new PublishedSource();
    const hub = new StreamHub({ idleGraceMs: this.opts.idleGraceMs });
    connectClientToHub(source, hub);
    source.on('disconnect', (error) => this.log.warn({ camera: camera.id, err: error }, 'publisher disconnected'));
    const up: Upstream = { cameraId: camera.id, hub, client: source, startedAt: Date.now() };
    hub.on('idle', () => {
      if (!this.pinned.has(camera.id) && !source.publishing) void this.stop(camera.id, 'idle');
    });
    this.stats.clientsStarted++;
    this.ready.set(camera.id, up);
    this.stats.open = this.ready.size;
    this.log.info({ camera: camera.id }, 'upstream started (push: waiting for the publisher)');
    return up;
  }

  private async start(camera: CameraForIngest): Promise<Upstream> {
    // Lease claim: a camera not eligible to stream (issue 12) is never ingested, whoever asks.
    if (!camera.streamEligible) throw new CameraNotEligible(camera.id);
    const lease = await this.store.acquireLease(camera.id);
    if (!lease) throw new LeaseHeldElsewhere(undefined);
    if (camera.pushCredentials) return this.startPushed(camera);
    let client: RtspClient | FfmpegSource;
    try {
      // Outbound guard first: both the native client and ffmpeg connect to the checked address only.
      const address = await cameraAddress(camera.host, this.opts.outbound);
      const creds = openCameraCredentials(this.keys, camera.id, camera.credentials);
      // ONVIF cameras: the path the camera reports (cached; asked again after a 401/404, below).
      const path = camera.streamSource === 'onvif' ? await this.onvifPaths.path(camera, address, creds) : camera.rtspPath;
      const dataTimeout = this.opts.dataTimeoutMs ? { dataTimeoutMs: this.opts.dataTimeoutMs } : {};
      // MEDIA_RECONNECT_MAX_MS: a camera back after an outage is reconnected within this long.
      const { reconnectMaxMs, ...ingest } = this.opts.ingest ?? {};
      const backoff = reconnectMaxMs ? { backoff: { maxMs: reconnectMaxMs } } : {};
      if (camera.ingestMode === 'ffmpeg') {
        // Compatibility mode: always TCP, video only, whatever the camera's rtspTransport (docs/cameras.md "Modo ffmpeg").
        const ffmpeg = new FfmpegSource({
          cameraId: camera.id,
          target: { address, port: camera.rtspPort, path, credentials: creds ?? null },
          log: this.log,
          ...dataTimeout,
          ...backoff,
        });
        if (camera.streamSource === 'onvif') {
          // As below for the native client: the next ffmpeg run uses the path the camera reports now.
          ffmpeg.on('disconnect', (error) => {
            if (error.code !== 'RTSP_AUTH_FAILED' && error.code !== 'RTSP_NOT_FOUND') return;
            this.onvifPaths.refresh(camera, address, creds).then(
              (fresh) => (ffmpeg.options.target.path = fresh),
              (err: unknown) => this.log.warn({ camera: camera.id, err }, 'ONVIF stream URI refresh failed'),
            );
          });
        }
        client = ffmpeg;
      } else {
        const host = address.includes(':') ? `[${address}]` : address;
        const rtsp = new RtspClient({
          url: `rtsp://${host}:${camera.rtspPort}${path}`,
          ...(creds ? { username: creds.username, password: creds.password } : {}),
          ...dataTimeout,
          ...backoff,
          ...ingest,
          // The camera's own transport (registry) over the node's MEDIA_RTSP_TRANSPORT.
          ...(camera.rtspTransport ? { transport: camera.rtspTransport } : {}),
        });
        if (camera.streamSource === 'onvif') {
          // A rebooted or reconfigured camera may report another path: ask again, and the
          // client's next attempt (after its backoff) uses the new one.
          rtsp.on('disconnect', (error) => {
            if (error.code !== 'RTSP_AUTH_FAILED' && error.code !== 'RTSP_NOT_FOUND') return;
            this.onvifPaths.refresh(camera, address, creds).then(
              (fresh) => (rtsp.options.url = `rtsp://${host}:${camera.rtspPort}${fresh}`),
              (err: unknown) => this.log.warn({ camera: camera.id, err }, 'ONVIF stream URI refresh failed'),
            );
          });
        }
        client = rtsp;
      }
    } catch (err) {
      await this.store.releaseLease(camera.id).catch(() => undefined);
      throw err;
    }
    const hub = new StreamHub({ idleGraceMs: this.opts.idleGraceMs });
    connectClientToHub(client, hub);
    client.on('playing', () => this.sessionsByCamera.set(camera.id, (this.sessionsByCamera.get(camera.id) ?? 0) + 1));
    client.on('disconnect', (error, retryInMs) => this.log.warn({ camera: camera.id, err: error, retryInMs }, 'upstream disconnected'));
    const up: Upstream = { cameraId: camera.id, hub, client, startedAt: Date.now() };
    hub.on('idle', () => {
      if (!this.pinned.has(camera.id)) void this.stop(camera.id, 'idle');
    });
    client.start();
    this.stats.clientsStarted++;
    this.ready.set(camera.id, up);
    this.stats.open = this.ready.size;
    this.log.info(
      {
        camera: camera.id,
        ingest: camera.ingestMode,
        transport: client instanceof RtspClient ? (client.options.transport ?? 'tcp') : undefined,
      },
      'upstream started',
    );
    return up;
  }

  /** Stops a camera's upstream (idle, lease lost, shutdown): viewers are closed by the hub. */
  async stop(cameraId: string, reason: string): Promise<void> {
    const up = this.ready.get(cameraId);
    if (!up) return;
    this.ready.delete(cameraId);
    this.open.delete(cameraId);
    this.stats.open = this.ready.size;
    this.pinned.delete(cameraId);
    await this.opts.onStopped?.(cameraId, reason);
    up.hub.close(reason);
    await up.client.stop().catch(() => undefined);
    this.stats.clientsStopped++;
    if (reason !== 'lease_lost') await this.store.releaseLease(cameraId).catch((err) => this.log.warn({ err }, 'lease release failed'));
    this.log.info({ camera: cameraId, reason }, 'upstream stopped');
  }

  /** A viewer gave up before subscribing: stop the upstream if nobody else uses it. */
  releaseIfUnused(cameraId: string): void {
    const up = this.ready.get(cameraId);
    if (up && up.hub.subscriberCount === 0) {
      setTimeout(() => {
        const publishing = up.client instanceof PublishedSource && up.client.publishing;
        if (this.ready.get(cameraId) === up && up.hub.subscriberCount === 0 && !this.pinned.has(cameraId) && !publishing)
          void this.stop(cameraId, 'idle');
      }, this.opts.idleGraceMs).unref();
    }
  }

  async stopAll(reason: string): Promise<void> {
    await Promise.all(this.cameraIds.map((id) => this.stop(id, reason)));
  }
}
