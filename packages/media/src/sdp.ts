/**
 * SDP (RFC 4566) parsing for RTSP DESCRIBE answers: media sections, rtpmap, fmtp
 * (with H.264 sprop-parameter-sets and H.265 sprop-vps/sps/pps) and control URLs
 * resolved against the RTSP Content-Base.
 */

export interface SdpMedia {
  /** "video", "audio", "application", … */
  type: string;
  port: number;
  protocol: string;
  payloadTypes: number[];
  /** Attributes of this media section, in order (name → values). */
  attributes: Map<string, string[]>;
  /** rtpmap of the first payload type. */
  payloadType: number;
  /** Encoding name upper-cased ("H264", "H265", "PCMA", …), or "" when unknown. */
  encoding: string;
  clockRate: number;
  /** Audio channels from the rtpmap ("MPEG4-GENERIC/48000/2" → 2), 1 when absent. */
  channels: number;
  /** fmtp parameters of the first payload type, keys lower-cased. */
  fmtp: Record<string, string>;
  /** Raw a=control value, if present. */
  control: string | undefined;
  direction: string | undefined;
}

export interface Sdp {
  sessionName: string;
  attributes: Map<string, string[]>;
  /** Session-level a=control (aggregate control URL), if present. */
  control: string | undefined;
  media: SdpMedia[];
}

export class SdpParseError extends Error {
  override readonly name = 'SdpParseError';
}

function addAttr(map: Map<string, string[]>, line: string): void {
  const colon = line.indexOf(':');
  const name = colon < 0 ? line : line.slice(0, colon);
  const value = colon < 0 ? '' : line.slice(colon + 1);
  const list = map.get(name);
  if (list) list.push(value);
  else map.set(name, [value]);
}

/** Parses "k1=v1; k2=v2" fmtp parameter strings. Keys are lower-cased, values kept verbatim. */
export function parseFmtpParameters(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(';')) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq < 0) out[p.toLowerCase()] = '';
    else out[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim();
  }
  return out;
}

export function parseSdp(text: string): Sdp {
  const lines = text.split(/\r?\n/);
  const session: Sdp = { sessionName: '', attributes: new Map(), control: undefined, media: [] };
  let current: SdpMedia | undefined;
  let sawVersion = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length < 2 || line[1] !== '=') continue;
    const kind = line[0];
    const value = line.slice(2);
    if (kind === 'v') sawVersion = true;
    else if (kind === 's' && !current) session.sessionName = value;
    else if (kind === 'm') {
      const parts = value.split(/\s+/);
      if (parts.length < 4) throw new SdpParseError(`invalid media line: ${line}`);
      const payloadTypes = parts
        .slice(3)
        .map((p) => Number.parseInt(p, 10))
        .filter((n) => Number.isFinite(n));
      current = {
        type: parts[0]!,
        port: Number.parseInt(parts[1]!, 10) || 0,
        protocol: parts[2]!,
        payloadTypes,
        attributes: new Map(),
        payloadType: payloadTypes[0] ?? -1,
        encoding: '',
        clockRate: 0,
        channels: 1,
        fmtp: {},
        control: undefined,
        direction: undefined,
      };
      session.media.push(current);
    } else if (kind === 'a') {
      addAttr(current ? current.attributes : session.attributes, value);
    }
  }
  if (!sawVersion && session.media.length === 0) throw new SdpParseError('not an SDP document');

  session.control = session.attributes.get('control')?.[0]?.trim();
  for (const m of session.media) {
    m.control = m.attributes.get('control')?.[0]?.trim();
    for (const dir of ['sendonly', 'recvonly', 'sendrecv', 'inactive']) {
      if (m.attributes.has(dir)) m.direction = dir;
    }
    for (const v of m.attributes.get('rtpmap') ?? []) {
      const match = /^(\d+)\s+([^/\s]+)(?:\/(\d+))?(?:\/(\d+))?/.exec(v.trim());
      if (match && Number(match[1]) === m.payloadType) {
        m.encoding = match[2]!.toUpperCase();
        m.clockRate = match[3] ? Number(match[3]) : 0;
        if (match[4]) m.channels = Number(match[4]) || 1;
      }
    }
    for (const v of m.attributes.get('fmtp') ?? []) {
      const match = /^(\d+)\s+(.*)$/.exec(v.trim());
      if (match && Number(match[1]) === m.payloadType) m.fmtp = parseFmtpParameters(match[2]!);
    }
    if (!m.encoding) {
      // Static payload types (RFC 3551) used by cameras without rtpmap.
      const statics: Record<number, [string, number]> = { 0: ['PCMU', 8000], 8: ['PCMA', 8000], 26: ['JPEG', 90000] };
      const s = statics[m.payloadType];
      if (s) [m.encoding, m.clockRate] = s;
    }
  }
  return session;
}

/**
 * Resolves an a=control value against the RTSP base URL (Content-Base, else
 * Content-Location, else the request URL). Absolute URLs are kept; "*" or an empty
 * value means the base itself. Relative values are appended to the base with a "/"
 * separator — what FFmpeg and gortsplib do and what cameras expect (strict RFC 3986
 * resolution would drop the last path segment of "rtsp://cam/stream1" and break many
 * devices).
 */
export function resolveControlUrl(base: string, control: string | undefined): string {
  if (!control || control === '*') return base;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(control)) return control;
  if (control.startsWith('/')) {
    const u = new URL(base);
    return `${u.protocol}//${u.host}${control}`;
  }
  return base.endsWith('/') ? base + control : `${base}/${control}`;
}

export interface H264SdpParameters {
  sps: Buffer | undefined;
  pps: Buffer | undefined;
  packetizationMode: number;
  profileLevelId: string | undefined;
}

function decodeBase64(s: string | undefined): Buffer | undefined {
  if (!s) return undefined;
  const b = Buffer.from(s.trim(), 'base64');
  return b.length > 0 ? b : undefined;
}

/** Extracts SPS/PPS from sprop-parameter-sets (comma-separated base64 NAL units). */
export function h264ParametersFromFmtp(fmtp: Record<string, string>): H264SdpParameters {
  let sps: Buffer | undefined;
  let pps: Buffer | undefined;
  for (const part of (fmtp['sprop-parameter-sets'] ?? '').split(',')) {
    const nal = decodeBase64(part);
    if (!nal) continue;
    const type = nal[0]! & 0x1f;
    if (type === 7 && !sps) sps = nal;
    else if (type === 8 && !pps) pps = nal;
  }
  const pm = fmtp['packetization-mode'];
  return {
    sps,
    pps,
    packetizationMode: pm ? Number.parseInt(pm, 10) || 0 : 0,
    profileLevelId: fmtp['profile-level-id'],
  };
}

export interface H265SdpParameters {
  vps: Buffer | undefined;
  sps: Buffer | undefined;
  pps: Buffer | undefined;
  /** True when sprop-max-don-diff > 0: DONL fields are present in AP/FU packets. */
  donlPresent: boolean;
}

export function h265ParametersFromFmtp(fmtp: Record<string, string>): H265SdpParameters {
  const first = (v: string | undefined) => decodeBase64(v?.split(',')[0]);
  return {
    vps: first(fmtp['sprop-vps']),
    sps: first(fmtp['sprop-sps']),
    pps: first(fmtp['sprop-pps']),
    donlPresent: Number.parseInt(fmtp['sprop-max-don-diff'] ?? '0', 10) > 0,
  };
}
