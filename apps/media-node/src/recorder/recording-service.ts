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
  /** Reconnect ramp: cameras opened per second at most when taking over many (with jitter). */
  startRate?: number;
}

/** What the heartbeat learned about ownership (ADR 0013). */
export interface TickContext {
  /** Cameras this node owns → assignment generation. */
  owned: Map<string, number>;
  /** Owned cameras held without a viewer (MEDIA_MONITOR) → whether the recording policy says record. */
  wanted: Map<string, boolean>;
  /** False within two lease periods of a database outage: only cameras nobody owns may be claimed. */
  mayTakeExpired: boolean;
  /** Draining: claim nothing, offer nothing. */
  draining: boolean;
  /** Cameras a new owner took make-before-break: recorded on until the heartbeat sees the new owner record. */
  handingOver: Set<string>;
}

/**
 * Claims the cameras this node watches 24/7 (Art. 25 §3: every active eligible camera with
 * MEDIA_MONITOR=all, else the recorded ones) up to its fair share, offers the excess to joining
 * nodes (ADR 0013), opens claimed cameras at a bounded rate (reconnect ramp) — upstream pinned open
 * — and runs one CameraHealth per held camera (health, outages → uptime) and one CameraRecorder per
 * camera whose policy says record, all on the camera's single upstream; reports health.
 */
export class RecordingService {
  readonly recorders = new Map<string, CameraRecorder>();
  readonly health = new Map<string, CameraHealth>();
  private readonly since = new Map<string, number>();
  /** The tick in flight, if any: stopAll() waits for it so nothing starts behind its back. */
  private ticking: Promise<void> | undefined;
  private stopping = false;
  /** Owned cameras waiting to be opened (ramp) → generation and whether to record. */
  private readonly pending = new Map<string, { generation: number; record: boolean }>();
  /** The ramp in flight, if any (stopAll() waits for it too). */
  private ramping: Promise<void> | undefined;
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

  /** Called by the heartbeat: claim up to the fair share, offer the excess, open what we hold, release what we no longer should, report health. */
  async tick(ctx: TickContext): Promise<void> {
    if (this.ticking || this.stopping) return;
    this.ticking = this.claimAndReport(ctx);
    try {
      await this.ticking;
    } finally {
      this.ticking = undefined;
    }
  }

  private async claimAndReport(ctx: TickContext): Promise<void> {
    const { nodeStore, upstreams, opts } = this.deps;
    const policy = { defaultOn: opts.defaultOn, monitorAll: opts.monitorAll };
    if (!ctx.draining) {
      const fair = await nodeStore.fairShare(policy);
      const target = Math.min(fair.share, opts.maxCameras);
      if (fair.owned < target) {
        const claimed = await nodeStore.claimCameras({
          ...policy,
          limit: Math.min(target - fair.owned, Math.max(10, Math.ceil((opts.startRate ?? 50) * 2))),
          takeExpired: ctx.mayTakeExpired,
        });
        for (const c of claimed) {
          ctx.owned.set(c.cameraId, c.generation);
          ctx.wanted.set(c.cameraId, c.record);
        }
      } else if (fair.liveNodes > 1 && fair.owned > target + Math.max(1, Math.ceil(target * 0.05))) {
        for (const id of await nodeStore.offer(Math.min(fair.owned - target, 50))) this.hold(id);
      }
    }
    for (const [id, record] of ctx.wanted) {
      if (this.stopping) return;
      const generation = ctx.owned.get(id)!;
      if (!this.health.has(id)) {
        this.pending.set(id, { generation, record });
        continue;
      }
      if (this.recorders.has(id) === record) continue;
      // The policy changed on a camera we hold: start or stop its recorder on the open upstream.
      const up = upstreams.get(id);
      if (record && up) await this.startRecorder(up, generation);
      else if (!record) await this.stopRecorder(id, null);
    }
    for (const id of [...this.pending.keys()]) if (!ctx.wanted.has(id)) this.pending.delete(id);
    this.ramping ??= this.ramp().finally(() => {
      this.ramping = undefined;
    });
    for (const id of [...this.health.keys()]) {
      if (ctx.wanted.has(id) || ctx.handingOver.has(id)) continue;
      // Policy turned off, or no longer ours: stop; the upstream stays while viewers remain.
      await this.stopCamera(id, null);
      upstreams.pinned.delete(id);
      const up = upstreams.get(id);
      if (up && up.hub.subscriberCount === 0) await upstreams.stop(id, 'idle');
    }
    if (!this.stopping) await this.report();
  }

  /** A hand-over of `id` starts: keep its open segment until the new owner records (make-before-break). */
  hold(id: string): void {
    const rec = this.recorders.get(id);
    if (rec) rec.holdSegment = true;
  }

  /** Opens pending cameras one by one, `startRate` per second with ±50 % jitter (no thundering herd). */
  private async ramp(): Promise<void> {
    const gapMs = 1000 / (this.deps.opts.startRate ?? 50);
    for (let next = this.pending.entries().next(); !next.done && !this.stopping; next = this.pending.entries().next()) {
      const [id, p] = next.value;
      this.pending.delete(id);
      if (this.health.has(id)) continue;
      await this.open(id, p.generation, p.record);
      await new Promise((r) => setTimeout(r, gapMs * (0.5 + Math.random())));
    }
  }

  /** Takes the camera's upstream and pins it open; health and monitoring start with it, the recorder when the policy says record. */
  private async open(id: string, generation: number, record: boolean): Promise<void> {
    const { upstreams, log } = this.deps;
    try {
      const camera = await this.deps.nodeStore.camera(id);
      if (!camera || this.stopping) return;
      const up = await upstreams.acquire(camera);
      // The node began to stop meanwhile: the shutdown closes the upstream; hold and record nothing.
      if (this.stopping) return;
      upstreams.pinned.add(id);
      this.health.get(id)?.close();
      this.health.set(id, new CameraHealth(id, up.hub, up.client, true));
      this.since.set(id, Date.now());
      await this.deps.healthStore.startMonitoring(id);
      if (record && !this.stopping) await this.startRecorder(up, generation);
    } catch (err) {
      if (!(err instanceof LeaseHeldElsewhere)) log.warn({ err, camera: id }, 'could not start monitoring or recording');
    }
  }

  /** Records the camera as writer `(node, epoch, generation)`: a refused write stops it (another node owns it now). */
  private async startRecorder(up: Upstream, generation: number): Promise<void> {
    const id = up.cameraId;
    if (this.recorders.has(id)) return;
    const store = this.deps.store.as({ epoch: this.deps.nodeStore.epoch, generation });
    const rec = new CameraRecorder(id, store, this.deps.storage, this.deps.log, this.deps.opts, () => {
      // Another node owns the camera now: stop it (the heartbeat would within one period anyway).
      this.fencedWrites++;
      void this.deps.upstreams.stop(id, 'lease_lost');
    });
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
   * Node shutdown: no tick claims a camera any more, the tick and the ramp in flight are waited
   * for (they could otherwise attach a recorder after this loop and leave its segment open), then
   * every recorder closes its segment.
   */
  async stopAll(): Promise<void> {
    this.stopping = true;
    this.pending.clear();
    await this.ticking?.catch(() => undefined);
    await this.ramping?.catch(() => undefined);
    for (const id of [...this.health.keys()]) await this.stopCamera(id, 'shutdown');
  }
}
