import { buildRtspUrl, type RtspTarget, redactSecret } from '@vigia/contracts';
import { RtspError } from '@vigia/media';

/**
 * Pure pieces of the ffmpeg ingest (compatibility mode, docs/cameras.md "Modo ffmpeg"): ffmpeg
 * pulls the camera and copies its first video stream, unchanged, into the node's own loopback RTSP
 * publish server, so the stream hub, recorder and health consume it like any other camera.
 *
 * The camera URL (with its password) is NOT on the command line, where `ps` and /proc/<pid>/cmdline
 * would show it: ffmpeg reads a one-line ffconcat script from its stdin (`-f concat -i pipe:0`).
 * Only the loopback publish URL, with a one-time password of the node, is an argument.
 */

export interface IngestArgsOptions {
  /** rtsp://user:pass@127.0.0.1:port/path of the node's loopback publish server. */
  publishUrl: string;
}

/** ffmpeg arguments: read the ffconcat script on stdin, copy video 0 to the loopback publish server. */
export function buildIngestArgs(o: IngestArgsOptions): string[] {
  const u = new URL(o.publishUrl);
  if (u.protocol !== 'rtsp:' || (u.hostname !== '127.0.0.1' && u.hostname !== '[::1]'))
    throw new Error('publish URL must be loopback RTSP');
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-f',
    'concat',
    '-safe',
    '0',
    '-protocol_whitelist',
    'pipe,rtsp,tcp',
    '-i',
    'pipe:0',
    '-map',
    '0:v:0',
    '-c',
    'copy',
    '-f',
    'rtsp',
    '-rtsp_transport',
    'tcp',
    o.publishUrl,
  ];
}

/**
 * The ffconcat script ffmpeg reads on stdin: the camera's URL (validated and percent-encoded by the
 * shared builder), RTSP over TCP and a socket I/O timeout.
 */
export function buildIngestInput(t: RtspTarget, opts: { ioTimeoutMs: number }): string {
  const url = buildRtspUrl(t);
  if (/[\u0000-\u001f\u007f]/.test(url)) throw new Error('invalid camera URL');
  const timeoutUs = Math.max(1, Math.round(opts.ioTimeoutMs * 1000));
  return ['ffconcat version 1.0', `file ${ffconcatQuote(url)}`, 'option rtsp_transport tcp', `option timeout ${timeoutUs}`, ''].join('\n');
}

/** ffconcat (av_get_token) quoting: everything literal inside '…'; a quote is written '\''. */
export function ffconcatQuote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** Removes passwords (and any user:password@ of an RTSP URL) from ffmpeg output or a command line. */
export function redactFfmpegText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text.replace(/(rtsps?:\/\/)[^\s/@'"]*@/gi, '$1***@');
  for (const s of secrets) out = redactSecret(out, s);
  return out;
}

/**
 * What ended an ffmpeg ingest run, as the RTSP client's error codes (so gap causes and health read
 * the same): 401/403 on DESCRIBE → RTSP_AUTH_FAILED (→ auth_failed), 404 → RTSP_NOT_FOUND,
 * refused/unreachable → RTSP_CONNECT_FAILED, I/O timeout → RTSP_TIMEOUT once playing, no video
 * stream → RTSP_UNSUPPORTED_CODEC; anything else → RTSP_CONNECTION_CLOSED. `stderr` must already be
 * redacted (the message is stored in camera_health.last_error).
 */
export function ingestErrorOf(stderr: string, exit: { code: number | null; signal: string | null }, wasPlaying: boolean): RtspError {
  const last = stderr.trim().split('\n').filter(Boolean).at(-1)?.slice(0, 300) ?? '';
  const detail = `ffmpeg ${exit.signal ? `killed (${exit.signal})` : `exited (${exit.code})`}${last ? `: ${last}` : ''}`;
  if (/DESCRIBE failed: 40[13]|pipe:0: Server returned 40[13]/.test(stderr))
    return new RtspError('RTSP_AUTH_FAILED', detail, /403/.test(stderr) ? 403 : 401);
  if (/DESCRIBE failed: 404|pipe:0: Server returned 404/.test(stderr)) return new RtspError('RTSP_NOT_FOUND', detail, 404);
  if (/Connection refused|No route to host|Network is unreachable|Host is unreachable|Cannot assign requested address/i.test(stderr))
    return new RtspError('RTSP_CONNECT_FAILED', detail);
  if (/timed out/i.test(stderr)) return new RtspError(wasPlaying ? 'RTSP_TIMEOUT' : 'RTSP_CONNECT_FAILED', detail);
  if (/matches no streams/.test(stderr)) return new RtspError('RTSP_UNSUPPORTED_CODEC', detail);
  return new RtspError('RTSP_CONNECTION_CLOSED', detail);
}
