import { describe, expect, it } from 'vitest';
import { BitReader, removeEmulationPrevention } from './bit-reader';
import { h264CodecString, parseH264Sps } from './h264-sps';
import { H264_SPS_360P, H264_SPS_1080P } from './test-fixtures';

const SPS_1080P = H264_SPS_1080P;
const SPS_360P = H264_SPS_360P;

describe('bit reader', () => {
  it('reads exp-Golomb codes', () => {
    // 1 | 010 | 011 | 00100 | 00101 → ue: 0,1,2,3,4
    const r = new BitReader(Buffer.from([0b10100110, 0b01000010, 0b10000000]));
    expect([r.ue(), r.ue(), r.ue(), r.ue(), r.ue()]).toEqual([0, 1, 2, 3, 4]);
    const s = new BitReader(Buffer.from([0b01001100, 0b10000000])); // 010 011 00100 → se: 1,-1,2
    expect([s.se(), s.se(), s.se()]).toEqual([1, -1, 2]);
  });

  it('removes emulation prevention bytes', () => {
    expect(removeEmulationPrevention(Buffer.from('0000030100000302', 'hex')).toString('hex')).toBe('000001000002');
    const plain = Buffer.from('6742c016', 'hex');
    expect(removeEmulationPrevention(plain)).toBe(plain);
  });
});

describe('parseH264Sps', () => {
  it('parses a known 1080p SPS', () => {
    const sps = parseH264Sps(SPS_1080P);
    expect(sps.profileIdc).toBe(100);
    expect(sps.levelIdc).toBe(40);
    expect(sps.width).toBe(1920);
    expect(sps.height).toBe(1080);
    expect(sps.chromaFormatIdc).toBe(1);
    expect(sps.bitDepthLuma).toBe(8);
    expect(sps.frameMbsOnly).toBe(true);
    expect(sps.fps).toBe(25);
    expect(h264CodecString(SPS_1080P)).toBe('avc1.640028');
  });

  it('parses a baseline SPS', () => {
    const sps = parseH264Sps(SPS_360P);
    expect(sps.profileIdc).toBe(66);
    expect(sps.width).toBe(640);
    expect(sps.height).toBe(360);
    expect(h264CodecString(SPS_360P)).toBe('avc1.42c016');
  });

  it('rejects non-SPS NAL units', () => {
    expect(() => parseH264Sps(Buffer.from('68ebc3cb22c0', 'hex'))).toThrow();
  });
});
