/**
 * Minimal H.265 SPS parsing (ITU-T H.265 §7.3.2.2): profile/tier/level, chroma format,
 * bit depths and the conformance-window-cropped picture size. Enough for the hvcC
 * box and the MSE codec string ("hvc1.1.6.L93.B0").
 */
import { BitReader, removeEmulationPrevention } from './bit-reader';

export interface H265SpsInfo {
  generalProfileSpace: number;
  generalTierFlag: number;
  generalProfileIdc: number;
  /** general_profile_compatibility_flag[0..31] as read (flag[0] is the most significant bit). */
  generalProfileCompatibilityFlags: number;
  /** The 6 bytes holding general_progressive_source_flag … general_inbld/reserved flag. */
  generalConstraintIndicatorFlags: Buffer;
  generalLevelIdc: number;
  maxSubLayers: number;
  temporalIdNesting: boolean;
  chromaFormatIdc: number;
  bitDepthLuma: number;
  bitDepthChroma: number;
  width: number;
  height: number;
}

/** Parses an SPS NAL unit (including its 2-byte NAL header). */
export function parseH265Sps(nal: Buffer): H265SpsInfo {
  if (nal.length < 16 || ((nal[0]! >> 1) & 0x3f) !== 33) throw new Error('not an H.265 SPS NAL unit');
  const rbsp = removeEmulationPrevention(nal.subarray(2));
  const r = new BitReader(rbsp);
  r.skip(4); // sps_video_parameter_set_id
  const maxSubLayersMinus1 = r.u(3);
  const temporalIdNesting = r.flag();
  // profile_tier_level(1, maxSubLayersMinus1)
  const generalProfileSpace = r.u(2);
  const generalTierFlag = r.u(1);
  const generalProfileIdc = r.u(5);
  const generalProfileCompatibilityFlags = r.u(32) >>> 0;
  const generalConstraintIndicatorFlags = Buffer.from(rbsp.subarray(6, 12));
  r.skip(48);
  const generalLevelIdc = r.u(8);
  const profilePresent: boolean[] = [];
  const levelPresent: boolean[] = [];
  for (let i = 0; i < maxSubLayersMinus1; i++) {
    profilePresent.push(r.flag());
    levelPresent.push(r.flag());
  }
  if (maxSubLayersMinus1 > 0) for (let i = maxSubLayersMinus1; i < 8; i++) r.skip(2);
  for (let i = 0; i < maxSubLayersMinus1; i++) {
    if (profilePresent[i]) r.skip(88);
    if (levelPresent[i]) r.skip(8);
  }
  r.ue(); // sps_seq_parameter_set_id
  const chromaFormatIdc = r.ue();
  if (chromaFormatIdc === 3) r.skip(1); // separate_colour_plane_flag
  let width = r.ue();
  let height = r.ue();
  if (r.flag()) {
    const left = r.ue();
    const right = r.ue();
    const top = r.ue();
    const bottom = r.ue();
    const subWidthC = chromaFormatIdc === 1 || chromaFormatIdc === 2 ? 2 : 1;
    const subHeightC = chromaFormatIdc === 1 ? 2 : 1;
    width -= subWidthC * (left + right);
    height -= subHeightC * (top + bottom);
  }
  const bitDepthLuma = r.ue() + 8;
  const bitDepthChroma = r.ue() + 8;
  return {
    generalProfileSpace,
    generalTierFlag,
    generalProfileIdc,
    generalProfileCompatibilityFlags,
    generalConstraintIndicatorFlags,
    generalLevelIdc,
    maxSubLayers: maxSubLayersMinus1 + 1,
    temporalIdNesting,
    chromaFormatIdc,
    bitDepthLuma,
    bitDepthChroma,
    width,
    height,
  };
}

function reverseBits32(v: number): number {
  let r = 0;
  for (let i = 0; i < 32; i++) {
    r = (r << 1) | (v & 1);
    v >>>= 1;
  }
  return r >>> 0;
}

/** RFC 6381 / ISO 14496-15 Annex E codec string, e.g. "hvc1.1.6.L93.B0". */
export function h265CodecString(info: H265SpsInfo, sampleEntry: 'hvc1' | 'hev1' = 'hvc1'): string {
  const space = ['', 'A', 'B', 'C'][info.generalProfileSpace] ?? '';
  const compat = reverseBits32(info.generalProfileCompatibilityFlags).toString(16).toUpperCase();
  const tier = info.generalTierFlag ? 'H' : 'L';
  const bytes = [...info.generalConstraintIndicatorFlags];
  while (bytes.length > 0 && bytes[bytes.length - 1] === 0) bytes.pop();
  const constraints = bytes.map((b) => b.toString(16).toUpperCase()).join('.');
  return `${sampleEntry}.${space}${info.generalProfileIdc}.${compat}.${tier}${info.generalLevelIdc}${constraints ? `.${constraints}` : ''}`;
}
