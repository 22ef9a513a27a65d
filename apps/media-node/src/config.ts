import os from 'node:os';
import path from 'node:path';
import { recordingStorageEnv, type S3Settings, s3SettingsOf } from '@vigia/contracts/recording-s3';
import { z } from 'zod';

/** Every variable the media node reads (README "Media node"). */
const envSchema = z
  .object({
    MEDIA_NODE_ID: z
      .string()
      .regex(/^[\w.:-]{1,100}$/)
      .optional(),
    MEDIA_NODE_HOST: z.string().default('127.0.0.1'),
    MEDIA_NODE_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    /** URL browsers use to reach this node; default http://MEDIA_NODE_HOST:MEDIA_NODE_PORT. */
    MEDIA_NODE_PUBLIC_URL: z.string().url().optional(),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().optional(),
    /** Embedded mode: the main process's loopback SQL gateway (ADR 0004) and its per-start secret. */
    MEDIA_DB_GATEWAY_URL: z.string().url().optional(),
    MEDIA_DB_GATEWAY_TOKEN: z.string().optional(),
    CAMERA_SECRETS_KEY: z.string().optional(),
    CAMERA_SECRETS_PREVIOUS_KEYS: z.string().optional(),
    STREAM_TOKEN_KEY: z.string().optional(),
    /** Same as the API's: a bearer that lets a scraper outside this machine read /metrics and /stats. */
    METRICS_TOKEN: z.string().min(16, { message: 'METRICS_TOKEN must have at least 16 characters' }).optional(),
    /** Region the node serves first: a security region's name or id (docs/deployment.md). */
    MEDIA_NODE_REGION: z.string().max(200).optional(),
    /** Weight of the node in the fair share of claimed cameras (default RECORDING_MAX_CAMERAS). */
    MEDIA_NODE_CAPACITY: z.coerce.number().int().min(0).max(5000).optional(),
    /** Reconnect ramp: cameras opened per second at most when the node takes over many. */
    MEDIA_START_RATE: z.coerce.number().min(1).max(1000).default(50),
    /** SIGTERM: how long the node waits for other nodes to take its cameras (make-before-break) before it stops. */
    MEDIA_DRAIN_SECONDS: z.coerce.number().min(0).max(3600).default(60),
    /** The node's lease (ADR 0013): ≥ 3 heartbeats; a dead node's cameras are taken after it expires. */
    MEDIA_LEASE_SECONDS: z.coerce.number().min(0.6).max(300).default(9),
    MEDIA_HEARTBEAT_MS: z.coerce.number().int().min(200).max(60_000).default(3_000),
    MEDIA_SESSION_CHECK_MS: z.coerce.number().int().min(200).max(60_000).default(2_000),
    /** Upstream kept this long after the last viewer left (absorbs page reloads). */
    MEDIA_IDLE_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
    NODE_ENV: z.string().default('development'),
    /** CIDRs the outbound guard admits although private (e.g. a VPN to camera sites); same as the API's. */
    CAMERA_ALLOWED_RANGES: z.string().optional(),
    /** Record cameras that have no recording_policy row (camera or partner): on (issue 17). */
    RECORDING_DEFAULT: z.enum(['on', 'off']).default('on'),
    /**
     * Which cameras the node claims and watches 24/7 (Art. 25 §3): `all` active eligible cameras,
     * recorded or not (each keeps its single upstream open: health, outages, uptime); `recorded`
     * only those it records (tests that exercise the idle stop of an upstream use this).
     */
    MEDIA_MONITOR: z.enum(['all', 'recorded']).default('all'),
    RECORDING_SEGMENT_SECONDS: z.coerce.number().min(2).max(600).default(30),
    RECORDING_FRAGMENT_MS: z.coerce.number().int().min(200).max(10_000).default(1000),
    RECORDING_MAX_CAMERAS: z.coerce.number().int().min(0).max(5000).default(500),
    /** No frame for this long → the camera is down (outage) and the upstream reconnects. */
    MEDIA_WATCHDOG_MS: z.coerce.number().int().min(500).max(60_000).default(5_000),
    /** Longest wait between reconnection attempts to a camera (capped exponential backoff from 0.5 s). */
    MEDIA_RECONNECT_MAX_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),
    /** RTSP push listener for cameras without a public IP (docs/cameras.md): on by default. */
    MEDIA_PUSH: z.enum(['on', 'off']).default('on'),
    /** Default 8554 in production, 0 (random) otherwise. */
    MEDIA_PUSH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** Address the push listener binds (default 0.0.0.0 in production, else MEDIA_NODE_HOST). */
    MEDIA_PUSH_HOST: z.string().optional(),
    MEDIA_PUSH_MAX_SESSIONS: z.coerce.number().int().min(1).max(10_000).default(600),
    /** Push listener: wrong passwords from one address (IPv6: /64) within MEDIA_PUSH_AUTH_WINDOW_MINUTES before it is refused; 0 = off. */
    MEDIA_PUSH_AUTH_MAX_FAILURES: z.coerce.number().int().min(0).max(10_000).default(10),
    MEDIA_PUSH_AUTH_WINDOW_MINUTES: z.coerce.number().min(0.1).max(1440).default(5),
    MEDIA_PUSH_AUTH_BLOCK_MINUTES: z.coerce.number().min(0.1).max(1440).default(15),
    /** RTSPS (RTSP over TLS) on the push listener: PEM certificate chain and key file paths (both or neither). */
    MEDIA_PUSH_TLS_CERT: z.string().optional(),
    MEDIA_PUSH_TLS_KEY: z.string().optional(),
    /** RTSPS port: default 322 in production, 0 (random) otherwise. */
    MEDIA_PUSH_TLS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** Plain RTSP push listener next to RTSPS; "off" (TLS only) is the production recommendation. */
    MEDIA_PUSH_PLAIN: z.enum(['on', 'off']).default('on'),
    /** Push connections not authenticated yet (over it new ones are closed at once). */
    MEDIA_PUSH_MAX_UNAUTHENTICATED: z.coerce.number().int().min(1).max(10_000).default(128),
    /** HLS output (docs/cameras.md): a camera's packager, viewer and VMS pull sessions end after this long without a request. */
    MEDIA_HLS_IDLE_SECONDS: z.coerce.number().min(2).max(3600).default(30),
    /** RTSP media transport of pulled cameras: tcp (interleaved), udp, or auto (UDP, falling back to TCP). */
    MEDIA_RTSP_TRANSPORT: z.enum(['tcp', 'udp', 'auto']).default('tcp'),
    /** Camera audio: drop (video only) or pass (AAC to live viewers, recordings and exports; G.711 is dropped). */
    MEDIA_AUDIO: z.enum(['drop', 'pass']).default('drop'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** RECORDING_STORAGE=s3: a spool file is removed this long after its upload was confirmed. */
    RECORDING_SPOOL_GRACE_SECONDS: z.coerce.number().min(0).max(86_400).default(300),
    /** RECORDING_STORAGE=s3: the uploader looks for closed segments this often (and retries after an error). */
    RECORDING_UPLOAD_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
    /** RECORDING_STORAGE=s3: uploads in flight at once with a small queue (the floor). */
    RECORDING_UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** RECORDING_STORAGE=s3: uploads in flight at most while a backlog drains (grows with the queue, one per 4 waiting). */
    RECORDING_UPLOAD_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  })
  .extend(recordingStorageEnv.shape);

