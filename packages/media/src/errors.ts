/**
 * Error type with stable machine-readable codes. The codes are part of the public API:
 * the camera self-test maps them to technician-facing messages (e.g. RTSP_CONNECT_FAILED →
 * "RTSP port closed", RTSP_AUTH_FAILED → "wrong password"), so never rename them.
 */
export type RtspErrorCode =
  /** TCP connection refused / unreachable / connect timeout. */
  | 'RTSP_CONNECT_FAILED'
  /** Host name could not be resolved. */
  | 'RTSP_HOST_NOT_FOUND'
  /** Server answered 401/403 even with the configured credentials (or none were given). */
  | 'RTSP_AUTH_FAILED'
  /** Server answered 404 for the stream path. */
  | 'RTSP_NOT_FOUND'
  /** A request got no answer in time, or media stopped flowing. */
  | 'RTSP_TIMEOUT'
  /** No H.264/H.265 video track in the SDP. */
  | 'RTSP_UNSUPPORTED_CODEC'
  /** Server refused the requested transport (461) or returned an unusable Transport header. */
  | 'RTSP_UNSUPPORTED_TRANSPORT'
  /** Any other non-2xx status code. */
  | 'RTSP_BAD_STATUS'
  /** Malformed response, SDP or interleaved stream. */
  | 'RTSP_PROTOCOL_ERROR'
  /** The server closed the connection (or it was reset) while we were using it. */
  | 'RTSP_CONNECTION_CLOSED'
  /** The client was stopped by the caller. */
  | 'RTSP_ABORTED';

export class RtspError extends Error {
  override readonly name = 'RtspError';
  constructor(
    readonly code: RtspErrorCode,
    message: string,
    /** RTSP status code when the error comes from a response. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isRtspError(err: unknown): err is RtspError {
  return err instanceof RtspError;
}

/** Maps a Node.js socket error to a stable code. */
export function socketErrorToRtspError(err: NodeJS.ErrnoException, host: string, port: number): RtspError {
  switch (err.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new RtspError('RTSP_HOST_NOT_FOUND', `cannot resolve host ${host}`, undefined, { cause: err });
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'EADDRNOTAVAIL':
      return new RtspError('RTSP_CONNECT_FAILED', `cannot connect to ${host}:${port} (${err.code})`, undefined, {
        cause: err,
      });
    case 'ETIMEDOUT':
      return new RtspError('RTSP_CONNECT_FAILED', `connection to ${host}:${port} timed out`, undefined, { cause: err });
    default:
      return new RtspError('RTSP_CONNECTION_CLOSED', `connection to ${host}:${port} failed: ${err.message}`, undefined, {
        cause: err,
      });
  }
}
