/**
 * H.265 RTP depacketizer (RFC 7798): single NAL unit packets, aggregation packets (AP,
 * type 48) and fragmentation units (FU, type 49), with optional DONL/DOND fields when
 * sprop-max-don-diff > 0. PACI packets (type 50) are counted as dropped.
 */
import type { VideoCodec } from './access-unit';
import { type DepacketizerOptions, NalDepacketizer, NalRole } from './nal-depacketizer';

export const H265_NAL = {
  BLA_W_LP: 16,
  CRA_NUT: 21,
  IRAP_MAX: 23,
  VPS: 32,
  SPS: 33,
  PPS: 34,
  AUD: 35,
  AP: 48,
  FU: 49,
  PACI: 50,
} as const;

export interface H265DepacketizerOptions extends DepacketizerOptions {
  /** DONL/DOND fields present (sprop-max-don-diff > 0 in the SDP). */
  donlPresent?: boolean;
}

export class H265Depacketizer extends NalDepacketizer {
  protected readonly codec: VideoCodec = 'h265';
  private readonly donl: boolean;

  constructor(options: H265DepacketizerOptions) {
    super(options);
    this.donl = options.donlPresent ?? false;
  }

  protected classify(b0: number): NalRole {
    const type = (b0 >> 1) & 0x3f;
    if (type >= H265_NAL.BLA_W_LP && type <= H265_NAL.IRAP_MAX) return NalRole.Keyframe;
    switch (type) {
      case H265_NAL.VPS:
        return NalRole.Vps;
      case H265_NAL.SPS:
        return NalRole.Sps;
      case H265_NAL.PPS:
        return NalRole.Pps;
      case H265_NAL.AUD:
        return NalRole.Delimiter;
      default:
        return NalRole.Other;
    }
  }

  protected depacketize(buf: Buffer, start: number, end: number): void {
    if (end - start < 3) {
      this.stats.droppedNalUnits++;
      return;
    }
    const h0 = buf[start]!;
    const h1 = buf[start + 1]!;
    const type = (h0 >> 1) & 0x3f;
    if (type < H265_NAL.AP) {
      this.abortFragment();
      this.addNal(buf, start, end);
      return;
    }
    if (type === H265_NAL.AP) {
      this.abortFragment();
      let pos = start + 2;
      let first = true;
      while (pos < end) {
        if (this.donl) pos += first ? 2 : 1; // DONL for the first unit, DOND for the next ones
        first = false;
        if (pos + 2 > end) break;
        const size = buf.readUInt16BE(pos);
        pos += 2;
        if (size === 0 || pos + size > end) {
          this.stats.droppedNalUnits++;
          return;
        }
        this.addNal(buf, pos, pos + size);
        pos += size;
      }
      return;
    }
    if (type === H265_NAL.FU) {
      const fuHeader = buf[start + 2]!;
      const isStart = (fuHeader & 0x80) !== 0;
      const isEnd = (fuHeader & 0x40) !== 0;
      const fuType = fuHeader & 0x3f;
      let pos = start + 3;
      if (isStart) {
        if (this.donl) pos += 2;
        this.startFragment();
        this.appendByte((h0 & 0x81) | (fuType << 1));
        this.appendByte(h1);
      } else if (this.fuStart < 0) {
        this.dropOrphanFragment();
        return;
      }
      this.append(buf, pos, end);
      if (isEnd) this.finishFragment();
      return;
    }
    this.abortFragment();
    this.stats.droppedNalUnits++;
  }
}
