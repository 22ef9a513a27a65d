/**
 * RTP over UDP and AAC audio against the real GStreamer RTSP server (tools/camera-simulator.py):
 * UDP on loopback loses nothing, 'auto' falls back to TCP where UDP is refused, and with audio
 * passed the hub's fMP4 carries an AAC track that ffprobe/ffmpeg accept (dropped: video only).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccessUnit,
  type AudioFrame,
  connectClientToHub,
  createVideoTrack,
  Fmp4Muxer,
  RtspClient,
  type RtspClientOptions,
  StreamHub,
} from '../src/index';
import { ffmpegDecodeErrors } from './helpers/ffmpeg';

const run = promisify(execFile);
let sim: Simulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ count: 0, audioCount: 1, tcpOnlyCount: 1, size: '640x360', bitrateKbps: 600 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'vigia-media-audio-'));
});

afterAll(async () => {
  await sim?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function streams(file: string): Promise<{ codec_type: string; codec_name: string }[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name', '-of', 'json', file]);
  return (JSON.parse(stdout) as { streams: { codec_type: string; codec_name: string }[] }).streams;
}

/** Runs a client into a hub until `frames` video fragments went out; returns what a viewer got. */
async function watch(cameraPath: string, options: Partial<RtspClientOptions>, frames = 45) {
  const client = new RtspClient({ url: sim.urlWithCredentials(cameraPath), reconnect: false, ...options });
  const hub = new StreamHub();
  connectClientToHub(client, hub);
  const chunks: Buffer[] = [];
  const aus: AccessUnit[] = [];
  const audio: AudioFrame[] = [];
  client.on('accessUnit', (au) => aus.push(au));
  client.on('audioFrame', (f) => audio.push(f));
  const done = new Promise<void>((resolve) => {
    hub.subscribe({
      send(chunk) {
        chunks.push(chunk);
        if (hub.stats.fragments >= frames) resolve();
      },
      bufferedAmount: () => 0,
    });
  });
  client.start();
  await done;
  const result = {
    data: Buffer.concat(chunks),
    codecs: hub.codecs,
    info: client.info!,
    stats: client.stats,
    aus,
    audio,
    parameterSets: client.parameterSets,
  };
  await client.stop();
  hub.close();
  return result;
}

describe('RTP over UDP', () => {
  it('receives video and audio over UDP on loopback without losses', async () => {
    const out = await watch('av1', { transport: 'udp', audio: 'pass' });
    expect(out.info.transport).toBe('udp');
    expect(out.stats.rtpPackets).toBeGreaterThan(100);
    expect(out.stats.rtpLost).toBe(0);
    expect(out.stats.audioFrames).toBeGreaterThan(0);
    expect(out.stats.audioLost).toBe(0);
  });

  it("'auto' falls back to TCP interleaved when the camera refuses UDP (461)", async () => {
    const out = await watch('tcponly1', { transport: 'auto' }, 10);
    expect(out.info.transport).toBe('tcp');
    expect(out.stats.sessions).toBe(1);
  });
});

describe('AAC audio', () => {
  it('audio passed: the live fMP4 has an AAC track next to the video; so has a batch-muxed file', async () => {
    const out = await watch('av1', { audio: 'pass' });
    expect(out.info.audio).toMatchObject({ codec: 'aac', codecString: 'mp4a.40.2', sampleRate: 48000, channels: 1 });
    expect(out.codecs).toBe('avc1.640016,mp4a.40.2');
    const live = path.join(dir, 'live-av.mp4');
    await writeFile(live, out.data);
    expect((await streams(live)).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(await ffmpegDecodeErrors(live)).toBe('');

    // Batch mode (recording segments): same frames, one fragment per second.
    const first = out.aus.findIndex((a) => a.keyframe);
    const muxer = new Fmp4Muxer(createVideoTrack('h264', out.parameterSets), { audio: out.info.audio! });
    const parts = [muxer.init];
    let ai = 0;
    for (const au of out.aus.slice(first)) {
      while (ai < out.audio.length && out.audio[ai]!.receivedAt <= au.receivedAt) muxer.queueAudio(out.audio[ai++]!);
      if (au.keyframe && muxer.queuedFrames > 0) parts.push(muxer.flushFragment(au.timestamp90k)!);
      muxer.queue(au);
    }
    parts.push(muxer.flushFragment()!);
    const batch = path.join(dir, 'batch-av.mp4');
    await writeFile(batch, Buffer.concat(parts));
    expect((await streams(batch)).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(await ffmpegDecodeErrors(batch)).toBe('');
  });

  it('audio dropped (default): video only, as before', async () => {
    const out = await watch('av1', {}, 20);
    expect(out.info.audio).toBeUndefined();
    expect(out.codecs).toBe('avc1.640016');
    expect(out.stats.audioPackets).toBe(0);
    const file = path.join(dir, 'video-only.mp4');
    await writeFile(file, out.data);
    expect((await streams(file)).map((s) => s.codec_type)).toEqual(['video']);
  });
});
