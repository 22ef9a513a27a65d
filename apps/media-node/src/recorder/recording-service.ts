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
  /** Most cameras this node records. */
  maxCameras: number;
  watchdogMs: number;
}

/**
 * Claims recorded cameras (lease without a viewer), runs one CameraRecorder and one CameraHealth
 * per camera on the camera's single upstream, reports health every heartbeat.
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

  /** Called by the heartbeat: claim what should be recorded, release what no longer should, report health. */
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
    const wanted = new Set(await store.camerasToRecord(opts.defaultOn, opts.maxCameras));
    for (const id of wanted) {
      if (this.recorders.has(id)) continue;
      const camera = await this.deps.nodeStore.camera(id);
      if (!camera) continue;
      try {
        const up = await upstreams.acquire(camera);
        // The node began to stop while the upstream opened: the shutdown closes it; record nothing.
        if (this.stopping) break;
        upstreams.pinned.add(id);
        await this.start(up);
      } catch (err) {
        if (!(err instanceof LeaseHeldElsewhere)) log.warn({ err, camera: id }, 'could not start recording');
      }
    }
    for (const id of [...this.recorders.keys()]) {
      if (wanted.has(id)) continue;
      // Policy turned off (or lease taken): stop recording; the upstream stays while viewers remain.
      await this.stopCamera(id, null);
      upstreams.pinned.delete(id);
      const up = upstreams.get(id);
      if (up && up.hub.subscriberCount === 0) await upstreams.stop(id, 'idle');
    }
    if (!this.stopping) await this.report();
  }

  private async start(up: Upstream): Promise<void> {
    const id = up.cameraId;
    const rec = new CameraRecorder(id, this.deps.store, this.deps.storage, this.deps.log, this.deps.opts);
    this.recorders.set(id, rec);
    this.health.get(id)?.close();
    this.health.set(id, new CameraHealth(id, up.hub, up.client, true));
    this.since.set(id, Date.now());
    await this.deps.healthStore.startMonitoring(id);
    await rec.attach(up.hub, up.client);
    this.deps.log.info({ camera: id }, 'recording started');
  }

  /** Upstream stopping (lease lost, shutdown): close the segment first. */
  async stopCamera(id: string, reason: string | null): Promise<void> {
    const rec = this.recorders.get(id);
    this.recorders.delete(id);
    this.health.get(id)?.close();
    this.health.delete(id);
    if (rec) await rec.stop(reason === 'shutdown' ? 'restart' : reason === 'lease_lost' ? null : null, reason ?? '');
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
   * Node shutdown: no tick starts a recorder any more, the one in flight is waited for (it could
   * otherwise attach a recorder after this loop and leave its segment open), then every recorder
   * closes its segment.
   */
  async stopAll(): Promise<void> {
    this.stopping = true;
    await this.ticking?.catch(() => undefined);
    for (const id of [...this.recorders.keys()]) await this.stopCamera(id, 'shutdown');
  }
}
