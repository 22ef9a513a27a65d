/**
 * RFC 2326 §7.1.1 status codes as the session reports them: 401/403 (credentials, RFC 2617), 404
 * (stream path), 461 Unsupported Transport (§11.4.16), anything else a bad status; socket and
 * framing errors become RTSP_PROTOCOL_ERROR.
 */
import { RtspError } from './errors';
import { RtspProtocolError } from './interleaved-demuxer';
import type { RtspResponse } from './rtsp-message';

export function statusError(method: string, res: RtspResponse): RtspError {
  const msg = `${method} failed: ${res.status} ${res.reason}`;
  switch (res.status) {
    case 401:
    case 403:
      return new RtspError('RTSP_AUTH_FAILED', `${msg} (credentials rejected)`, res.status);
    case 404:
      return new RtspError('RTSP_NOT_FOUND', `${msg} (stream path not found)`, res.status);
    case 461:
      return new RtspError('RTSP_UNSUPPORTED_TRANSPORT', msg, res.status);
    default:
      return new RtspError('RTSP_BAD_STATUS', msg, res.status);
  }
}

export function toRtspError(err: unknown): RtspError {
  if (err instanceof RtspError) return err;
  if (err instanceof RtspProtocolError) return new RtspError('RTSP_PROTOCOL_ERROR', err.message, undefined, { cause: err });
  return new RtspError('RTSP_PROTOCOL_ERROR', (err as Error)?.message ?? String(err), undefined, { cause: err });
}
