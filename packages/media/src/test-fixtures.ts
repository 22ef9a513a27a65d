/** Real parameter sets used by unit tests (encoded with ffmpeg: libx264 / libx265). */

/** 1920x1080 25 fps High@4.0 (libx264), cropped from 1088 lines. */
export const H264_SPS_1080P = Buffer.from('67640028acb200f0044fcb80880000030008000003019078c19240', 'hex');
export const H264_PPS_1080P = Buffer.from('68ebc3cb22c0', 'hex');
/** 640x360 constrained baseline, level 2.2. */
export const H264_SPS_360P = Buffer.from('6742c016d900a02ff970110000030001000003001e0f162e48', 'hex');

/** 1280x720 Main@3.1 (libx265). */
export const HEVC_VPS = Buffer.from('40010c01ffff01600000030090000003000003005dba0240', 'hex');
export const HEVC_SPS = Buffer.from('42010101600000030090000003000003005da00280802d165ba924caf0168080000003008000000784', 'hex');
export const HEVC_PPS = Buffer.from('4401c172b46240', 'hex');
