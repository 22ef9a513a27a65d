/**
 * RTSP client against a real GStreamer RTSP server (tools/camera-simulator.py) on loopback.
 */
import net from 'node:net';
import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessUnit, probeRtsp, RtspClient, RtspError } from '../src/index';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ count: 2, hevcCount: 1, user: 'tecnico', password: 'S3nh@ forte' });
});

afterAll(async () => {
  await sim?.stop();
});

async function expectRtspError(p: Promise<unknown>, code: string): Promise<RtspError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RtspError);
  expect((err as RtspError).code).toBe(code);
  return err as RtspError;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('RTSP self-test errors', () => {
  it('plays an H.264 camera with Digest authentication', async () => {
    const r = await probeRtsp({ url: sim.urlWithCredentials('cam1') });
    expect(r).toMatchObject({ codec: 'h264', codecString: 'avc1.64001f', width: 1280, height: 720, fps: 15 });
  });

  it('accepts credentials given as options instead of in the URL', async () => {
    const r = await probeRtsp({ url: sim.url('cam2'), username: sim.user, password: sim.password });
    expect(r.codec).toBe('h264');
  });

  it('reports a wrong password as RTSP_AUTH_FAILED', async () => {
    const err = await expectRtspError(probeRtsp({ url: sim.urlWithCredentials('cam1', 'wrong') }), 'RTSP_AUTH_FAILED');
    expect(err.status).toBe(401);
  });

  it('reports missing credentials as RTSP_AUTH_FAILED', async () => {
    await expectRtspError(probeRtsp({ url: sim.url('cam1') }), 'RTSP_AUTH_FAILED');
  });

  it('reports a closed port as RTSP_CONNECT_FAILED', async () => {
    await expectRtspError(probeRtsp({ url: `rtsp://127.0.0.1:${await freePort()}/cam1` }), 'RTSP_CONNECT_FAILED');
  });

  it('reports an unknown path as RTSP_NOT_FOUND', async () => {
    const err = await expectRtspError(probeRtsp({ url: sim.urlWithCredentials('cam99') }), 'RTSP_NOT_FOUND');
    expect(err.status).toBe(404);
  });

  it('reports a server that never answers as RTSP_TIMEOUT', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      await expectRtspError(probeRtsp({ url: `rtsp://127.0.0.1:${port}/x`, requestTimeoutMs: 300 }), 'RTSP_TIMEOUT');
    } finally {
      silent.close();
    }
  });
});

describe('RtspClient streaming', () => {
  it('delivers H.264 access units without RTP gaps', async () => {
    const client = new RtspClient({ url: sim.urlWithCredentials('cam1'), reconnect: false });
    const aus: AccessUnit[] = [];
    client.on('accessUnit', (au) => aus.push(au));
    const playing = new Promise((r) => client.once('playing', r));
    client.start();
    await playing;
    while (aus.filter((a) => a.keyframe).length < 3) await new Promise((r) => setTimeout(r, 50));
    await client.stop();
    const stats = client.stats;
    expect(client.state).toBe('stopped');
    expect(stats.rtpLost).toBe(0);
    expect(stats.droppedNalUnits).toBe(0);
    expect(stats.rtpPackets).toBeGreaterThan(aus.length);
    expect(aus[0]!.keyframe).toBe(true); // the server starts a session on a keyframe
    // GOP of 15 frames at 15 fps: keyframes every 90000 ticks
    const keys = aus.filter((a) => a.keyframe).map((a) => a.timestamp90k);
    // (the server converts nanoseconds to 90 kHz, so allow ±1 tick of rounding)
    expect(Math.abs(keys[1]! - keys[0]! - 90000)).toBeLessThanOrEqual(1);
    // 15 fps → 6000 ticks per frame, monotonic
    for (let i = 1; i < aus.length; i++) {
      expect(Math.abs(aus[i]!.timestamp90k - aus[i - 1]!.timestamp90k - 6000)).toBeLessThanOrEqual(1);
    }
    // Parameter sets came from the SDP and/or in-band; they are stripped from samples.
    expect(client.parameterSets.sps?.[0]! & 0x1f).toBe(7);
    for (const au of aus) for (const n of au.nalus) expect([7, 8, 9]).not.toContain(n[0]! & 0x1f);
  });

  it('is async-iterable and delivers H.265', async () => {
    const client = new RtspClient({ url: sim.urlWithCredentials('hevc1'), reconnect: false });
    client.start();
    let n = 0;
    let keyframes = 0;
    for await (const au of client) {
      expect(au.codec).toBe('h265');
      if (au.keyframe) keyframes++;
      if (++n >= 20) break;
    }
    await client.stop();
    expect(keyframes).toBeGreaterThanOrEqual(1);
    expect(client.stats.rtpLost).toBe(0);
    expect(client.parameterSets.vps).toBeDefined();
  });

  it('stops retrying when reconnect is disabled and reports the error', async () => {
    const client = new RtspClient({ url: sim.urlWithCredentials('cam1', 'wrong'), reconnect: false });
    const disconnect = new Promise<RtspError>((r) => client.once('disconnect', (e) => r(e)));
    client.start();
    expect((await disconnect).code).toBe('RTSP_AUTH_FAILED');
    await client.stop();
    expect(client.stats.lastError?.code).toBe('RTSP_AUTH_FAILED');
  });
});
