import { describe, expect, it } from 'vitest';
import type { AccessUnit } from './access-unit';
import {
  buildAvcC,
  buildInitSegment,
  buildMediaSegment,
  createVideoTrack,
  Fmp4Muxer,
  NON_SYNC_SAMPLE_FLAGS,
  SYNC_SAMPLE_FLAGS,
} from './fmp4-muxer';
import { findBox, parseBoxes } from './mp4-boxes';
import { H264_PPS_1080P, H264_SPS_1080P, HEVC_PPS, HEVC_SPS, HEVC_VPS } from './test-fixtures';

const track = createVideoTrack('h264', { sps: H264_SPS_1080P, pps: H264_PPS_1080P });

function au(ts: number, keyframe: boolean, size = 10): AccessUnit {
  const data = Buffer.alloc(4 + size, keyframe ? 0x65 : 0x41);
  data.writeUInt32BE(size, 0);
  return { codec: 'h264', timestamp90k: ts, rtpTimestamp: ts, keyframe, nalus: [data.subarray(4)], data, receivedAt: 0, lostPackets: 0 };
}

function trun(seg: Buffer) {
  const t = findBox(parseBoxes(seg), 'moof/traf/trun')!.data;
  const count = t.readUInt32BE(4);
  const samples = [];
  for (let i = 0; i < count; i++) {
    const o = 12 + i * 12;
    samples.push({ duration: t.readUInt32BE(o), size: t.readUInt32BE(o + 4), flags: t.readUInt32BE(o + 8) });
  }
  return { flags: t.readUInt32BE(0), dataOffset: t.readUInt32BE(8), samples };
}

function tfdt(seg: Buffer): number {
  const d = findBox(parseBoxes(seg), 'moof/traf/tfdt')!.data;
  expect(d[0]).toBe(1); // version 1
  return Number(d.readBigUInt64BE(4));
}

describe('createVideoTrack', () => {
  it('derives codec string and size from the SPS', () => {
    expect(track).toMatchObject({ codec: 'h264', codecString: 'avc1.640028', width: 1920, height: 1080, fps: 25 });
    const hevc = createVideoTrack('h265', { vps: HEVC_VPS, sps: HEVC_SPS, pps: HEVC_PPS });
    expect(hevc).toMatchObject({ codecString: 'hvc1.1.6.L93.90', width: 1280, height: 720 });
    expect(() => createVideoTrack('h265', { sps: HEVC_SPS, pps: HEVC_PPS })).toThrow(/VPS/);
    expect(() => createVideoTrack('h264', { sps: H264_SPS_1080P })).toThrow();
  });
});

