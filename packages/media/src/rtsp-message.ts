/**
 * RTSP 1.0 (RFC 2326) message helpers: request serialization, response/request head
 * parsing and the Transport / Session / Public headers.
 */

export type HeaderMap = Map<string, string[]>;

export interface RtspResponse {
  version: string;
  status: number;
  reason: string;
  /** Lower-cased header names; repeated headers keep every value. */
  headers: HeaderMap;
  body: Buffer;
}

/** A request sent by the server to the client (GET_PARAMETER, OPTIONS, ANNOUNCE…). */
export interface RtspServerRequest {
  method: string;
  uri: string;
  headers: HeaderMap;
  body: Buffer;
}

export function header(headers: HeaderMap, name: string): string | undefined {
  return headers.get(name.toLowerCase())?.[0];
}

export function serializeRequest(
  method: string,
  uri: string,
  headers: ReadonlyArray<readonly [string, string]>,
  body?: Buffer | string,
): Buffer {
  let head = `${method} ${uri} RTSP/1.0\r\n`;
  for (const [k, v] of headers) head += `${k}: ${v}\r\n`;
  const b = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : body;
  if (b && b.length > 0) head += `Content-Length: ${b.length}\r\n`;
  head += '\r\n';
  return b && b.length > 0 ? Buffer.concat([Buffer.from(head, 'latin1'), b]) : Buffer.from(head, 'latin1');
}

export function serializeResponse(status: number, reason: string, headers: ReadonlyArray<readonly [string, string]>): Buffer {
  let head = `RTSP/1.0 ${status} ${reason}\r\n`;
  for (const [k, v] of headers) head += `${k}: ${v}\r\n`;
  return Buffer.from(`${head}\r\n`, 'latin1');
}

export interface ParsedHead {
  startLine: string;
  headers: HeaderMap;
}

/** Parses the header block (without the final empty line). Supports folded continuation lines. */
export function parseHead(text: string): ParsedHead {
  const lines = text.split(/\r?\n/);
  const startLine = lines.shift() ?? '';
  const headers: HeaderMap = new Map();
  let lastName: string | undefined;
  for (const line of lines) {
    if (!line) continue;
    if ((line[0] === ' ' || line[0] === '\t') && lastName) {
      const list = headers.get(lastName)!;
      list[list.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const list = headers.get(name);
    if (list) list.push(value);
    else headers.set(name, [value]);
    lastName = name;
  }
  return { startLine, headers };
}

const STATUS_LINE = /^(RTSP\/\d\.\d)\s+(\d{3})\s*(.*)$/;
const REQUEST_LINE = /^([A-Z_]+)\s+(\S+)\s+RTSP\/\d\.\d$/;

export function parseStatusLine(line: string): { version: string; status: number; reason: string } | undefined {
  const m = STATUS_LINE.exec(line);
  return m ? { version: m[1]!, status: Number(m[2]), reason: m[3] ?? '' } : undefined;
}

export function parseRequestLine(line: string): { method: string; uri: string } | undefined {
  const m = REQUEST_LINE.exec(line);
  return m ? { method: m[1]!, uri: m[2]! } : undefined;
}

export interface TransportHeader {
  protocol: string;
  unicast: boolean;
  interleaved: [number, number] | undefined;
  clientPort: [number, number] | undefined;
  serverPort: [number, number] | undefined;
  ssrc: number | undefined;
  mode: string | undefined;
  source: string | undefined;
}

function range(v: string | undefined): [number, number] | undefined {
  if (!v) return undefined;
  const [a, b] = v.split('-');
  const x = Number.parseInt(a ?? '', 10);
  if (!Number.isFinite(x)) return undefined;
  const y = Number.parseInt(b ?? '', 10);
  return [x, Number.isFinite(y) ? y : x + 1];
}

/** Parses the first transport spec of a Transport header. */
export function parseTransport(value: string): TransportHeader {
  const spec = value.split(',')[0] ?? '';
  const parts = spec.split(';').map((p) => p.trim());
  const params = new Map<string, string>();
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq < 0) params.set(p.toLowerCase(), '');
    else params.set(p.slice(0, eq).toLowerCase(), p.slice(eq + 1).replace(/^"|"$/g, ''));
  }
  const ssrc = params.get('ssrc');
  return {
    protocol: parts[0] ?? '',
    unicast: !params.has('multicast'),
    interleaved: range(params.get('interleaved')),
    clientPort: range(params.get('client_port')),
    serverPort: range(params.get('server_port')),
    ssrc: ssrc ? Number.parseInt(ssrc, 16) >>> 0 : undefined,
    mode: params.get('mode'),
    source: params.get('source'),
  };
}

/** Parses "Session: 12345678;timeout=60". */
export function parseSession(value: string): { id: string; timeoutSec: number | undefined } {
  const [id, ...rest] = value.split(';');
  let timeoutSec: number | undefined;
  for (const r of rest) {
    const m = /^\s*timeout\s*=\s*(\d+)/i.exec(r);
    if (m) timeoutSec = Number(m[1]);
  }
  return { id: (id ?? '').trim(), timeoutSec };
}

/** Parses the Public header of an OPTIONS answer into upper-cased method names. */
export function parsePublic(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((m) => m.trim().toUpperCase())
      .filter(Boolean),
  );
}
