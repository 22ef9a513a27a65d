/**
 * RFC 2326 §3.2: the `rtsp://` URL (default port 554). Credentials in the URL's user-info part
 * are taken out (used for Basic/Digest, RFC 2617) so the request URI never carries them.
 */
import { RtspError } from './errors';

export function parseRtspUrl(url: string, username?: string, password?: string) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RtspError('RTSP_PROTOCOL_ERROR', `invalid URL: ${url}`);
  }
  if (u.protocol !== 'rtsp:') throw new RtspError('RTSP_PROTOCOL_ERROR', `unsupported URL scheme ${u.protocol}`);
  const user = username ?? (u.username ? decodeURIComponent(u.username) : undefined);
  const pass = password ?? (u.password ? decodeURIComponent(u.password) : undefined);
  u.username = '';
  u.password = '';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return { host, port: u.port ? Number(u.port) : 554, url: u.href, username: user, password: pass };
}
