import { describe, expect, it } from 'vitest';
import { h265CodecString, parseH265Sps } from './h265-sps';
import { HEVC_SPS, HEVC_VPS } from './test-fixtures';

describe('parseH265Sps', () => {
  it('parses size, profile, tier and level', () => {
    const s = parseH265Sps(HEVC_SPS);
    expect(s.width).toBe(1280);
    expect(s.height).toBe(720);
    expect(s.generalProfileIdc).toBe(1);
    expect(s.generalTierFlag).toBe(0);
    expect(s.generalLevelIdc).toBe(93);
    expect(s.chromaFormatIdc).toBe(1);
    expect(s.bitDepthLuma).toBe(8);
    expect(s.maxSubLayers).toBe(1);
    expect(s.generalProfileCompatibilityFlags).toBe(0x60000000);
  });

  it('builds the MSE codec string', () => {
    expect(h265CodecString(parseH265Sps(HEVC_SPS))).toBe('hvc1.1.6.L93.90');
  });

  it('rejects other NAL units', () => {
    expect(() => parseH265Sps(HEVC_VPS)).toThrow();
  });
});