describe('init segment', () => {
  const init = buildInitSegment(track);
  const tree = parseBoxes(init);

  it('has ftyp + moov with the expected box hierarchy', () => {
    expect(tree.map((b) => b.type)).toEqual(['ftyp', 'moov']);
    expect(init.subarray(8, 12).toString()).toBe('isom');
    for (const path of [
      'moov/mvhd',
      'moov/trak/tkhd',
      'moov/trak/mdia/mdhd',
      'moov/trak/mdia/hdlr',
      'moov/trak/mdia/minf/vmhd',
      'moov/trak/mdia/minf/dinf/dref',
      'moov/trak/mdia/minf/stbl/stsd',
      'moov/trak/mdia/minf/stbl/stts',
      'moov/trak/mdia/minf/stbl/stsc',
      'moov/trak/mdia/minf/stbl/stsz',
      'moov/trak/mdia/minf/stbl/stco',
      'moov/mvex/trex',
    ]) {
      expect(findBox(tree, path), path).toBeDefined();
    }
  });

  it('writes the exact mvhd/tkhd/mdhd sizes and values', () => {
    expect(findBox(tree, 'moov/mvhd')!.size).toBe(108);
    const tkhd = findBox(tree, 'moov/trak/tkhd')!;
    expect(tkhd.size).toBe(92);
    expect(tkhd.data.readUInt32BE(0)).toBe(3); // version 0, flags enabled|in_movie
    expect(tkhd.data.readUInt32BE(12)).toBe(1); // track id
    expect(tkhd.data.readUInt32BE(76)).toBe(1920 << 16);
    expect(tkhd.data.readUInt32BE(80)).toBe(1080 << 16);
    const mdhd = findBox(tree, 'moov/trak/mdia/mdhd')!;
    expect(mdhd.data.readUInt32BE(12)).toBe(90000);
    const hdlr = findBox(tree, 'moov/trak/mdia/hdlr')!;
    expect(hdlr.data.subarray(8, 12).toString()).toBe('vide');
    const trex = findBox(tree, 'moov/mvex/trex')!;
    expect(trex.data.toString('hex')).toBe('00000000' + '00000001' + '00000001' + '00000000'.repeat(3));
  });

  it('writes the avc1 sample entry with an avcC record', () => {
    const stsd = findBox(tree, 'moov/trak/mdia/minf/stbl/stsd')!;
    expect(stsd.data.readUInt32BE(4)).toBe(1); // entry count
    const entry = stsd.data.subarray(8);
    expect(entry.subarray(4, 8).toString()).toBe('avc1');
    expect(entry.readUInt16BE(8 + 24)).toBe(1920);
    expect(entry.readUInt16BE(8 + 26)).toBe(1080);
    const avcC = entry.subarray(8 + 78);
    expect(avcC.subarray(4, 8).toString()).toBe('avcC');
    expect(avcC.subarray(0, avcC.readUInt32BE(0)).equals(buildAvcC(H264_SPS_1080P, H264_PPS_1080P))).toBe(true);
    const rec = avcC.subarray(8);
    expect(rec.subarray(0, 6).toString('hex')).toBe('01640028ffe1');
    expect(rec.readUInt16BE(6)).toBe(H264_SPS_1080P.length);
    // High profile: chroma_format / bit depth extension present
    expect(rec.subarray(rec.length - 4).toString('hex')).toBe('fdf8f800');
  });

  it('writes an hvc1 sample entry with an hvcC record', () => {
    const hevc = buildInitSegment(createVideoTrack('h265', { vps: HEVC_VPS, sps: HEVC_SPS, pps: HEVC_PPS }));
    const stsd = findBox(parseBoxes(hevc), 'moov/trak/mdia/minf/stbl/stsd')!;
    const entry = stsd.data.subarray(8);
    expect(entry.subarray(4, 8).toString()).toBe('hvc1');
    const hvcC = entry.subarray(8 + 78);
    expect(hvcC.subarray(4, 8).toString()).toBe('hvcC');
    const rec = hvcC.subarray(8);
    expect(rec[0]).toBe(1);
    expect(rec[1]).toBe(0x01); // profile space 0, tier 0, Main
    expect(rec.readUInt32BE(2)).toBe(0x60000000);
    expect(rec[12]).toBe(93); // level
    expect(rec[21]! & 3).toBe(3); // lengthSizeMinusOne
    expect(rec[22]).toBe(3); // arrays: VPS, SPS, PPS
    expect(rec[23]).toBe(0x80 | 32);
  });
});

