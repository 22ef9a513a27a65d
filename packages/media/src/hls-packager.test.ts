import { describe, expect, it } from 'vitest';
import type { AccessUnit, ParameterSets } from './access-unit';
import { HlsPackager, type HlsSegment, renderMediaPlaylist } from './hls-packager';
import { H264_PPS_1080P, H264_SPS_360P, H264_SPS_1080P } from './test-fixtures';

const PS: ParameterSets = { sps: H264_SPS_1080P, pps: H264_PPS_1080P };
const FRAME = 6000; // 15 fps in 90 kHz
const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

function au(i: number, ts: number, keyframe: boolean, size = 200): AccessUnit {
  const data = Buffer.alloc(4 + size, i & 0xff);
  data.writeUInt32BE(size, 0);
  return {
    codec: 'h264',
    timestamp90k: ts,
    rtpTimestamp: ts >>> 0,
    keyframe,
    nalus: [data.subarray(4)],
    data,
    receivedAt: T0 + Math.round(ts / 90),
    lostPackets: 0,
  };
}

/** Feeds `frames` frames at 15 fps with a 1 s GOP, from `start` (90 kHz). */
function feed(p: HlsPackager, frames: number, opts: { start?: number; from?: number; ps?: ParameterSets; size?: number } = {}): void {
  const from = opts.from ?? 0;
  for (let i = from; i < from + frames; i++) p.push(au(i, (opts.start ?? 0) + (i - from) * FRAME, i % 15 === 0, opts.size), opts.ps ?? PS);
}

/** tfdt version and base media decode time of a moof (single traf, layout of buildMediaSegment). */
function tfdtOf(seg: Buffer): { version: number; time: bigint } {
  const at = seg.indexOf('tfdt', 0, 'latin1');
  return { version: seg[at + 4]!, time: seg.readBigUInt64BE(at + 8) };
}

function firstSampleIsSync(seg: Buffer): boolean {
  const at = seg.indexOf('trun', 0, 'latin1');
  return seg.readUInt32BE(at + 4 + 4 + 4 + 4 + 8) === 0x02000000;
}

