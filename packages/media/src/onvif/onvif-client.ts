/**
 * The small part of ONVIF Profile S the platform needs: find a camera's RTSP stream URI.
 *
 *   GetSystemDateAndTime (no auth: is ONVIF there? and the device clock, so the WS-Security
 *   Created time matches it) → GetCapabilities(Media) or, failing that, GetServices → the media
 *   service → GetProfiles → GetStreamUri(RTP-Unicast, RTSP) for the configured or first profile.
 *
 * Authentication: WS-Security UsernameToken PasswordDigest on every call; when the device answers
 * HTTP 401 the call is repeated with HTTP Digest (RFC 7616) as well. Basic is never used (ONVIF
 * runs over plain HTTP here).
 *
 * SSRF: every request goes to the address and HTTP port the caller checked with its outbound guard.
 * Addresses inside the device's answers (service XAddrs, stream URI) are never connected to: only
 * their path (and query) are kept — behind NAT the device reports its LAN address anyway.
 */
import { parseWwwAuthenticate, RtspAuthenticator } from '../rtsp-auth';
import { httpPost } from './http-post';
import { OnvifError } from './onvif-error';
import { envelope, isAuthFault, NS, readFault, type SoapFault } from './soap';
import { escapeXml, findAll, findPath, parseXml, textAt, type XmlElement, type XmlError } from './xml';

export const DEVICE_SERVICE_PATH = '/onvif/device_service';

export interface OnvifDeviceOptions {
  /** Address to connect to (already checked by the SSRF guard). */
  address: string;
  /** The camera's HTTP (ONVIF) port. */
  port: number;
  /** Registered host name, sent as the Host header. */
  hostHeader?: string;
  username?: string;
  password?: string;
  /** Per request (default 5 s). */
  timeoutMs?: number;
  now?: () => number;
}

export interface OnvifProfile {
  token: string;
  name: string;
  encoding: string | undefined;
  width: number | undefined;
  height: number | undefined;
}

export interface OnvifStreamUri {
  /** URI exactly as the device reported it. */
  reportedUri: string;
  /** Its path and query: what the platform uses, with the registered host and RTSP port. */
  path: string;
  profile: OnvifProfile;
}

/** Path + query of a URL the device reported, validated like a registered RTSP path. */
const SAFE_PATH = /^\/[A-Za-z0-9._~!$&*+,;=:@%/?-]*$/;

export function pathOfReportedUrl(raw: string, protocols: readonly string[]): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new OnvifError('ONVIF_BAD_RESPONSE', 'unparseable URL in the answer');
  }
  if (!protocols.includes(u.protocol)) throw new OnvifError('ONVIF_BAD_RESPONSE', `unexpected URL scheme ${u.protocol}`);
  const path = `${u.pathname || '/'}${u.search}`;
  if (path.length > 200 || !SAFE_PATH.test(path)) throw new OnvifError('ONVIF_BAD_RESPONSE', 'unusable path in the reported URL');
  return path;
}

/**
 * The URL the platform connects to: the registered host and RTSP port with the device's path and
 * query (user info and the device's own host/port dropped). `rewritten` tells whether the device
 * reported another address (typically its LAN address behind NAT).
 */
export function publicStreamUrl(reportedUri: string, host: string, rtspPort: number): { url: string; rewritten: boolean } {
  const path = pathOfReportedUrl(reportedUri, ['rtsp:']);
  const h = host.includes(':') ? `[${host}]` : host;
  const reported = new URL(reportedUri.trim());
  const reportedHost = reported.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const rewritten = reportedHost !== host.toLowerCase() || Number(reported.port || 554) !== rtspPort;
  return { url: `rtsp://${h}:${rtspPort}${path}`, rewritten };
}

export class OnvifDevice {
  private clockOffsetMs = 0;
  private readonly digest: RtspAuthenticator | undefined;
  private readonly now: () => number;

  constructor(private readonly o: OnvifDeviceOptions) {
    this.now = o.now ?? Date.now;
    this.digest = o.username !== undefined ? new RtspAuthenticator(o.username, o.password ?? '') : undefined;
  }