describe('media segment', () => {
  it('lays out moof/mdat for one sample', () => {
    const sample = au(0, true, 6);
    const seg = buildMediaSegment(7, 123456, [{ data: sample.data, duration: 6000, keyframe: true }]);
    const tree = parseBoxes(seg);
    expect(tree.map((b) => b.type)).toEqual(['moof', 'mdat']);
    expect(tree[0]!.size).toBe(100); // 88 + 12 per sample
    expect(findBox(tree, 'moof/mfhd')!.data.readUInt32BE(4)).toBe(7);
    const tfhd = findBox(tree, 'moof/traf/tfhd')!.data;
    expect(tfhd.readUInt32BE(0)).toBe(0x020000);
    expect(tfhd.readUInt32BE(4)).toBe(1);
    expect(tfdt(seg)).toBe(123456);
    const t = trun(seg);
    expect(t.flags).toBe(0x000701);
    expect(t.dataOffset).toBe(108);
    expect(t.samples).toEqual([{ duration: 6000, size: 10, flags: SYNC_SAMPLE_FLAGS }]);
    expect(seg.subarray(t.dataOffset).equals(sample.data)).toBe(true);
  });

  it('writes many samples in one fragment with sync flags', () => {
    const a = au(0, true, 5);
    const b = au(3000, false, 7);
    const seg = buildMediaSegment(1, 2 ** 33, [
      { data: a.data, duration: 3000, keyframe: true },
      { data: b.data, duration: 3000, keyframe: false },
    ]);
    const t = trun(seg);
    expect(t.samples.map((s) => s.flags)).toEqual([SYNC_SAMPLE_FLAGS, NON_SYNC_SAMPLE_FLAGS]);
    expect(t.samples.map((s) => s.size)).toEqual([9, 11]);
    expect(tfdt(seg)).toBe(2 ** 33); // 64-bit decode time
    expect(parseBoxes(seg)[1]!.size).toBe(8 + 20);
  });
});

describe('Fmp4Muxer', () => {
  it('live mode: one fragment per frame with continuous decode times', () => {
    const m = new Fmp4Muxer(track, { defaultFrameDuration: 3600 });
    const f0 = m.pushLive(au(1000, true));
    const f1 = m.pushLive(au(4000, false));
    const f2 = m.pushLive(au(7600, false));
    expect([f0.decodeTime, f1.decodeTime, f2.decodeTime]).toEqual([0, 3000, 6600]);
    expect([f0.duration, f1.duration, f2.duration]).toEqual([3600, 3000, 3600]);
    expect(tfdt(f2.data)).toBe(6600);
    expect(trun(f0.data).samples[0]!.flags).toBe(SYNC_SAMPLE_FLAGS);
    expect(findBox(parseBoxes(f2.data), 'moof/mfhd')!.data.readUInt32BE(4)).toBe(3);
  });

  it('continues the timeline across discontinuities (reconnect, clock jump)', () => {
    const m = new Fmp4Muxer(track);
    m.pushLive(au(0, true));
    m.pushLive(au(6000, false));
    const afterReset = m.pushLive(au(0, true)); // new session restarts timestamps
    expect(afterReset.decodeTime).toBe(12000);
    const afterJump = m.pushLive(au(90000 * 3600, false));
    expect(afterJump.decodeTime).toBe(18000);
    expect(m.pushLive(au(90000 * 3600 + 6000, false)).decodeTime).toBe(24000);
  });

  it('batch mode: exact durations, next segment timestamp for the last frame', () => {
    const m = new Fmp4Muxer(track, { baseDecodeTime: 90000 });
    m.queue(au(0, true));
    m.queue(au(6000, false));
    m.queue(au(12500, false));
    expect(m.queuedFrames).toBe(3);
    const seg = m.flushFragment(18000)!;
    expect(tfdt(seg)).toBe(90000);
    expect(trun(seg).samples.map((s) => s.duration)).toEqual([6000, 6500, 5500]);
    expect(m.flushFragment()).toBeUndefined();
    m.queue(au(18000, true));
    const next = m.flushFragment()!;
    expect(tfdt(next)).toBe(90000 + 18000);
  });

  it('uses the SPS frame rate as the default duration', () => {
    const m = new Fmp4Muxer(track); // 25 fps
    expect(m.pushLive(au(0, true)).duration).toBe(3600);
  });
});

