/**
 * Minimal RTCP (RFC 3550 §6.4): reads the NTP time of sender reports and builds the
 * receiver report + SDES CNAME compound packet a UDP receiver sends back (some cameras stop
 * sending to receivers that never report).
 */

/** Middle 32 bits of the NTP timestamp of the first SR in a compound packet (for LSR), or undefined. */
export function senderReportNtpMiddle(buf: Buffer): { ssrc: number; ntpMiddle: number } | undefined {
  let pos = 0;
  while (pos + 4 <= buf.length) {
    const type = buf[pos + 1]!;
    const len = (buf.readUInt16BE(pos + 2) + 1) * 4;
    if (buf[pos]! >> 6 !== 2 || pos + len > buf.length) return undefined;
    if (type === 200 && len >= 28)
      return {
        ssrc: buf.readUInt32BE(pos + 4),
        ntpMiddle: ((buf.readUInt32BE(pos + 8) & 0xffff) * 65536 + (buf.readUInt32BE(pos + 12) >>> 16)) >>> 0,
      };
    pos += len;
  }
  return undefined;
}

export interface ReceptionReport {
  /** SSRC of the source reported on. */
  sourceSsrc: number;
  /** Fraction of packets lost since the previous report, 0..1. */
  fractionLost: number;
  cumulativeLost: number;
  /** Extended highest sequence number received (cycles << 16 | seq). */
  highestSequence: number;
  /** Middle 32 bits of the last SR's NTP time (0 when none). */
  lastSr: number;
  /** Delay since that SR, in 1/65536 s. */
  delaySinceLastSr: number;
}

/** RR (one report block) + SDES with a CNAME: the compound packet a receiver sends. */
export function buildReceiverReport(ssrc: number, cname: string, r: ReceptionReport): Buffer {
  const rr = Buffer.alloc(32);
  rr[0] = 0x81; // V=2, RC=1
  rr[1] = 201;
  rr.writeUInt16BE(7, 2);
  rr.writeUInt32BE(ssrc >>> 0, 4);
  rr.writeUInt32BE(r.sourceSsrc >>> 0, 8);
  const lost = Math.max(-0x800000, Math.min(0x7fffff, Math.round(r.cumulativeLost)));
  rr.writeUInt32BE((((Math.min(255, Math.round(r.fractionLost * 256)) & 0xff) << 24) | (lost & 0xffffff)) >>> 0, 12);
  rr.writeUInt32BE(r.highestSequence >>> 0, 16);
  rr.writeUInt32BE(0, 20); // interarrival jitter: not computed
  rr.writeUInt32BE(r.lastSr >>> 0, 24);
  rr.writeUInt32BE(r.delaySinceLastSr >>> 0, 28);
  const name = Buffer.from(cname.slice(0, 255), 'utf8');
  const itemsLen = 2 + name.length + 1; // CNAME item + end of list
  const words = Math.ceil((4 + itemsLen) / 4);
  const sdes = Buffer.alloc(4 + words * 4);
  sdes[0] = 0x81; // V=2, SC=1
  sdes[1] = 202;
  sdes.writeUInt16BE(words, 2);
  sdes.writeUInt32BE(ssrc >>> 0, 4);
  sdes[8] = 1; // CNAME
  sdes[9] = name.length;
  name.copy(sdes, 10);
  return Buffer.concat([rr, sdes]);
}
