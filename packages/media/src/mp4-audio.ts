/**
 * The audio track of the fMP4 init segment: an AAC 'mp4a' sample entry with its 'esds'
 * (ISO/IEC 14496-1 ES_Descriptor carrying the AudioSpecificConfig from the SDP), under a
 * 'soun' trak with the sample rate as timescale.
 */
import type { AudioTrackInfo } from './access-unit';
import { box, fragmentedTrak, fullBox, u8, u16, u32, zeros } from './mp4-boxes';

function descriptor(tag: number, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  if (body.length > 0x0fffffff) throw new Error('descriptor too large');
  // Always the 4-byte size form (0x80 0x80 0x80 n), which every parser accepts.
  const size = Buffer.from([
    0x80 | ((body.length >> 21) & 0x7f),
    0x80 | ((body.length >> 14) & 0x7f),
    0x80 | ((body.length >> 7) & 0x7f),
    body.length & 0x7f,
  ]);
  return Buffer.concat([u8(tag), size, body]);
}

export function buildEsds(config: Buffer, trackId: number): Buffer {
  const decoderConfig = descriptor(
    0x04,
    u8(0x40), // objectTypeIndication: MPEG-4 Audio
    u8((0x05 << 2) | 1), // streamType audio, upStream 0, reserved 1
    Buffer.from([0, 0, 0]), // bufferSizeDB
    u32(0), // maxBitrate
    u32(0), // avgBitrate
    descriptor(0x05, config),
  );
  const es = descriptor(0x03, u16(trackId), u8(0), decoderConfig, descriptor(0x06, u8(0x02)));
  return fullBox('esds', 0, 0, es);
}

export function buildMp4aSampleEntry(audio: AudioTrackInfo, trackId: number): Buffer {
  if (audio.codec !== 'aac' || !audio.config) throw new Error(`audio codec ${audio.codec} is not muxed`);
  return box(
    'mp4a',
    zeros(6),
    u16(1), // data_reference_index
    zeros(8), // reserved
    u16(audio.channels || 2),
    u16(16), // samplesize
    u16(0), // pre_defined
    u16(0), // reserved
    u32((audio.sampleRate & 0xffff) * 65536), // 16.16 sample rate (timescale carries the exact value)
    buildEsds(audio.config, trackId),
  );
}

export function buildAudioTrak(audio: AudioTrackInfo, trackId: number): Buffer {
  return fragmentedTrak({
    trackId,
    handler: 'soun',
    timescale: audio.sampleRate,
    mediaHeader: fullBox('smhd', 0, 0, u16(0), u16(0)),
    sampleEntry: buildMp4aSampleEntry(audio, trackId),
    alternateGroup: 1,
    volume: 0x0100, // 1.0
  });
}
