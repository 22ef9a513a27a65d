/**
 * End-to-end muxing check: RTSP from a real GStreamer server → depacketizer → fMP4, written
 * to files that the real ffprobe/ffmpeg must accept and decode without errors.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessUnit, type ChunkKind, connectClientToHub, createVideoTrack, Fmp4Muxer, RtspClient, StreamHub } from '../src/index';
import { ffmpegDecodeErrors, ffprobeVideo } from './helpers/ffmpeg';

let sim: Simulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ count: 1, hevcCount: 1 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'vigia-media-fmp4-'));
});

afterAll(async () => {
  await sim?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Collects the live output of a hub (as a viewer would receive it) for `frames` frames. */
async function recordLive(cameraPath: string, frames: number) {
  const client = new RtspClient({ url: sim.urlWithCredentials(cameraPath), reconnect: false });
  const hub = new StreamHub();
  connectClientToHub(client, hub);
  const chunks: Buffer[] = [];
  const kinds: ChunkKind[] = [];
  let fragments = 0;
  const done = new Promise<void>((resolve) => {
    hub.subscribe({
      send(chunk, kind) {
        chunks.push(chunk);
        kinds.push(kind);
        if (kind === 'fragment' && ++fragments >= frames) resolve();
      },
      bufferedAmount: () => 0,
    });
  });
  client.start();
  await done;
  await client.stop();
  hub.close();
  return { data: Buffer.concat(chunks), kinds, fragments, track: hub.track!, stats: client.stats };
}

describe('fMP4 output accepted by ffprobe/ffmpeg', () => {
  it('H.264 live mode (one fragment per frame)', async () => {
    const out = await recordLive('cam1', 40);
    expect(out.kinds[0]).toBe('init');
    expect(out.track.codecString).toBe('avc1.64001f');
    const file = path.join(dir, 'live-h264.mp4');
    await writeFile(file, out.data);
    const probe = await ffprobeVideo(file);
    expect(probe.codec_name).toBe('h264');
    expect(probe.codec_tag_string).toBe('avc1');
    expect(probe.width).toBe(1280);
    expect(probe.height).toBe(720);
    expect(Math.abs(Number(probe.nb_read_frames) - out.fragments)).toBeLessThanOrEqual(1);
    expect(await ffmpegDecodeErrors(file)).toBe('');
  });

  it('H.265 live mode (hvc1)', async () => {
    const out = await recordLive('hevc1', 30);
    expect(out.track.codecString).toBe('hvc1.1.6.L93.90');
    const file = path.join(dir, 'live-h265.mp4');
    await writeFile(file, out.data);
    const probe = await ffprobeVideo(file);
    expect(probe.codec_name).toBe('hevc');
    expect(probe.codec_tag_string).toBe('hvc1');
    expect([probe.width, probe.height]).toEqual([1280, 720]);
    expect(Math.abs(Number(probe.nb_read_frames) - out.fragments)).toBeLessThanOrEqual(1);
    expect(await ffmpegDecodeErrors(file)).toBe('');
  });

  it('H.264 batch mode (one fragment per GOP, as for recording segments)', async () => {
    const client = new RtspClient({ url: sim.urlWithCredentials('cam1'), reconnect: false });
    const aus: AccessUnit[] = [];
    const enough = new Promise<void>((resolve) =>
      client.on('accessUnit', (au) => {
        if (aus.length === 0 && !au.keyframe) return;
        aus.push(au);
        if (aus.filter((a) => a.keyframe).length === 3) resolve();
      }),
    );
    client.start();
    await enough;
    await client.stop();
    const last = aus.pop()!; // the third keyframe only closes the second GOP
    const muxer = new Fmp4Muxer(createVideoTrack('h264', client.parameterSets));
    const parts: Buffer[] = [muxer.init];
    for (const au of aus) {
      if (au.keyframe && muxer.queuedFrames > 0) parts.push(muxer.flushFragment(au.timestamp90k)!);
      muxer.queue(au);
    }
    parts.push(muxer.flushFragment(last.timestamp90k)!);
    expect(parts).toHaveLength(3);
    const file = path.join(dir, 'batch-h264.mp4');
    await writeFile(file, Buffer.concat(parts));
    const probe = await ffprobeVideo(file);
    expect(probe.codec_name).toBe('h264');
    expect(Number(probe.nb_read_frames)).toBe(aus.length);
    expect(aus.length).toBe(30);
    expect(await ffmpegDecodeErrors(file)).toBe('');
  });
});