describe('fMP4 muxer with an AAC track', () => {
  const aac = { codec: 'aac' as const, codecString: 'mp4a.40.2', sampleRate: 48000, channels: 1, config: Buffer.from('1188', 'hex') };
  const frame = (ts90k: number) => ({
    codec: 'aac' as const,
    timestamp90k: ts90k,
    samples: 1024,
    data: Buffer.alloc(20, 7),
    receivedAt: 0,
  });

  it('writes a moov with a video and a sound trak, two trex and the esds from the SDP config', () => {
    const boxes = parseBoxes(buildInitSegment(track, 1, aac));
    const moov = findBox(boxes, 'moov')!;
    const traks = moov.children!.filter((b) => b.type === 'trak');
    expect(traks).toHaveLength(2);
    const hdlr = (t: (typeof traks)[number]) => findBox(t.children!, 'mdia/hdlr')!.data.toString('latin1', 8, 12);
    expect(traks.map(hdlr)).toEqual(['vide', 'soun']);
    expect(findBox(traks[1]!.children!, 'mdia/mdhd')!.data.readUInt32BE(12)).toBe(48000);
    expect(findBox(moov.children!, 'mvex')!.data.length).toBe(2 * 32);
    expect(findBox(boxes, 'moov/mvhd')!.data.readUInt32BE(96)).toBe(3); // next_track_ID
    const stsd = findBox(traks[1]!.children!, 'mdia/minf/stbl/stsd')!.data;
    expect(stsd.toString('latin1', 12, 16)).toBe('mp4a');
    expect(stsd.includes(Buffer.from([0x05, 0x80, 0x80, 0x80, 0x02, 0x11, 0x88]))).toBe(true); // DecoderSpecificInfo
    // Without audio the init segment is unchanged.
    expect(buildInitSegment(track, 1, undefined).equals(buildInitSegment(track))).toBe(true);
  });

  it("puts the audio in the video fragment's moof, on the video timeline and contiguous", () => {
    const trafs = (seg: Buffer) =>
      findBox(parseBoxes(seg), 'moof')!
        .children!.filter((b) => b.type === 'traf')
        .map((t) => {
          const trun = findBox(t.children!, 'trun')!.data;
          return {
            trackId: findBox(t.children!, 'tfhd')!.data.readUInt32BE(4),
            tfdt: Number(findBox(t.children!, 'tfdt')!.data.readBigUInt64BE(4)),
            samples: Array.from({ length: trun.readUInt32BE(4) }, (_, i) => [
              trun.readUInt32BE(12 + i * 12),
              trun.readUInt32BE(16 + i * 12),
            ]),
            dataOffset: trun.readUInt32BE(8),
          };
        });
    const m = new Fmp4Muxer(track, { audio: aac, baseDecodeTime: 90_000 });
    m.queueAudio(frame(500 + 900)); // 10 ms after the video frame below
    m.queueAudio(frame(500 + 900 + 1925)); // 1024 samples later, with 5 ticks of jitter
    const first = m.pushLive(au(500, true)).data; // video timestamp 500 ↔ decode time 90000
    const [v, a] = trafs(first);
    expect(v).toMatchObject({ trackId: 1, tfdt: 90_000, samples: [[3600, 14]] });
    expect(a).toMatchObject({
      trackId: 2,
      tfdt: 48_480,
      samples: [
        [1024, 20],
        [1024, 20],
      ],
    });
    expect(a!.dataOffset).toBe(v!.dataOffset + 14);
    expect(parseBoxes(first).map((b) => b.type)).toEqual(['moof', 'mdat']);

    m.queueAudio(frame(-100_000)); // long before what was written: dropped
    m.queueAudio(frame(500 + 900 + 2 * 1920 - 50)); // early by 50 ticks: kept contiguous
    expect(trafs(m.pushLive(au(6500, false)).data)[1]).toMatchObject({ tfdt: 48_480 + 2048, samples: [[1024, 20]] });
    expect(trafs(m.pushLive(au(12500, false)).data)).toHaveLength(1); // no audio queued: video only

    // Batch mode (recording): the same, one moof for the whole fragment.
    m.queue(au(18500, false));
    m.queueAudio(frame(18500));
    expect(trafs(m.flushFragment(24500)!).map((t) => t.trackId)).toEqual([1, 2]);
  });

  it('ignores G.711 (not muxed): video only', () => {
    const m = new Fmp4Muxer(track, { audio: { codec: 'pcmu', codecString: '', sampleRate: 8000, channels: 1 } });
    expect(m.audioTrack).toBeUndefined();
    expect(m.init.equals(new Fmp4Muxer(track).init)).toBe(true);
  });
});
