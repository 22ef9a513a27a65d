import { connectClientToHub, PublishedSource, RtspClient, StreamHub, type IngestSource, type PublishSink, type PublishStartInfo } from '@vigia/media';
import type { Log } from './log.js';
import { cameraAddress } from './outbound.js';
import type { BlockList } from 'node:net';
import { openCameraCredentials, type MasterKey } from './secrets.js';
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

export interface Upstream {
  cameraId: string;
  hub: StreamHub;
  /** RtspClient (pull) or PublishedSource (push: the camera publishes to this node). */
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
    },
  ) {}

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
    const lease = await this.store.acquireLease(camera.id);
    if (!lease) throw new LeaseHeldElsewhere(undefined);
    if (camera.pushCredentials) return this.startPushed(camera);
    let creds: { username: string; password: string } | undefined;
    let address: string;
    try {
      address = await cameraAddress(camera.host, this.opts.outbound);
      creds = openCameraCredentials(this.keys, camera.id, camera.credentials);
    } catch (err) {
      await this.store.releaseLease(camera.id).catch(() => undefined);
      throw err;
    }
    const host = address.includes(':') ? `[${address}]` : address;
    const client = new RtspClient({
      url: `rtsp://${host}:${camera.rtspPort}${camera.rtspPath}`,
      ...(creds ? { username: creds.username, password: creds.password } : {}),
      ...(this.opts.dataTimeoutMs ? { dataTimeoutMs: this.opts.dataTimeoutMs } : {}),
    });
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
    this.log.info({ camera: camera.id }, 'upstream started');
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
        if (this.ready.get(cameraId) === up && up.hub.subscriberCount === 0 && !this.pinned.has(cameraId) && !publishing) void this.stop(cameraId, 'idle');
      }, this.opts.idleGraceMs).unref();
    }
  }

  async stopAll(reason: string): Promise<void> {
    await Promise.all(this.cameraIds.map((id) => this.stop(id, reason)));
  }
}
