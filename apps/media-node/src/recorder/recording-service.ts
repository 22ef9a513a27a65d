import type { RecordingStorage } from '@vigia/contracts/recording-store';
import { CameraHealth, type HealthStore } from '../health/camera-health.js';
import type { Log } from '../log.js';
import type { NodeStore } from '../store.js';
import { LeaseHeldElsewhere, type Upstream, type Upstreams } from '../upstreams.js';
import { CameraRecorder, type RecorderOptions } from './camera-recorder.js';
import type { RecordingStore } from './recording-store.js';

export interface RecordingServiceOptions extends RecorderOptions {
  /** Record cameras without a policy row (RECORDING_DEFAULT). */
  defaultOn: boolean;
  /** Claim and watch every active eligible camera, recorded or not (MEDIA_MONITOR=all). */
  monitorAll: boolean;
  /** Most cameras this node claims (recorded or monitored). */
  maxCameras: number;
  watchdogMs: number;
}

/**
 * Claims the cameras this node watches 24/7 (Art. 25 §3: every active camera with MEDIA_MONITOR=all,
 * else the recorded ones) — lease without a viewer, upstream pinned open — runs one CameraHealth per
 * claimed camera (health, outages → uptime) and one CameraRecorder per camera whose policy says
 * record, all on the camera's single upstream; reports health every heartbeat.
 */
export class RecordingService {
  readonly recorders = new Map<string, CameraRecorder>();
  readonly health = new Map<string, CameraHealth>();
  private readonly since = new Map<string, number>();
  /** The tick in flight, if any: stopAll() waits for it so nothing starts behind its back. */
  private ticking: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly deps: {
      upstreams: Upstreams;
      nodeStore: NodeStore;
      store: RecordingStore;
      healthStore: HealthStore;
      storage: RecordingStorage;
      log: Log;
      opts: RecordingServiceOptions;
    },
  ) {}

  /** Called by the heartbeat: claim what should be watched/recorded, release what no longer should, report health. */
  async tick(): Promise<void> {
    if (this.ticking || this.stopping) return;
    this.ticking = this.claimAndReport();
    try {
      await this.ticking;
    } finally {
      this.ticking = undefined;
    }
  }

  private async claimAndReport(): Promise<void> {
    const { upstreams, store, opts, log } = this.deps;
    const claims = await store.camerasToClaim(opts.defaultOn, opts.monitorAll, opts.maxCameras);
    const wanted = new Map(claims.map((c) => [c.id, c.record]));
    for (const [id, record] of wanted) {
      if (this.health.has(id) && this.recorders.has(id) === record) continue;
      try {
        const up = this.health.has(id) ? upstreams.get(id) : await this.claim(id);
        // The node began to stop meanwhile: the shutdown closes the upstream; record nothing.
        if (this.stopping) break;
        if (!up) continue;
        if (record) await this.startRecorder(up);
        else await this.stopRecorder(id, null);
      } catch (err) {
        if (!(err instanceof LeaseHeldElsewhere)) log.warn({ err, camera: id }, 'could not start monitoring or recording');
      }
    }
    for (const id of [...this.health.keys()]) {
      if (wanted.has(id)) continue;
      // Policy turned off (or lease taken): stop; the upstream stays while viewers remain.
      await this.stopCamera(id, null);
      upstreams.pinned.delete(id);
      const up = upstreams.get(id);
      if (up && up.hub.subscriberCount === 0) await upstreams.stop(id, 'idle');
    }
    if (!this.stopping) await this.report();
  }

  /** Takes the camera's lease and pins its upstream; health and monitoring start with it. */
  private async claim(id: string): Promise<Upstream | undefined> {
    const camera = await this.deps.nodeStore.camera(id);
    if (!camera) return undefined;
    const up = await this.deps.upstreams.acquire(camera);
    this.deps.upstreams.pinned.add(id);
    this.health.get(id)?.close();
    this.health.set(id, new CameraHealth(id, up.hub, up.client, true));
    this.since.set(id, Date.now());
    await this.deps.healthStore.startMonitoring(id);
    return up;
  }

  private async startRecorder(up: Upstream): Promise<void> {
    const id = up.cameraId;
    if (this.recorders.has(id)) return;
    const rec = new CameraRecorder(id, this.deps.store, this.deps.storage, this.deps.log, this.deps.opts);
    this.recorders.set(id, rec);
    await rec.attach(up.hub, up.client);
    this.deps.log.info({ camera: id }, 'recording started');
  }

  private async stopRecorder(id: string, reason: string | null): Promise<void> {
    const rec = this.recorders.get(id);
    this.recorders.delete(id);
    if (rec) await rec.stop(reason === 'shutdown' ? 'restart' : null, reason ?? '');
  }

  /** Upstream stopping (lease lost, shutdown): close the segment first. */
  async stopCamera(id: string, reason: string | null): Promise<void> {
    this.health.get(id)?.close();
    this.health.delete(id);
    await this.stopRecorder(id, reason);
  }

  async report(): Promise<void> {
    const now = Date.now();
    for (const [id, h] of this.health) {
      const s = h.snapshot(now, this.deps.opts.watchdogMs);
      // Grace after the start: a camera still connecting is not an outage yet.
      const since = this.since.get(id) ?? now;
      const monitored = h.monitored && now - since > this.deps.opts.watchdogMs;
      await this.deps.healthStore.report(s, monitored, since).catch((err) => this.deps.log.warn({ err }, 'health report failed'));
    }
  }

  /**
   * Node shutdown: no tick claims a camera any more, the one in flight is waited for (it could
   * otherwise attach a recorder after this loop and leave its segment open), then every recorder
   * closes its segment.
   */
  async stopAll(): Promise<void> {
    this.stopping = true;
    await this.ticking?.catch(() => undefined);
    for (const id of [...this.health.keys()]) await this.stopCamera(id, 'shutdown');
  }
}
