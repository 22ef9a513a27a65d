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
  /** Reconnect ramp: cameras opened per second at most when taking over many (with jitter). */
  startRate?: number;
}

/** What the heartbeat learned about ownership (ADR 0013). */
export interface TickContext {
  /** Cameras this node owns → assignment generation. */
  owned: Map<string, number>;
  /** False within a lease period of a database outage: only cameras nobody owns may be claimed. */
  mayTakeExpired: boolean;
  /** Draining: claim nothing, offer nothing. */
  draining: boolean;
  /** Cameras a new owner took make-before-break: recorded on until the heartbeat sees the new owner record. */
  handingOver: Set<string>;
}

/**
 * Claims recorded cameras up to the node's fair share (lease without a viewer), offers the excess
 * to joining nodes, opens claimed cameras at a bounded rate (reconnect ramp), runs one
 * CameraRecorder and one CameraHealth per camera on its single upstream, reports health.
 */
export class RecordingService {
  readonly recorders = new Map<string, CameraRecorder>();
  readonly health = new Map<string, CameraHealth>();
  private readonly since = new Map<string, number>();
  private claiming = false;
  /** Owned cameras waiting to be opened (ramp), → generation. */
  private readonly pending = new Map<string, number>();
  private ramping = false;
  /** Writes refused by the database since start (stale owner): /stats, the fault test. */
  fencedWrites = 0;

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

  /** Called by the heartbeat: claim up to the fair share, offer the excess, open what we own, report health. */
  async tick(ctx: TickContext): Promise<void> {
    if (this.claiming) return;
    this.claiming = true;
    try {
      const { nodeStore, opts } = this.deps;
      if (!ctx.draining) {
        const fair = await nodeStore.fairShare(opts.defaultOn);
        const target = Math.min(fair.share, opts.maxCameras);
        if (fair.owned < target) {
          const claimed = await nodeStore.claimForRecording({
            defaultOn: opts.defaultOn,
            limit: Math.min(target - fair.owned, Math.max(10, Math.ceil((opts.startRate ?? 50) * 2))),
            takeExpired: ctx.mayTakeExpired,
          });
          for (const c of claimed) ctx.owned.set(c.cameraId, c.generation);
        } else if (fair.liveNodes > 1 && fair.owned > target + Math.max(1, Math.ceil(target * 0.05))) {
          for (const id of await nodeStore.offer(Math.min(fair.owned - target, 50))) this.hold(id);
        }
      }
      const wanted = new Set(await this.deps.store.recordedAmong([...ctx.owned.keys()], opts.defaultOn));
      for (const id of wanted) if (!this.recorders.has(id) && !this.pending.has(id)) this.pending.set(id, ctx.owned.get(id)!);
      for (const id of [...this.pending.keys()]) if (!wanted.has(id)) this.pending.delete(id);
      void this.ramp();
      for (const id of [...this.recorders.keys()]) {
        if (wanted.has(id) || ctx.handingOver.has(id)) continue;
        // Policy turned off: stop recording; the upstream stays while viewers remain.
        await this.stopCamera(id, null);
        this.deps.upstreams.pinned.delete(id);
        const up = this.deps.upstreams.get(id);
        if (up && up.hub.subscriberCount === 0) await this.deps.upstreams.stop(id, 'idle');
      }
      await this.report();
    } finally {
      this.claiming = false;
    }
  }

  /** A hand-over of `id` starts: keep its open segment until the new owner records (make-before-break). */
  hold(id: string): void {
    const rec = this.recorders.get(id);
    if (rec) rec.holdSegment = true;
  }

  /** Opens pending cameras one by one, `startRate` per second with ±50 % jitter (no thundering herd). */
  private async ramp(): Promise<void> {
    if (this.ramping) return;
    this.ramping = true;
    try {
      const gapMs = 1000 / (this.deps.opts.startRate ?? 50);
      for (let next = this.pending.entries().next(); !next.done; next = this.pending.entries().next()) {
        const [id, generation] = next.value;
        this.pending.delete(id);
        await this.open(id, generation);
        await new Promise((r) => setTimeout(r, gapMs * (0.5 + Math.random())));
      }
    } finally {
      this.ramping = false;
    }
  }

  private async open(id: string, generation: number): Promise<void> {
    const { upstreams, log } = this.deps;
    if (this.recorders.has(id)) return;
    try {
      const camera = await this.deps.nodeStore.camera(id);
      if (!camera) return;
      const up = await upstreams.acquire(camera);
      upstreams.pinned.add(id);
      await this.start(up, generation);
    } catch (err) {
      if (!(err instanceof LeaseHeldElsewhere)) log.warn({ err, camera: id }, 'could not start recording');
    }
  }

  private async start(up: Upstream, generation: number): Promise<void> {
    const id = up.cameraId;
    const store = this.deps.store.as({ epoch: this.deps.nodeStore.epoch, generation });
    const rec = new CameraRecorder(id, store, this.deps.storage, this.deps.log, this.deps.opts, () => {
      // Another node owns the camera now: stop it (the heartbeat would within one period anyway).
      this.fencedWrites++;
      void this.deps.upstreams.stop(id, 'lease_lost');
    });
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

  async stopAll(): Promise<void> {
    for (const id of [...this.recorders.keys()]) await this.stopCamera(id, 'shutdown');
  }
}
