/**
 * H.264 RTP depacketizer (RFC 6184, non-interleaved mode): single NAL unit packets,
 * STAP-A aggregation and FU-A fragmentation. STAP-B/MTAP/FU-B (interleaved mode) are
 * counted as dropped.
 */
import type { VideoCodec } from './access-unit';
import { type DepacketizerOptions, NalDepacketizer, NalRole } from './nal-depacketizer';

export const H264_NAL = {
  NON_IDR: 1,
  IDR: 5,
  SEI: 6,
  SPS: 7,
  PPS: 8,
  AUD: 9,
  STAP_A: 24,
  FU_A: 28,
} as const;

export class H264Depacketizer extends NalDepacketizer {
  protected readonly codec: VideoCodec = 'h264';

  constructor(options: DepacketizerOptions) {
    super(options);
  }

  protected classify(b0: number): NalRole {
    switch (b0 & 0x1f) {
      case H264_NAL.IDR:
        return NalRole.Keyframe;
      case H264_NAL.SPS:
        return NalRole.Sps;
      case H264_NAL.PPS:
        return NalRole.Pps;
      case H264_NAL.AUD:
        return NalRole.Delimiter;
      default:
        return NalRole.Other;
    }
  }

  protected depacketize(buf: Buffer, start: number, end: number): void {
    const indicator = buf[start]!;
    const type = indicator & 0x1f;
    if (type >= 1 && type <= 23) {
      this.abortFragment();
      this.addNal(buf, start, end);
      return;
    }
    if (type === H264_NAL.STAP_A) {
      this.abortFragment();
      let pos = start + 1;
      while (pos + 2 <= end) {
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
    if (type === H264_NAL.FU_A) {
      if (end - start < 3) {
        this.stats.droppedNalUnits++;
        return;
      }
      const fuHeader = buf[start + 1]!;
      const isStart = (fuHeader & 0x80) !== 0;
      const isEnd = (fuHeader & 0x40) !== 0;
      if (isStart) {
        this.startFragment();
        this.appendByte((indicator & 0xe0) | (fuHeader & 0x1f));
      } else if (this.fuStart < 0) {
        this.dropOrphanFragment();
        return;
      }
      this.append(buf, start + 2, end);
      if (isEnd) this.finishFragment();
      return;
    }
    // 0, 25 (STAP-B), 26/27 (MTAP), 29 (FU-B), 30-31: not used in packetization-mode 0/1.
    this.abortFragment();
    this.stats.droppedNalUnits++;
  }
}