export interface NodeConfig {
  nodeId: string;
  host: string;
  port: number;
  publicUrl: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  gateway: { url: string; token: string } | undefined;
  cameraKeys: { current: string | undefined; previous: string[] };
  streamTokenKey: string | undefined;
  /** Bearer for /metrics and /stats from outside loopback; unset: loopback only. */
  metricsToken: string | undefined;
  leaseSeconds: number;
  heartbeatMs: number;
  region: string | undefined;
  capacity: number;
  drainMs: number;
  sessionCheckMs: number;
  idleGraceMs: number;
  logLevel: string;
  recording: {
    defaultOn: boolean;
    monitorAll: boolean;
    segmentMs: number;
    fragmentMs: number;
    maxCameras: number;
    watchdogMs: number;
    startRate: number;
  };
  /** Production: camera addresses must be public (or in allowedRanges). */
  outbound: { enforce: boolean; allowedRanges: string[] };
  /** How pulled cameras are read: RTSP transport and audio (docs/cameras.md); reconnect backoff cap. */
  ingest: { transport: 'tcp' | 'udp' | 'auto'; audio: 'drop' | 'pass'; reconnectMaxMs: number };
  /** RTSP push listener (undefined = MEDIA_PUSH=off). */
  push:
    | {
        /** Plain RTSP port; undefined = MEDIA_PUSH_PLAIN=off (TLS only). */
        port: number | undefined;
        /** RTSPS (MEDIA_PUSH_TLS_*): PEM files, re-read when they change (certificate renewal). */
        tls: { port: number; certFile: string; keyFile: string } | undefined;
        host: string;
        maxSessions: number;
        maxUnauthenticated: number;
        /** Failed authentications per source address (in memory, per node); undefined = off. */
        authLimit: { maxFailures: number; windowMs: number; blockMs: number } | undefined;
      }
    | undefined;
  /** HLS output for browsers without MSE and for the VMS already at CIOSP (Art. 22 §3). */
  hls: { idleMs: number };
  /** RECORDING_STORAGE=s3: the bucket the spool uploads to (undefined = local disk only). */
  objectStorage: { s3: S3Settings; spoolGraceMs: number; intervalMs: number; concurrency: number; maxConcurrency: number } | undefined;
}

