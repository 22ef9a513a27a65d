/**
 * H.264 sequence parameter set parsing (ITU-T H.264 §7.3.2.1.1), limited to what the
 * fMP4 sample entry and the MSE codec string need: profile, level, chroma format,
 * bit depths, cropped picture size and (when signalled in the VUI) the frame rate.
 */
import { BitReader, removeEmulationPrevention } from './bit-reader';

export interface H264SpsInfo {
  profileIdc: number;
  /** The constraint_set flags byte (second byte of profile-level-id). */
  profileCompatibility: number;
  levelIdc: number;
  spsId: number;
  chromaFormatIdc: number;
  bitDepthLuma: number;
  bitDepthChroma: number;
  width: number;
  height: number;
  frameMbsOnly: boolean;
  /** Frames per second from VUI timing info, if present. */
  fps: number | undefined;
  /** Sample aspect ratio from the VUI (1:1 when absent). */
  sarWidth: number;
  sarHeight: number;
}

const HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

// Table E-1 sample aspect ratios, index = aspect_ratio_idc.
const SAR_TABLE: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [1, 1],
  [12, 11],
  [10, 11],
  [16, 11],
  [40, 33],
  [24, 11],
  [20, 11],
  [32, 11],
  [80, 33],
  [18, 11],
  [15, 11],
  [64, 33],
  [160, 99],
  [4, 3],
  [3, 2],
  [2, 1],
];

function skipScalingList(r: BitReader, size: number): void {
  let last = 8;
  let next = 8;
  for (let j = 0; j < size; j++) {
    if (next !== 0) {
      const delta = r.se();
      next = (last + delta + 256) % 256;
    }
    last = next === 0 ? last : next;
  }
}

/** Parses an SPS NAL unit (including its 1-byte NAL header). */
export function parseH264Sps(nal: Buffer): H264SpsInfo {
  if (nal.length < 4 || (nal[0]! & 0x1f) !== 7) throw new Error('not an H.264 SPS NAL unit');
  const r = new BitReader(removeEmulationPrevention(nal.subarray(1)));
  const profileIdc = r.u(8);
  const profileCompatibility = r.u(8);
  const levelIdc = r.u(8);
  const spsId = r.ue();
  let chromaFormatIdc = 1;
  let bitDepthLuma = 8;
  let bitDepthChroma = 8;
  let separateColourPlane = false;
  if (HIGH_PROFILES.has(profileIdc)) {
    chromaFormatIdc = r.ue();
    if (chromaFormatIdc === 3) separateColourPlane = r.flag();
    bitDepthLuma = r.ue() + 8;
    bitDepthChroma = r.ue() + 8;
    r.skip(1); // qpprime_y_zero_transform_bypass_flag
    if (r.flag()) {
      // seq_scaling_matrix_present_flag
      const lists = chromaFormatIdc !== 3 ? 8 : 12;
      for (let i = 0; i < lists; i++) {
        if (r.flag()) skipScalingList(r, i < 6 ? 16 : 64);
      }
    }
  }
  r.ue(); // log2_max_frame_num_minus4
  const pocType = r.ue();
  if (pocType === 0) {
    r.ue(); // log2_max_pic_order_cnt_lsb_minus4
  } else if (pocType === 1) {
    r.skip(1); // delta_pic_order_always_zero_flag
    r.se(); // offset_for_non_ref_pic
    r.se(); // offset_for_top_to_bottom_field
    const n = r.ue();
    for (let i = 0; i < n; i++) r.se();
  }
  r.ue(); // max_num_ref_frames
  r.skip(1); // gaps_in_frame_num_value_allowed_flag
  const widthMbs = r.ue() + 1;
  const heightMapUnits = r.ue() + 1;
  const frameMbsOnly = r.flag();
  if (!frameMbsOnly) r.skip(1); // mb_adaptive_frame_field_flag
  r.skip(1); // direct_8x8_inference_flag
  let cropLeft = 0;
  let cropRight = 0;
  let cropTop = 0;
  let cropBottom = 0;
  if (r.flag()) {
    cropLeft = r.ue();
    cropRight = r.ue();
    cropTop = r.ue();
    cropBottom = r.ue();
  }
  const chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
  const subWidthC = chromaFormatIdc === 3 ? 1 : 2;
  const subHeightC = chromaFormatIdc === 1 ? 2 : 1;
  const cropUnitX = chromaArrayType === 0 ? 1 : subWidthC;
  const cropUnitY = (chromaArrayType === 0 ? 1 : subHeightC) * (frameMbsOnly ? 1 : 2);
  const width = widthMbs * 16 - cropUnitX * (cropLeft + cropRight);
  const height = (frameMbsOnly ? 1 : 2) * heightMapUnits * 16 - cropUnitY * (cropTop + cropBottom);

  let fps: number | undefined;
  let sarWidth = 1;
  let sarHeight = 1;
  try {
    if (r.flag()) {
      // vui_parameters_present_flag
      if (r.flag()) {
        const idc = r.u(8);
        if (idc === 255) {
          sarWidth = r.u(16);
          sarHeight = r.u(16);
        } else {
          const sar = SAR_TABLE[idc];
          if (sar && sar[0] > 0) [sarWidth, sarHeight] = sar;
        }
      }
      if (r.flag()) r.skip(1); // overscan
      if (r.flag()) {
        r.skip(4); // video_format + video_full_range_flag
        if (r.flag()) r.skip(24); // colour description
      }
      if (r.flag()) {
        r.ue();
        r.ue();
      }
      if (r.flag()) {
        const unitsInTick = r.u(32);
        const timeScale = r.u(32);
        if (unitsInTick > 0) fps = timeScale / (2 * unitsInTick);
      }
    }
  } catch {
    // A truncated VUI is not fatal: size and profile are already known.
  }

  return {
    profileIdc,
    profileCompatibility,
    levelIdc,
    spsId,
    chromaFormatIdc,
    bitDepthLuma,
    bitDepthChroma,
    width,
    height,
    frameMbsOnly,
    fps,
    sarWidth,
    sarHeight,
  };
}

/** RFC 6381 codec string for MSE, e.g. "avc1.64001f". Uses the raw SPS bytes 1..3. */
export function h264CodecString(sps: Buffer): string {
  if (sps.length < 4) throw new Error('SPS too short');
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `avc1.${hex(sps[1]!)}${hex(sps[2]!)}${hex(sps[3]!)}`;
}
