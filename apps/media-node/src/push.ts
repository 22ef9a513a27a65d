import fs from 'node:fs';
import tls from 'node:tls';
import { PublishRefusedError, type PublishTarget, RtspPublishServer } from '@vigia/media';
import type { Log } from './log.js';
import { type MasterKey, openPushCredentials } from './secrets.js';
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
 *
 * RTSPS (MEDIA_PUSH_TLS_*): the same server also listens with TLS on its own port (rtsps://,
 * conventionally 322) — same authentication, limits, address limiter and sessions. With
 * MEDIA_PUSH_PLAIN=off only the TLS port is open.
 */
export interface PushListener {
  /** Plain RTSP port (undefined: TLS only). */
  port: number | undefined;
  /** RTSPS port (undefined: no certificate configured). */
  tlsPort: number | undefined;
  server: RtspPublishServer;
  close(): Promise<void>;
}

const PATH = /^\/push\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export async function startPushListener(deps: {
  port: number | undefined;
  host: string;
  /** RTSPS listener: PEM certificate chain and key files. */
  tls?: { port: number; certFile: string; keyFile: string } | undefined;
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
      // A camera not eligible to stream (no active term, no authorised point) has no publisher: 404 like an unknown path.
      if (!camera?.pushCredentials || !camera.streamEligible) return undefined;
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
  try {
    const port = deps.port === undefined ? undefined : (await server.listen(deps.port, deps.host)).port;
    if (port !== undefined) deps.log.info({ port, host: deps.host }, 'RTSP push listener up');
    let tlsPort: number | undefined;
    if (deps.tls) {
      tlsPort = (await server.listenTls(deps.tls.port, deps.host, { secureContext: certificateFiles(deps.tls, deps.log) })).port;
      deps.log.info({ port: tlsPort, host: deps.host }, 'RTSPS push listener up');
    }
    return { port, tlsPort, server, close: () => server.close() };
  } catch (err) {
    await server.close();
    throw err;
  }
}

/**
 * The TLS context from PEM files, read now (a bad certificate stops the start) and again when a
 * file's modification time changes (checked at most once a minute, at a new connection), so a
 * renewed certificate is used without a restart. A renewal caught half-written keeps the previous
 * context until the next check.
 */
export function certificateFiles(files: { certFile: string; keyFile: string }, log: Log, checkEveryMs = 60_000): () => tls.SecureContext {
  const stamp = () => `${fs.statSync(files.certFile).mtimeMs}:${fs.statSync(files.keyFile).mtimeMs}`;
  const load = () => tls.createSecureContext({ cert: fs.readFileSync(files.certFile), key: fs.readFileSync(files.keyFile) });
  let loadedStamp = stamp();
  let context = load();
  let checkedAt = Date.now();
  return () => {
    if (Date.now() - checkedAt < checkEveryMs) return context;
    checkedAt = Date.now();
    try {
      const now = stamp();
      if (now !== loadedStamp) {
        context = load();
        loadedStamp = now;
        log.info({ certFile: files.certFile }, 'push: TLS certificate reloaded');
      }
    } catch (err) {
      log.warn({ err, certFile: files.certFile }, 'push: TLS certificate reload failed; keeping the previous one');
    }
    return context;
  };
}
