import { type CameraCredentials, classifyCameraHost, rtspPathSchema } from './cameras.js';

/**
 * Pure construction of a camera's RTSP URL for ffmpeg (API snapshots, media-node ffmpeg ingest).
 * Every piece of user text is validated again here (address form, path alphabet, port range) and
 * credentials are percent-encoded, so nothing a user typed can become an ffmpeg option or break
 * out of the URL.
 */
export interface RtspTarget {
  /** Address to connect to: the resolved IP (prevents DNS rebinding between check and use). */
  address: string;
  port: number;
  path: string;
  credentials: CameraCredentials | null;
}

export function buildRtspUrl(t: RtspTarget, opts: { redact?: boolean } = {}): string {
  const host = classifyCameraHost(t.address);
  if (!host.ok) throw new Error('invalid camera address');
  if (!Number.isInteger(t.port) || t.port < 1 || t.port > 65535) throw new Error('invalid camera port');
  const path = rtspPathSchema.safeParse(t.path);
  if (!path.success) throw new Error('invalid RTSP path');
  const hostPart = host.kind === 'ipv6' ? `[${host.host}]` : host.host;
  const auth = t.credentials
    ? `${encodeURIComponent(t.credentials.username)}:${opts.redact ? '***' : encodeURIComponent(t.credentials.password)}@`
    : '';
  return `rtsp://${auth}${hostPart}:${t.port}${path.data}`;
}

/** Removes a secret (raw and percent-encoded) from text that is about to be logged or stored. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  let out = text;
  for (const s of new Set([secret, encodeURIComponent(secret)])) out = out.split(s).join('***');
  return out;
}
