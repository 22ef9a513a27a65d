import { PublishRefusedError, RtspPublishServer, type PublishTarget } from '@vigia/media';
import type { Log } from './log.js';
import { openPushCredentials, type MasterKey } from './secrets.js';
import type { NodeStore } from './store.js';
import { LeaseHeldElsewhere, type Upstreams } from './upstreams.js';

/**
 * RTSP push listener (docs/cameras.md "Câmeras sem IP público"): a camera or an on-site gateway
 * publishes to rtsp://<node>:<MEDIA_PUSH_PORT>/push/<camera id> with the camera's push
 * credentials (Digest). The publisher becomes the camera's upstream (Upstreams.attachPublisher):
 * the node takes the camera's lease first, and a camera leased by another node is refused with
 * 453 (the publisher retries; the lease moves once the other node lets it expire).
 *
 * Brute force: wrong passwords are counted per source address in this node's memory (IPv6 per
 * /64); too many within the window refuse the address for the block time (MEDIA_PUSH_AUTH_*),
 * and connections not authenticated yet are capped (MEDIA_PUSH_MAX_UNAUTHENTICATED).
 */
export interface PushListener {
  port: number;
  server: RtspPublishServer;
  close(): Promise<void>;
}

const PATH = /^\/push\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export async function startPushListener(deps: {
  port: number;
  host: string;
  maxSessions: number;
  /** Connections not authenticated yet (default 128). */
  maxUnauthenticated?: number;
  /** Wrong passwords per source address before it is refused; undefined = off. */
  authLimit?: { maxFailures: number; windowMs: number; blockMs: number } | undefined;
  store: NodeStore;
  upstreams: Upstreams;
  keys: readonly MasterKey[];
  log: Log;
}): Promise<PushListener> {
  const server: RtspPublishServer = new RtspPublishServer({
    maxConnections: deps.maxSessions,
    ...(deps.maxUnauthenticated ? { maxUnauthenticated: deps.maxUnauthenticated } : {}),
    addressAuthLimit: deps.authLimit ?? false,
    onAddressBlocked: (remoteAddress, blockMs) =>
      deps.log.warn({ remoteAddress, blockMinutes: Math.round(blockMs / 60_000) }, 'push: address blocked after repeated wrong passwords'),
    onError: (err, remoteAddress) => deps.log.debug({ err, remoteAddress }, 'push connection error'),
    lookup: async (path): Promise<PublishTarget | undefined> => {
      const m = PATH.exec(path.toLowerCase());
      if (!m) return undefined;
      const camera = await deps.store.camera(m[1]!);
      if (!camera?.pushCredentials) return undefined;
      const credentials = openPushCredentials(deps.keys, camera.id, camera.pushCredentials);
      if (!credentials) return undefined;
      return {
        credentials,
        open: async (info) => {
          try {
            const sink = await deps.upstreams.attachPublisher(camera, info, (reason) => server.kick(path, reason));
            deps.log.info({ camera: camera.id, remoteAddress: info.remoteAddress, codec: info.codec }, 'publisher recording');
            return sink;
          } catch (err) {
            if (err instanceof LeaseHeldElsewhere) throw new PublishRefusedError(453, 'Not Enough Bandwidth');
            throw err;
          }
        },
      };
    },
  });
  const { port } = await server.listen(deps.port, deps.host);
  deps.log.info({ port, host: deps.host }, 'RTSP push listener up');
  return { port, server, close: () => server.close() };
}
