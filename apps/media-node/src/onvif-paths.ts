import { discoverStreamUri, type OnvifDeviceOptions, type OnvifStreamUri } from '@vigia/media';
import type { Log } from './log.js';

/**
 * RTSP paths of cameras whose stream source is ONVIF (docs/cameras.md "ONVIF"). The URI is asked
 * once (GetStreamUri over the camera's HTTP port, at the address the outbound guard checked) and
 * cached for `ttlMs`; an upstream that fails with 401/404 calls `refresh`, because a camera that
 * rebooted or was reconfigured may report another path. Only the path and query of the reported
 * URI are used: the node always connects to the registered host and RTSP port.
 */
export interface OnvifCamera {
  id: string;
  host: string;
  httpPort: number;
}

type Discover = (o: OnvifDeviceOptions) => Promise<OnvifStreamUri>;

export class OnvifStreamPaths {
  private readonly cache = new Map<string, { path: string; expiresAt: number }>();
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    private readonly log: Log,
    private readonly opts: { ttlMs?: number; timeoutMs?: number; now?: () => number; discover?: Discover } = {},
  ) {}

  /** The cached path, or a fresh discovery (concurrent callers share one). */
  path(camera: OnvifCamera, address: string, creds: { username: string; password: string } | undefined): Promise<string> {
    const now = this.opts.now ?? Date.now;
    const hit = this.cache.get(camera.id);
    if (hit && hit.expiresAt > now()) return Promise.resolve(hit.path);
    let p = this.pending.get(camera.id);
    if (!p) {
      p = this.discover(camera, address, creds).finally(() => this.pending.delete(camera.id));
      this.pending.set(camera.id, p);
    }
    return p;
  }

  /** Forgets the cached path and discovers it again. */
  refresh(camera: OnvifCamera, address: string, creds: { username: string; password: string } | undefined): Promise<string> {
    this.cache.delete(camera.id);
    return this.path(camera, address, creds);
  }

  forget(cameraId: string): void {
    this.cache.delete(cameraId);
  }

  private async discover(camera: OnvifCamera, address: string, creds: { username: string; password: string } | undefined): Promise<string> {
    const discover = this.opts.discover ?? discoverStreamUri;
    const r = await discover({
      address,
      port: camera.httpPort,
      hostHeader: camera.host,
      timeoutMs: this.opts.timeoutMs ?? 5000,
      ...(creds ?? {}),
    });
    this.cache.set(camera.id, { path: r.path, expiresAt: (this.opts.now ?? Date.now)() + (this.opts.ttlMs ?? 10 * 60_000) });
    // The path is not logged: some firmwares put the password in the query string.
    this.log.info({ camera: camera.id, profile: r.profile.token }, 'ONVIF stream URI resolved');
    return r.path;
  }
}