  /** One SOAP call; returns the Body element. Faults become OnvifError (auth → ONVIF_AUTH_FAILED). */
  async call(path: string, action: string, body: string, authenticated = true): Promise<XmlElement> {
    let sentDigestNonce: string | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      // A fresh token (nonce, Created) per request: devices refuse a replayed one.
      const token =
        authenticated && this.o.username !== undefined
          ? { username: this.o.username, password: this.o.password ?? '', created: new Date(this.now() + this.clockOffsetMs).toISOString() }
          : undefined;
      const payload = envelope(body, token);
      const headers: Record<string, string> = { 'Content-Type': `application/soap+xml; charset=utf-8; action="${action}"` };
      const authorization = authenticated ? this.digest?.authorize('POST', path) : undefined;
      if (authorization) headers.Authorization = authorization;
      const res = await httpPost({
        address: this.o.address,
        port: this.o.port,
        path,
        ...(this.o.hostHeader ? { hostHeader: this.o.hostHeader } : {}),
        headers,
        body: payload,
        timeoutMs: this.o.timeoutMs ?? 5000,
      });
      if (res.status === 401) {
        if (!authenticated || !this.digest) throw new OnvifError('ONVIF_AUTH_FAILED', 'HTTP 401 without credentials');
        const challenges = parseWwwAuthenticate(res.headers['www-authenticate'] ?? []).filter((c) => c.scheme === 'digest');
        const nonce = challenges[0]?.params.nonce;
        const stale = /^true$/i.test(challenges[0]?.params.stale ?? '');
        // Same nonce refused again (and not stale): the password is wrong.
        if (!nonce || (authorization && nonce === sentDigestNonce && !stale) || !this.digest.setChallenges(challenges)) {
          throw new OnvifError('ONVIF_AUTH_FAILED', 'HTTP 401 after Digest');
        }
        sentDigestNonce = nonce;
        continue;
      }
      return this.read(res.status, res.body);
    }
    throw new OnvifError('ONVIF_AUTH_FAILED', 'HTTP 401 after Digest');
  }

  private read(status: number, text: string): XmlElement {
    let root: XmlElement;
    try {
      root = parseXml(text);
    } catch (err) {
      if (status >= 400) throw new OnvifError('ONVIF_NOT_SUPPORTED', `HTTP ${status} without SOAP`);
      throw new OnvifError('ONVIF_BAD_RESPONSE', `malformed XML: ${(err as XmlError).message}`);
    }
    if (root.name !== 'Envelope') throw new OnvifError(status >= 400 ? 'ONVIF_NOT_SUPPORTED' : 'ONVIF_BAD_RESPONSE', 'not a SOAP envelope');
    const fault = readFault(root);
    if (fault) throw faultError(fault);
    const body = findPath(root, 'Body');
    if (status >= 300 || !body)
      throw new OnvifError(status === 404 || status === 405 ? 'ONVIF_NOT_SUPPORTED' : 'ONVIF_BAD_RESPONSE', `HTTP ${status}`);
    return body;
  }

  /** Reads the device clock (unauthenticated) so WS-Security timestamps match it. */
  async syncClock(): Promise<void> {
    const body = await this.call(DEVICE_SERVICE_PATH, `${NS.device}/GetSystemDateAndTime`, '<tds:GetSystemDateAndTime/>', false);
    const utc = findPath(body, 'UTCDateTime');
    if (!utc) return; // some devices only report local time: keep ours
    const n = (...p: string[]) => Number(textAt(utc, ...p));
    const t = Date.UTC(
      n('Date', 'Year'),
      n('Date', 'Month') - 1,
      n('Date', 'Day'),
      n('Time', 'Hour'),
      n('Time', 'Minute'),
      n('Time', 'Second'),
    );
    if (Number.isFinite(t)) this.clockOffsetMs = t - this.now();
  }

  /** Path of the media service: GetCapabilities(Media), else GetServices. */
  mediaServicePath(): Promise<string> {
    return this.servicePath('Media', NS.media, 'no media service');
  }

  /**
   * Path of a service (Media, PTZ, Events): GetCapabilities(category), else GetServices by
   * namespace; none → ONVIF_NOT_SUPPORTED with `missing` as the message.
   */
  async servicePath(category: 'Media' | 'PTZ' | 'Events', namespace: string, missing: string): Promise<string> {
    let xaddr: string | undefined;
    try {
      const body = await this.call(
        DEVICE_SERVICE_PATH,
        `${NS.device}/GetCapabilities`,
        `<tds:GetCapabilities><tds:Category>${category}</tds:Category></tds:GetCapabilities>`,
      );
      xaddr = textAt(body, 'Capabilities', category, 'XAddr');
    } catch (err) {
      if (err instanceof OnvifError && err.code !== 'ONVIF_BAD_RESPONSE' && err.code !== 'ONVIF_NOT_SUPPORTED') throw err;
    }
    if (!xaddr) {
      const body = await this.call(
        DEVICE_SERVICE_PATH,
        `${NS.device}/GetServices`,
        '<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>',
      );
      xaddr = findAll(body, 'Service')
        .find((s) => textAt(s, 'Namespace') === namespace)
        ?.children.find((c) => c.name === 'XAddr')
        ?.text.trim();
    }
    if (!xaddr) throw new OnvifError('ONVIF_NOT_SUPPORTED', missing);
    return pathOfReportedUrl(xaddr, ['http:', 'https:']);
  }

  async profiles(mediaPath: string): Promise<OnvifProfile[]> {
    const body = await this.call(mediaPath, `${NS.media}/GetProfiles`, '<trt:GetProfiles/>');
    return findAll(body, 'Profiles')
      .filter((p) => p.attributes.token)
      .map((p) => {
        const enc = findPath(p, 'VideoEncoderConfiguration');
        const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
        return {
          token: p.attributes.token!,
          name: p.children.find((c) => c.name === 'Name')?.text.trim() ?? p.attributes.token!,
          encoding: enc ? textAt(enc, 'Encoding') : undefined,
          width: enc ? num(textAt(enc, 'Resolution', 'Width')) : undefined,
          height: enc ? num(textAt(enc, 'Resolution', 'Height')) : undefined,
        };
      });
  }

  async streamUri(mediaPath: string, profileToken: string): Promise<string> {
    const body = await this.call(
      mediaPath,
      `${NS.media}/GetStreamUri`,
      '<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup>' +
        `<trt:ProfileToken>${escapeXml(profileToken)}</trt:ProfileToken></trt:GetStreamUri>`,
    );
    const uri = textAt(body, 'MediaUri', 'Uri');
    if (!uri) throw new OnvifError('ONVIF_BAD_RESPONSE', 'GetStreamUri without MediaUri/Uri');
    return uri;
  }
}