export function loadNodeConfig(source: NodeJS.ProcessEnv = process.env): NodeConfig {
  const e = envSchema.parse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!e.MEDIA_PUSH_TLS_CERT !== !e.MEDIA_PUSH_TLS_KEY)
    throw new Error('media node: set both MEDIA_PUSH_TLS_CERT and MEDIA_PUSH_TLS_KEY (or neither)');
  if (e.MEDIA_PUSH === 'on' && e.MEDIA_PUSH_PLAIN === 'off' && !e.MEDIA_PUSH_TLS_CERT) {
    throw new Error('media node: MEDIA_PUSH_PLAIN=off needs MEDIA_PUSH_TLS_CERT and MEDIA_PUSH_TLS_KEY (or MEDIA_PUSH=off)');
  }
  const production = e.NODE_ENV === 'production';
  const cwd = source.INIT_CWD ?? process.cwd();
  const gateway =
    e.MEDIA_DB_GATEWAY_URL && e.MEDIA_DB_GATEWAY_TOKEN ? { url: e.MEDIA_DB_GATEWAY_URL, token: e.MEDIA_DB_GATEWAY_TOKEN } : undefined;
  if (!e.DATABASE_URL && !gateway)
    throw new Error('media node: set DATABASE_URL, or MEDIA_DB_GATEWAY_URL and MEDIA_DB_GATEWAY_TOKEN (embedded mode)');
  return {
    nodeId: e.MEDIA_NODE_ID ?? `${os.hostname()}-${e.MEDIA_NODE_PORT}`,
    host: e.MEDIA_NODE_HOST,
    port: e.MEDIA_NODE_PORT,
    publicUrl: e.MEDIA_NODE_PUBLIC_URL,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    gateway,
    cameraKeys: {
      current: e.CAMERA_SECRETS_KEY,
      previous: (e.CAMERA_SECRETS_PREVIOUS_KEYS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
    streamTokenKey: e.STREAM_TOKEN_KEY,
    metricsToken: e.METRICS_TOKEN,
    leaseSeconds: e.MEDIA_LEASE_SECONDS,
    heartbeatMs: e.MEDIA_HEARTBEAT_MS,
    region: e.MEDIA_NODE_REGION,
    capacity: e.MEDIA_NODE_CAPACITY ?? e.RECORDING_MAX_CAMERAS,
    drainMs: e.MEDIA_DRAIN_SECONDS * 1000,
    sessionCheckMs: e.MEDIA_SESSION_CHECK_MS,
    idleGraceMs: e.MEDIA_IDLE_GRACE_MS,
    logLevel: e.LOG_LEVEL,
    recording: {
      defaultOn: e.RECORDING_DEFAULT === 'on',
      monitorAll: e.MEDIA_MONITOR === 'all',
      segmentMs: e.RECORDING_SEGMENT_SECONDS * 1000,
      fragmentMs: e.RECORDING_FRAGMENT_MS,
      maxCameras: e.RECORDING_MAX_CAMERAS,
      watchdogMs: e.MEDIA_WATCHDOG_MS,
      startRate: e.MEDIA_START_RATE,
    },
    push:
      e.MEDIA_PUSH === 'off'
        ? undefined
        : {
            port: e.MEDIA_PUSH_PLAIN === 'off' ? undefined : (e.MEDIA_PUSH_PORT ?? (production ? 8554 : 0)),
            tls:
              e.MEDIA_PUSH_TLS_CERT && e.MEDIA_PUSH_TLS_KEY
                ? {
                    port: e.MEDIA_PUSH_TLS_PORT ?? (production ? 322 : 0),
                    certFile: path.resolve(cwd, e.MEDIA_PUSH_TLS_CERT),
                    keyFile: path.resolve(cwd, e.MEDIA_PUSH_TLS_KEY),
                  }
                : undefined,
            host: e.MEDIA_PUSH_HOST ?? (e.NODE_ENV === 'production' ? '0.0.0.0' : e.MEDIA_NODE_HOST),
            maxSessions: e.MEDIA_PUSH_MAX_SESSIONS,
            maxUnauthenticated: e.MEDIA_PUSH_MAX_UNAUTHENTICATED,
            authLimit:
              e.MEDIA_PUSH_AUTH_MAX_FAILURES > 0
                ? {
                    maxFailures: e.MEDIA_PUSH_AUTH_MAX_FAILURES,
                    windowMs: e.MEDIA_PUSH_AUTH_WINDOW_MINUTES * 60_000,
                    blockMs: e.MEDIA_PUSH_AUTH_BLOCK_MINUTES * 60_000,
                  }
                : undefined,
          },
    hls: { idleMs: e.MEDIA_HLS_IDLE_SECONDS * 1000 },
    objectStorage: objectStorageOf(e),
    ingest: { transport: e.MEDIA_RTSP_TRANSPORT, audio: e.MEDIA_AUDIO, reconnectMaxMs: e.MEDIA_RECONNECT_MAX_MS },
    outbound: {
      enforce: e.NODE_ENV === 'production',
      allowedRanges: (e.CAMERA_ALLOWED_RANGES ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    },
  };
}

function objectStorageOf(e: z.infer<typeof envSchema>): NodeConfig['objectStorage'] {
  const s3 = s3SettingsOf(e);
  return s3
    ? {
        s3,
        spoolGraceMs: e.RECORDING_SPOOL_GRACE_SECONDS * 1000,
        intervalMs: e.RECORDING_UPLOAD_INTERVAL_MS,
        concurrency: e.RECORDING_UPLOAD_CONCURRENCY,
        maxConcurrency: Math.max(e.RECORDING_UPLOAD_CONCURRENCY, e.RECORDING_UPLOAD_MAX_CONCURRENCY),
      }
    : undefined;
}
