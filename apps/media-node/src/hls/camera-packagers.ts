import { type AccessUnit, HlsPackager, type HlsPackagerOptions, type Subscription } from '@vigia/media';
import type { Log } from '../log.js';
import type { CameraForIngest } from '../store.js';
import type { Upstreams } from '../upstreams.js';

/**
 * One HLS packager per camera, started when the first HLS client asks and stopped after
 * `idleMs` without a request. It is one more consumer of the camera's single upstream: it holds a
 * hub subscription exactly like a live viewer (so the upstream and its lease stay while HLS is
 * pulled) and drops it when idle (the hub then goes idle and the upstream stops after the grace,
 * unless viewers or the recorder still use it).
 */
export interface CameraHls {
  cameraId: string;
  packager: HlsPackager;
  lastRequest: number;
  /** Requests being answered (a playlist request may wait for the first segment): never idle meanwhile. */
  busy: number;
}

/** Marks a request in progress on `x` (never idle while busy); call the result when answered. */
export function hold(x: { lastRequest: number; busy: number }): () => void {
  x.busy++;
  x.lastRequest = Date.now();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    x.busy--;
    x.lastRequest = Date.now();
  };
}

interface Entry extends CameraHls {
  sub: Subscription;
  detach: () => void;
}

export class CameraPackagers {
  private readonly running = new Map<string, Entry>();
  private readonly starting = new Map<string, Promise<Entry>>();

  constructor(
    private readonly upstreams: Upstreams,
    private readonly log: Log,
    private readonly opts: { idleMs: number; packager?: HlsPackagerOptions },
  ) {}

  get size(): number {
    return this.running.size;
  }

  get(cameraId: string): CameraHls | undefined {
    const e = this.running.get(cameraId);
    if (e) e.lastRequest = Date.now();
    return e;
  }

  /** The camera's packager, starting the upstream (lease) and the packager if needed. */
  async acquire(camera: CameraForIngest): Promise<CameraHls> {
    const e = this.running.get(camera.id);
    if (e) {
      e.lastRequest = Date.now();
      return e;
    }
    let p = this.starting.get(camera.id);
    if (!p) {
      p = this.start(camera).finally(() => this.starting.delete(camera.id));
      this.starting.set(camera.id, p);
    }
    return p;
  }

  /** Waits (bounded) until the packager has a playlist: the first segment takes up to one segment length. */
  async ready(hls: CameraHls, timeoutMs: number): Promise<boolean> {
    if (hls.packager.playlist()) return true;
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        hls.packager.off('segment', onSegment);
        resolve(ok);
      };
      const onSegment = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      hls.packager.on('segment', onSegment);
    });
  }

  /** Stops packagers nobody asked anything of for `idleMs` (called by the HLS service's tick). */
  sweepIdle(now = Date.now()): void {
    for (const e of [...this.running.values()]) if (e.busy === 0 && now - e.lastRequest > this.opts.idleMs) this.stop(e.cameraId, 'idle');
  }

  stop(cameraId: string, reason: string): void {
    const e = this.running.get(cameraId);
    if (!e) return;
    this.running.delete(cameraId);
    e.detach();
    e.sub.unsubscribe();
    e.packager.close();
    this.log.info({ camera: cameraId, reason }, 'hls packager stopped');
  }

  stopAll(): void {
    for (const id of [...this.running.keys()]) this.stop(id, 'shutdown');
  }

  private async start(camera: CameraForIngest): Promise<Entry> {
    const up = await this.upstreams.acquire(camera);
    // Unix seconds: a restarted packager never shows a reloading client a smaller media sequence.
    const packager = new HlsPackager({ ...this.opts.packager, firstSequence: Math.floor(Date.now() / 1000) });
    const onAu = (au: AccessUnit) => packager.push(au, up.client.parameterSets);
    up.hub.on('accessUnit', onAu);
    const entry: Entry = {
      cameraId: camera.id,
      packager,
      lastRequest: Date.now(),
      busy: 0,
      detach: () => up.hub.off('accessUnit', onAu),
      // A subscriber like any viewer: keeps the hub active; the chunks themselves are not used.
      sub: up.hub.subscribe({
        send: () => undefined,
        bufferedAmount: () => 0,
        close: (reason) => {
          // The upstream stopped (lease lost, shutdown): the next request starts again.
          if (this.running.get(camera.id) === entry) {
            this.running.delete(camera.id);
            entry.detach();
            packager.close();
            this.log.info({ camera: camera.id, reason }, 'hls packager closed with its upstream');
          }
        },
      }),
    };
    this.running.set(camera.id, entry);
    this.log.info({ camera: camera.id }, 'hls packager started');
    return entry;
  }
}