describe('HLS packager', () => {
  it('cuts keyframe-aligned ~2 s CMAF segments and lists them in an HLS v7 playlist', () => {
    const p = new HlsPackager();
    const got: HlsSegment[] = [];
    p.on('segment', (s: HlsSegment) => got.push(s));
    expect(p.playlist()).toBeUndefined();
    feed(p, 15 * 7 + 1); // 7 s + the keyframe that closes the 3rd segment
    expect(got.map((s) => s.seq)).toEqual([1, 2, 3]);
    for (const s of got) {
      expect(s.duration).toBeCloseTo(2, 6);
      expect(firstSampleIsSync(s.data)).toBe(true);
      expect(s.data.subarray(4, 8).toString('latin1')).toBe('moof');
    }
    expect(got.map((s) => Number(tfdtOf(s.data).time))).toEqual([0, 180_000, 360_000]);
    expect(got[1]!.programDateTime).toBe(T0 + 2000);
    const text = p.playlist()!;
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:7',
        '#EXT-X-TARGETDURATION:2',
        '#EXT-X-MEDIA-SEQUENCE:1',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-MAP:URI="init.mp4?g=1"',
        '#EXT-X-PROGRAM-DATE-TIME:2024-05-01T12:00:00.000Z',
        '#EXTINF:2.000,',
        '1.m4s',
        '#EXT-X-PROGRAM-DATE-TIME:2024-05-01T12:00:02.000Z',
        '#EXTINF:2.000,',
        '2.m4s',
        '#EXT-X-PROGRAM-DATE-TIME:2024-05-01T12:00:04.000Z',
        '#EXTINF:2.000,',
        '3.m4s',
        '',
      ].join('\n'),
    );
    const init = p.init()!;
    expect(init.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(p.init(1)).toBe(init);
  });

  it('keeps a rolling window (6 listed + 2 spare) and bounded memory', () => {
    const p = new HlsPackager({ windowSegments: 6, spareSegments: 2 });
    feed(p, 15 * 40 + 1); // 20 segments
    const text = p.playlist()!;
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:15');
    expect(text.match(/#EXTINF/g)).toHaveLength(6);
    expect(p.segment(12)).toBeUndefined();
    expect(p.segment(13)?.seq).toBe(13); // spare: just left the playlist, still served
    expect(p.segment(20)?.seq).toBe(20);
    expect(p.segment(21)).toBeUndefined();
    // 8 segments of 30 frames × ~204 B + init + pending GOP: well under 100 kB.
    expect(p.bytesHeld).toBeLessThan(100_000);
  });

  it('keeps the decode timeline (64-bit tfdt) continuous across timestamps beyond 32 bits and a camera reconnect', () => {
    const p = new HlsPackager();
    const got: HlsSegment[] = [];
    p.on('segment', (s: HlsSegment) => got.push(s));
    // Extended RTP timestamps around 2^32 (the 32-bit RTP clock wraps after 13.25 h).
    feed(p, 15 * 4, { start: 2 ** 32 - 2 * 90_000 });
    // Reconnect: the new RTSP session's timestamps restart from 0.
    feed(p, 15 * 4 + 1, { start: 0, from: 60 });
    expect(got.length).toBe(4);
    for (const s of got) {
      expect(tfdtOf(s.data).version).toBe(1);
      expect(s.duration).toBeGreaterThan(1.9);
      expect(s.duration).toBeLessThan(2.1);
    }
    for (let i = 1; i < got.length; i++) {
      const prev = got[i - 1]!;
      expect(Number(tfdtOf(got[i]!.data).time)).toBeCloseTo(prev.decodeTime + prev.duration * 90_000, 0);
    }
    expect(p.targetDuration).toBe(2);
  });

  it('starts a new init segment with a discontinuity when the codec parameters change', () => {
    const p = new HlsPackager({ windowSegments: 3, spareSegments: 0 });
    feed(p, 30 * 2);
    const ps360 = { sps: H264_SPS_360P, pps: H264_PPS_1080P };
    feed(p, 30 * 2 + 1, { start: 60 * FRAME, from: 60, ps: ps360 });
    const text = p.playlist()!;
    expect(p.generation).toBe(2);
    expect(text).toContain('#EXT-X-MAP:URI="init.mp4?g=1"');
    expect(text).toMatch(/#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI="init.mp4\?g=2"/);
    expect(p.init(1)).toBeDefined();
    // Two more segments push generation 1 out of the window: its init is released and the
    // discontinuity is carried by the sequence number.
    feed(p, 30 * 2, { start: 120 * FRAME + FRAME, from: 121, ps: ps360 });
    const later = p.playlist()!;
    expect(later).not.toContain('g=1');
    expect(later).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:1');
    expect(later).not.toContain('#EXT-X-DISCONTINUITY\n');
    expect(p.init(1)).toBeUndefined();
  });

  it('drops a GOP larger than the segment bound instead of growing without limit', () => {
    const p = new HlsPackager({ maxSegmentBytes: 20_000 });
    feed(p, 15 * 6 + 1, { size: 1000 }); // 30 frames × 1 kB per 2 s segment > 20 kB
    expect(p.stats.segments).toBe(0);
    expect(p.stats.droppedSegments).toBeGreaterThan(0);
    expect(p.bytesHeld).toBeLessThan(25_000);
  });

  it('numbers segments and init generations from firstSequence (a restarted packager never goes back)', () => {
    const p = new HlsPackager({ firstSequence: 1_700_000_000 });
    feed(p, 15 * 4 + 1);
    expect(p.listed.map((s) => s.seq)).toEqual([1_700_000_000, 1_700_000_001]);
    expect(p.playlist()).toContain('#EXT-X-MEDIA-SEQUENCE:1700000000\n');
    expect(p.playlist()).toContain('init.mp4?g=1700000000"');
  });

  it('renders caller-chosen URIs (e.g. a session query)', () => {
    const text = renderMediaPlaylist({
      segments: [{ seq: 7, gen: 3, duration: 1.96, programDateTime: T0, discontinuity: false }],
      targetDuration: 2,
      discontinuitySequence: 0,
      uris: { segment: (n) => `${n}.m4s?s=abc`, init: (g) => `init.mp4?g=${g}&s=abc` },
    });
    expect(text).toContain('#EXT-X-MAP:URI="init.mp4?g=3&s=abc"');
    expect(text).toContain('#EXTINF:1.960,\n7.m4s?s=abc');
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:7');
  });
});
