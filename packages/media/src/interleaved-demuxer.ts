/**
 * Splits the byte stream of an RTSP-over-TCP connection into interleaved binary frames
 * ("$" channel length data, RFC 2326 §10.12) and RTSP text messages (responses, and
 * requests the server may send), in any order. Robust to responses arriving between
 * binary frames, to messages split across reads and to garbage (it resynchronizes on
 * the next "$" or "RTSP/").
 *
 * Allocation: data is parsed straight from the incoming chunk; only an incomplete tail
 * is copied into an internal buffer that is reused. Interleaved payloads are passed as
 * (buffer, start, end) views that are valid only during the callback.
 */
import { parseHead, parseRequestLine, parseStatusLine, type RtspResponse, type RtspServerRequest } from './rtsp-message';

export interface DemuxerHandlers {
  onInterleaved(channel: number, buf: Buffer, start: number, end: number): void;
  onResponse(res: RtspResponse): void;
  onRequest?(req: RtspServerRequest): void;
  /**
   * Optional check of the channel byte after "$"; a frame on an unknown channel is
   * treated as garbage and skipped byte by byte (protects against desynchronized streams).
   */
  isChannelValid?(channel: number): boolean;
}

export class RtspProtocolError extends Error {
  override readonly name = 'RtspProtocolError';
}

const DOLLAR = 0x24;
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEAD = 64 * 1024;

export class InterleavedDemuxer {
  /** Bytes skipped while resynchronizing on garbage. */
  skippedBytes = 0;
  resyncs = 0;
  private acc: Buffer;
  private accLen = 0;

  constructor(
    private readonly handlers: DemuxerHandlers,
    private readonly maxMessageSize = 1024 * 1024,
  ) {
    this.acc = Buffer.allocUnsafe(16 * 1024);
  }

  /** Bytes held waiting for the rest of a message. */
  get pendingBytes(): number {
    return this.accLen;
  }

  /**
   * Feeds bytes buf[start, end). The buffer may be reused by the caller afterwards. Throws when
   * the one incomplete message left over is larger than maxMessageSize (a chunk may be bigger:
   * a fast publisher sends many frames per read).
   */
  push(buf: Buffer, start = 0, end = buf.length): void {
    if (this.accLen === 0) {
      const consumed = this.parse(buf, start, end);
      if (consumed < end) this.keep(buf, consumed, end);
    } else {
      this.append(buf, start, end);
      const consumed = this.parse(this.acc, 0, this.accLen);
      if (consumed > 0) {
        this.acc.copyWithin(0, consumed, this.accLen);
        this.accLen -= consumed;
      }
    }
    if (this.accLen > this.maxMessageSize + 4) {
      this.accLen = 0;
      throw new RtspProtocolError(`RTSP message larger than ${this.maxMessageSize} bytes`);
    }
  }

  reset(): void {
    this.accLen = 0;
  }

  private keep(buf: Buffer, start: number, end: number): void {
    this.accLen = 0;
    this.append(buf, start, end);
  }

  private append(buf: Buffer, start: number, end: number): void {
    const n = end - start;
    const need = this.accLen + n;
    if (need > this.acc.length) {
      let size = this.acc.length * 2;
      while (size < need) size *= 2;
      const next = Buffer.allocUnsafe(size);
      this.acc.copy(next, 0, 0, this.accLen);
      this.acc = next;
    }
    buf.copy(this.acc, this.accLen, start, end);
    this.accLen += n;
  }

  /** Parses complete messages in buf[pos, end) and returns the offset of the first unconsumed byte. */
  private parse(buf: Buffer, pos: number, end: number): number {
    while (pos < end) {
      const b = buf[pos]!;
      if (b === DOLLAR && (end - pos < 2 || (this.handlers.isChannelValid?.(buf[pos + 1]!) ?? true))) {
        if (end - pos < 4) return pos;
        const len = buf.readUInt16BE(pos + 2);
        if (end - pos < 4 + len) return pos;
        this.handlers.onInterleaved(buf[pos + 1]!, buf, pos + 4, pos + 4 + len);
        pos += 4 + len;
        continue;
      }
      if (b >= 0x41 && b <= 0x5a) {
        // 'A'..'Z': a response ("RTSP/1.0 ...") or a server request ("GET_PARAMETER ...").
        const next = this.parseText(buf, pos, end);
        if (next === -1) return pos; // incomplete
        if (next >= 0) {
          pos = next;
          continue;
        }
      }
      pos = this.resync(buf, pos + 1, end);
    }
    return pos;
  }

  /** Returns the offset after the message, -1 when incomplete, -2 when not a valid message. */
  private parseText(buf: Buffer, pos: number, end: number): number {
    // Validate the first bytes early so garbage starting with a capital letter is skipped.
    const probeEnd = Math.min(end, pos + 16);
    const probe = buf.toString('latin1', pos, probeEnd);
    if (!/^(RTSP\/|[A-Z_]+ )/.test(probe) && !(probe.length < 16 && /^[A-Z_/]*$/.test(probe))) return -2;
    const headEnd = buf.indexOf(HEADER_END, pos);
    if (headEnd < 0 || headEnd >= end) {
      if (end - pos > MAX_HEAD) return -2;
      return -1;
    }
    const head = parseHead(buf.toString('latin1', pos, headEnd));
    const bodyStart = headEnd + 4;
    const cl = Number.parseInt(head.headers.get('content-length')?.[0] ?? '0', 10) || 0;
    if (cl < 0 || cl > this.maxMessageSize) return -2;
    if (end - bodyStart < cl) return -1;
    const body = Buffer.from(buf.subarray(bodyStart, bodyStart + cl));
    const status = parseStatusLine(head.startLine);
    if (status) {
      this.handlers.onResponse({ ...status, headers: head.headers, body });
      return bodyStart + cl;
    }
    const req = parseRequestLine(head.startLine);
    if (req) {
      this.handlers.onRequest?.({ ...req, headers: head.headers, body });
      return bodyStart + cl;
    }
    return -2;
  }

  /** Skips garbage up to the next plausible message start. */
  private resync(buf: Buffer, pos: number, end: number): number {
    this.resyncs++;
    const start = pos;
    while (pos < end) {
      const b = buf[pos]!;
      if (b === DOLLAR || b === 0x52 /* 'R' of "RTSP/" */) break;
      pos++;
    }
    this.skippedBytes += pos - start + 1;
    return pos;
  }
}
