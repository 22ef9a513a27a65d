import { describe, expect, it } from 'vitest';
import { box, findBox, fullBox, parseBoxes, u16, u32, u64 } from './mp4-boxes';

describe('mp4 boxes', () => {
  it('writes box headers', () => {
    expect(box('free').toString('hex')).toBe('0000000866726565');
    expect(box('abcd', Buffer.from([1, 2]), Buffer.from([3])).toString('hex')).toBe('0000000b61626364010203');
  });

  it('writes full box version and flags', () => {
    expect(fullBox('tfhd', 1, 0x020000, u32(7)).toString('hex')).toBe('000000107466686401020000' + '00000007');
  });

  it('writes big-endian integers', () => {
    expect(u16(0x1234).toString('hex')).toBe('1234');
    expect(u32(0xdeadbeef).toString('hex')).toBe('deadbeef');
    expect(u64(2 ** 40 + 5).toString('hex')).toBe('0000010000000005');
  });

  it('rejects bad box types', () => {
    expect(() => box('toolong')).toThrow();
  });

  it('parses nested boxes and finds paths', () => {
    const buf = Buffer.concat([box('ftyp', Buffer.from('isom')), box('moov', box('trak', box('tkhd', u32(1))), box('mvex'))]);
    const tree = parseBoxes(buf);
    expect(tree.map((b) => b.type)).toEqual(['ftyp', 'moov']);
    const tkhd = findBox(tree, 'moov/trak/tkhd');
    expect(tkhd?.data.readUInt32BE(0)).toBe(1);
    expect(tkhd?.offset).toBe(12 + 8 + 8);
    expect(findBox(tree, 'moov/mdia')).toBeUndefined();
    expect(() => parseBoxes(Buffer.from('00000010616263640000', 'hex'))).toThrow(/truncated/);
  });
});
