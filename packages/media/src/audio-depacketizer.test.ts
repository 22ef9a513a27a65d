import { describe, expect, it } from 'vitest';
import {
  AacDepacketizer,
  AudioTimeline,
  audioTrackFromSdp,
  G711Depacketizer,
  parseAudioSpecificConfig,
  type RawAudioFrame,
  rfc3640ParametersFromFmtp,
} from './audio-depacketizer';

// What GStreamer's rtpmp4gpay announces for 48 kHz mono AAC-LC.
const FMTP = rfc3640ParametersFromFmtp({ mode: 'AAC-hbr', sizelength: '13', indexlength: '3', indexdeltalength: '3', config: '1188' });

/** RFC 3640 AAC-hbr payload: 16-bit header length, one 16-bit header (13-bit size + 3-bit index) per AU, then the AUs. */
function hbrPayload(aus: Buffer[], sizes = aus.map((a) => a.length)): Buffer {
  const headers = Buffer.alloc(2 + 2 * sizes.length);
  headers.writeUInt16BE(16 * sizes.length, 0);
  sizes.forEach((s, i) => headers.writeUInt16BE(s << 3, 2 + 2 * i));
  return Buffer.concat([headers, ...aus]);
}

function collect() {
  const frames: RawAudioFrame[] = [];
  return { frames, onFrame: (f: RawAudioFrame) => frames.push(f) };
}

describe('AAC (RFC 3640) depacketizer', () => {
  it('reads the AudioSpecificConfig of the SDP', () => {
    expect(parseAudioSpecificConfig(Buffer.from('1188', 'hex'))).toEqual({ objectType: 2, sampleRate: 48000, channels: 1 });
    expect(parseAudioSpecificConfig(Buffer.from('1210', 'hex'))).toEqual({ objectType: 2, sampleRate: 44100, channels: 2 });
    expect(
      audioTrackFromSdp('MPEG4-GENERIC', 48000, {
        mode: 'AAC-hbr',
        sizelength: '13',
        indexlength: '3',
        indexdeltalength: '3',
        config: '1188',
      }),
    ).toMatchObject({
      codec: 'aac',
      codecString: 'mp4a.40.2',
      sampleRate: 48000,
      channels: 1,
    });
    expect(audioTrackFromSdp('MPEG4-GENERIC', 48000, { mode: 'AAC-hbr' })).toBeUndefined(); // no config: cannot be muxed
    expect(audioTrackFromSdp('PCMA', 8000, {})).toMatchObject({ codec: 'pcma', codecString: '', sampleRate: 8000 });
    expect(audioTrackFromSdp('OPUS', 48000, {})).toBeUndefined();
  });

  it('splits a packet with several AU headers into frames 1024 samples apart', () => {
    const { frames, onFrame } = collect();
    const d = new AacDepacketizer(FMTP, onFrame);
    const aus = [Buffer.alloc(200, 1), Buffer.alloc(180, 2), Buffer.alloc(7, 3)];
    const pkt = hbrPayload(aus);
    d.push(pkt, 0, pkt.length, 10, 0xfffffc00, true);
    expect(frames.map((f) => [f.data.length, f.data[0], f.rtpTimestamp, f.samples])).toEqual([
      [200, 1, 0xfffffc00, 1024],
      [180, 2, 0, 1024], // the timestamp wraps
      [7, 3, 1024, 1024],
    ]);
  });

  it('reassembles an AU fragmented over several packets, and drops it when a piece is lost', () => {
    const { frames, onFrame } = collect();
    const d = new AacDepacketizer(FMTP, onFrame);
    const au = Buffer.from(Array.from({ length: 3000 }, (_, i) => i & 0xff));
    const parts = [au.subarray(0, 1400), au.subarray(1400, 2800), au.subarray(2800)];
    parts.forEach((p, i) => {
      const pkt = hbrPayload([p], [au.length]);
      d.push(pkt, 0, pkt.length, 100 + i, 5000, i === 2);
    });
    expect(frames).toHaveLength(1);
    expect(frames[0]!.data.equals(au)).toBe(true);

    // Second fragmented AU: the middle packet is lost (sequence jumps) → nothing emitted.
    [0, 2].forEach((i) => {
      const pkt = hbrPayload([parts[i]!], [au.length]);
      d.push(pkt, 0, pkt.length, 200 + i, 6024, i === 2);
    });
    expect(frames).toHaveLength(1);
    expect(d.stats.droppedFrames).toBe(2); // the broken AU, then its orphan tail
    // And the stream goes on.
    const next = hbrPayload([Buffer.alloc(50)]);
    d.push(next, 0, next.length, 203, 7048, true);
    expect(frames).toHaveLength(2);
  });

  it('counts a malformed packet instead of throwing', () => {
    const { frames, onFrame } = collect();
    const d = new AacDepacketizer(FMTP, onFrame);
    const bad = Buffer.from([0x00, 0x40, 0x01]); // claims 64 header bits, has 8
    d.push(bad, 0, bad.length, 1, 0, true);
    expect(frames).toHaveLength(0);
    expect(d.stats.droppedFrames).toBe(1);
  });
});

describe('G.711 depacketizer', () => {
  it('turns every packet into one frame of payload-length samples', () => {
    const { frames, onFrame } = collect();
    const d = new G711Depacketizer(1, onFrame);
    const rtp = Buffer.concat([Buffer.alloc(12), Buffer.alloc(160, 0xff)]);
    d.push(rtp, 12, rtp.length, 1, 8000, false);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ rtpTimestamp: 8000, samples: 160 });
    expect(frames[0]!.data.length).toBe(160);
    d.push(rtp, 12, 12, 2, 8160, false); // empty payload
    expect(d.stats.droppedFrames).toBe(1);
  });
});

describe('AudioTimeline', () => {
  it('anchors the first audio frame to the video time of its arrival, then follows the audio clock', () => {
    const t = new AudioTimeline(48000);
    expect(t.place(1000, 0)).toBeUndefined(); // no video yet
    t.onVideo(9000, 1_000);
    expect(t.place(777, 1_020)).toBe(9000 + 20 * 90);
    expect(t.place(777 + 1024, 1_030)).toBe(9000 + 1800 + 1920);
    t.reset();
    expect(t.place(5000, 2_000)).toBeUndefined();
  });
});
