/**
 * RTP (RFC 3550) header parsing and sequence-gap accounting.
 *
 * The hot path uses {@link parseRtpHeader}, which fills a caller-owned object and
 * reports the payload as offsets into the input buffer, so no allocation happens per
 * packet. {@link parseRtpPacket} is the convenient allocating variant.
 */

export interface RtpHeader {
  version: number;
  padding: boolean;
  extension: boolean;
  marker: boolean;
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
  /** Contributing sources; reused between calls of parseRtpHeader on the same object. */
  csrcs: number[];
  /** Header extension profile (the 16-bit "defined by profile" field), or -1 when absent. */
  extensionProfile: number;
  /** Offset/length of the header extension data (without its 4-byte header) in the buffer. */
  extensionOffset: number;
  extensionLength: number;
  /** Payload position in the buffer passed to parseRtpHeader (padding removed). */
  payloadOffset: number;
  payloadLength: number;
}

export interface RtpPacket extends RtpHeader {
  payload: Buffer;
  extensionData: Buffer | undefined;
}

export class RtpParseError extends Error {
  override readonly name = 'RtpParseError';
}

export function createRtpHeader(): RtpHeader {
  return {
    version: 0,
    padding: false,
    extension: false,
    marker: false,
    payloadType: 0,
    sequence: 0,
    timestamp: 0,
    ssrc: 0,
    csrcs: [],
    extensionProfile: -1,
    extensionOffset: 0,
    extensionLength: 0,
    payloadOffset: 0,
    payloadLength: 0,
  };
}

/**
 * Parses the RTP header found at buf[offset, offset + length) into `out`.
 * Throws RtpParseError on malformed packets.
 */
export function parseRtpHeader(buf: Buffer, offset: number, length: number, out: RtpHeader = createRtpHeader()): RtpHeader {
  if (length < 12) throw new RtpParseError(`RTP packet too short (${length} bytes)`);
  const end = offset + length;
  const b0 = buf[offset]!;
  const b1 = buf[offset + 1]!;
  const version = b0 >> 6;
  if (version !== 2) throw new RtpParseError(`unsupported RTP version ${version}`);
  out.version = version;
  out.padding = (b0 & 0x20) !== 0;
  out.extension = (b0 & 0x10) !== 0;
  const cc = b0 & 0x0f;
  out.marker = (b1 & 0x80) !== 0;
  out.payloadType = b1 & 0x7f;
  out.sequence = buf.readUInt16BE(offset + 2);
  out.timestamp = buf.readUInt32BE(offset + 4);
  out.ssrc = buf.readUInt32BE(offset + 8);
  let pos = offset + 12;
  out.csrcs.length = 0;
  if (pos + cc * 4 > end) throw new RtpParseError('RTP CSRC list exceeds packet');
  for (let i = 0; i < cc; i++, pos += 4) out.csrcs.push(buf.readUInt32BE(pos));
  out.extensionProfile = -1;
  out.extensionOffset = 0;
  out.extensionLength = 0;
  if (out.extension) {
    if (pos + 4 > end) throw new RtpParseError('RTP header extension exceeds packet');
    out.extensionProfile = buf.readUInt16BE(pos);
    const words = buf.readUInt16BE(pos + 2);
    out.extensionOffset = pos + 4;
    out.extensionLength = words * 4;
    pos += 4 + words * 4;
    if (pos > end) throw new RtpParseError('RTP header extension exceeds packet');
  }
  let payloadEnd = end;
  if (out.padding) {
    const pad = buf[end - 1]!;
    if (pad === 0 || payloadEnd - pad < pos) throw new RtpParseError(`invalid RTP padding ${pad}`);
    payloadEnd -= pad;
  }
  out.payloadOffset = pos;
  out.payloadLength = payloadEnd - pos;
  return out;
}

/** Allocating convenience parser (tests, tools, non-hot paths). */
export function parseRtpPacket(buf: Buffer): RtpPacket {
  const h = parseRtpHeader(buf, 0, buf.length, createRtpHeader());
  return {
    ...h,
    csrcs: [...h.csrcs],
    payload: buf.subarray(h.payloadOffset, h.payloadOffset + h.payloadLength),
    extensionData: h.extension ? buf.subarray(h.extensionOffset, h.extensionOffset + h.extensionLength) : undefined,
  };
}

/** Serializes an RTP packet (used by tests and simulators). */
export function buildRtpPacket(p: {
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc?: number;
  marker?: boolean;
  csrcs?: number[];
  extension?: { profile: number; data: Buffer };
  padding?: number;
  payload: Buffer;
}): Buffer {
  const csrcs = p.csrcs ?? [];
  const extLen = p.extension ? 4 + p.extension.data.length : 0;
  if (p.extension && p.extension.data.length % 4 !== 0) throw new Error('extension data must be a multiple of 4');
  const pad = p.padding ?? 0;
  const buf = Buffer.alloc(12 + csrcs.length * 4 + extLen + p.payload.length + pad);
  buf[0] = 0x80 | (pad ? 0x20 : 0) | (p.extension ? 0x10 : 0) | csrcs.length;
  buf[1] = (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f);
  buf.writeUInt16BE(p.sequence & 0xffff, 2);
  buf.writeUInt32BE(p.timestamp >>> 0, 4);
  buf.writeUInt32BE((p.ssrc ?? 0x12345678) >>> 0, 8);
  let pos = 12;
  for (const c of csrcs) {
    buf.writeUInt32BE(c >>> 0, pos);
    pos += 4;
  }
  if (p.extension) {
    buf.writeUInt16BE(p.extension.profile, pos);
    buf.writeUInt16BE(p.extension.data.length / 4, pos + 2);
    p.extension.data.copy(buf, pos + 4);
    pos += extLen;
  }
  p.payload.copy(buf, pos);
  pos += p.payload.length;
  if (pad) buf[buf.length - 1] = pad;
  return buf;
}

/**
 * Counts lost packets from the 16-bit sequence numbers, handling wrap-around.
 * Late (reordered) and duplicated packets are counted separately and do not move
 * the expected sequence backwards.
 */
export class SequenceTracker {
  /** Packets seen. */
  received = 0;
  /** Packets inferred missing from forward jumps in the sequence. */
  lost = 0;
  /** Number of discontinuities (each forward jump counts once, whatever its size). */
  gaps = 0;
  /** Packets arriving with an older sequence number than already seen (reordered or duplicate). */
  late = 0;
  private last = -1;
  private cycles = 0;

  /** Extended highest sequence number (wrap count << 16 | last sequence), for RTCP reports. */
  get extendedHighest(): number {
    return this.last < 0 ? 0 : this.cycles + this.last;
  }

  /**
   * Records `seq` and returns the number of packets lost right before it
   * (0 when in order, or when the packet is late/duplicate/the first one).
   */
  push(seq: number): number {
    this.received++;
    if (this.last < 0) {
      this.last = seq & 0xffff;
      return 0;
    }
    const diff = (seq - this.last) & 0xffff;
    if (diff === 0 || diff >= 0x8000) {
      // Duplicate or older packet (a jump of more than half the space is treated as late).
      this.late++;
      return 0;
    }
    if ((seq & 0xffff) < this.last) this.cycles += 0x10000;
    this.last = seq & 0xffff;
    if (diff === 1) return 0;
    this.lost += diff - 1;
    this.gaps++;
    return diff - 1;
  }

  /** Forgets the last sequence number (new session / SSRC change). Counters are kept. */
  resync(): void {
    this.last = -1;
  }
}
