/**
 * The contract of the RTSP publish server (RFC 2326 §10.3 ANNOUNCE → §10.4 SETUP → §10.11 RECORD):
 * what the application gives it (a lookup of publish paths with their Digest credentials, RFC 2617,
 * and the sink that receives the stream), its options and limits, and its counters.
 */
import type tls from 'node:tls';
import type { AccessUnit, ParameterSets, VideoCodec } from './access-unit';
import type { DigestCredentials, DigestServer } from './rtsp-digest-server';
import type { VideoStreamInfo } from './rtsp-session-types';

/** Receives what a publisher sends. `StreamHub` fits (see `hubPublishSink`). */
export interface PublishSink {
  setParameterSets(codec: VideoCodec, ps: ParameterSets): void;
  pushAccessUnit(au: AccessUnit): void;
  /** The publisher went away (TEARDOWN, connection closed, timeout, replaced, server closed). */
  end?(reason: string): void;
}

export interface PublishStartInfo {
  path: string;
  remoteAddress: string | undefined;
  codec: VideoCodec;
  stream: VideoStreamInfo;
}

/** What the application knows about a publish path. */
export interface PublishTarget {
  credentials: DigestCredentials;
  /**
   * Called once authenticated, at RECORD: returns the sink, or throws `PublishRefusedError`
   * (e.g. 453 when the camera is served by another node) — any other error answers 503.
   */
  open(info: PublishStartInfo): PublishSink | Promise<PublishSink>;
}

export class PublishRefusedError extends Error {
  override readonly name = 'PublishRefusedError';
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(`${status} ${reason}`);
  }
}

export interface RtspPublishServerOptions {
  /** Looks a request path up ("/push/<id>"); undefined → 404. Errors → 503. */
  lookup(path: string): PublishTarget | undefined | Promise<PublishTarget | undefined>;
  /** Digest realm (default "VigiaMaisMT"). */
  realm?: string;
  /** Concurrent TCP connections (default 256). Over it new connections are closed at once. */
  maxConnections?: number;
  /** Max ANNOUNCE body (default 16 KiB) → 413 and close. */
  maxSdpBytes?: number;
  /** Max interleaved ("$") frame payload (default 32 KiB): a bigger one closes the connection. */
  maxInterleavedFrameBytes?: number;
  /** No bytes received for this long closes the connection (default 15 s). */
  idleTimeoutMs?: number;
  /** Must be recording within this time after connecting (default 10 s). */
  handshakeTimeoutMs?: number;
  /** Failed authentications before the connection is closed (default 3). */
  maxAuthFailures?: number;
  /**
   * Failed authentications per source address (IPv6: per /64) across connections: `maxFailures`
   * within `windowMs` refuse new connections from it for `blockMs`. Default 10 in 5 min → 15 min;
   * false turns it off.
   */
  addressAuthLimit?: { maxFailures: number; windowMs: number; blockMs: number } | false;
  /** Connections that have not authenticated yet (default 128): over it new ones are closed at once. */
  maxUnauthenticated?: number;
  /** Clock of the address limiter (tests). */
  now?: () => number;
  /** An address was just blocked after too many failed authentications. */
  onAddressBlocked?(address: string, blockMs: number): void;
  /** Digest nonce lifetime (default 5 min). */
  nonceTtlMs?: number;
  /** Key for the nonce MAC (default random per process). */
  nonceKey?: Buffer;
  /** Keep SPS/PPS/VPS/AUD in access units (default false, like the pull client). */
  keepParameterSets?: boolean;
  /** Server: header value. */
  serverName?: string;
  onError?(err: Error, remoteAddress: string | undefined): void;
}

/** TLS listener: the certificate chain and key, re-read by the provider as the caller sees fit (rotation). */
export interface PublishTlsOptions {
  /** Called for each new connection: the secure context to use (keep it cached). */
  secureContext(): tls.SecureContext;
}

export interface PublishServerStats {
  connections: number;
  /** Closed at once: over maxConnections or maxUnauthenticated. */
  connectionsRejected: number;
  /** Accepted on the TLS listener (counted in `connections` too). */
  tlsConnections: number;
  /** Closed at once: the source address is blocked after failed authentications. */
  connectionsBlocked: number;
  addressesBlocked: number;
  authFailures: number;
  sessionsStarted: number;
  publishing: number;
  protocolErrors: number;
}

/** What a publisher connection uses of its server (rtsp-publish-server.ts implements it). */
export interface PublishHost {
  readonly options: RtspPublishServerOptions;
  readonly limits: PublishLimits;
  readonly stats: PublishServerStats;
  readonly digest: DigestServer;
  /** Connections that have not authenticated yet; a connection decrements it once authenticated. */
  unauthenticated: number;
  /** Counts a failed authentication from `address`; true when the address is now blocked. */
  authFailed(address: string | undefined): boolean;
  claim(path: string, c: PublishConnectionHandle): void;
  release(path: string, c: PublishConnectionHandle): void;
}

/** The limits every connection enforces (defaults filled in by the server). */
export type PublishLimits = Required<
  Pick<
    RtspPublishServerOptions,
    | 'maxConnections'
    | 'maxSdpBytes'
    | 'maxInterleavedFrameBytes'
    | 'idleTimeoutMs'
    | 'handshakeTimeoutMs'
    | 'maxAuthFailures'
    | 'maxUnauthenticated'
  >
>;

/** A publisher connection as the server sees it. */
export interface PublishConnectionHandle {
  readonly path: string | undefined;
  close(reason: string): void;
}

/** A StreamHub (or anything with the same two methods) as a publish sink. */
export function hubPublishSink(
  hub: Pick<PublishSink, 'setParameterSets' | 'pushAccessUnit'>,
  onEnd?: (reason: string) => void,
): PublishSink {
  return {
    setParameterSets: (codec, ps) => hub.setParameterSets(codec, ps),
    pushAccessUnit: (au) => hub.pushAccessUnit(au),
    ...(onEnd ? { end: onEnd } : {}),
  };
}