function faultError(f: SoapFault): OnvifError {
  if (isAuthFault(f)) return new OnvifError('ONVIF_AUTH_FAILED', `fault ${f.codes.join('/')}`);
  if (f.codes.some((c) => /^(ActionNotSupported|NotSupported|NoSuchService)$/i.test(c)))
    return new OnvifError('ONVIF_NOT_SUPPORTED', `fault ${f.codes.join('/')}`);
  if (f.codes.some((c) => /^NoProfile$/i.test(c))) return new OnvifError('ONVIF_NO_PROFILE', `fault ${f.codes.join('/')}`);
  return new OnvifError('ONVIF_BAD_RESPONSE', `fault ${f.codes.join('/')}: ${f.reason}`);
}

/**
 * Finds the RTSP stream URI of a camera: the profile named by `profileToken`, else the first one
 * with a video encoder (else the first one).
 */
export async function discoverStreamUri(o: OnvifDeviceOptions & { profileToken?: string }): Promise<OnvifStreamUri> {
  const device = new OnvifDevice(o);
  try {
    await device.syncClock();
  } catch (err) {
    // A device that wants credentials even for the clock is still an ONVIF device.
    if (!(err instanceof OnvifError && err.code === 'ONVIF_AUTH_FAILED')) throw err;
  }
  const mediaPath = await device.mediaServicePath();
  const profiles = await device.profiles(mediaPath);
  const profile = o.profileToken ? profiles.find((p) => p.token === o.profileToken) : (profiles.find((p) => p.encoding) ?? profiles[0]);
  if (!profile) throw new OnvifError('ONVIF_NO_PROFILE', o.profileToken ? `no profile ${o.profileToken}` : 'no media profile');
  const reportedUri = await device.streamUri(mediaPath, profile.token);
  return { reportedUri, path: pathOfReportedUrl(reportedUri, ['rtsp:']), profile };
}
