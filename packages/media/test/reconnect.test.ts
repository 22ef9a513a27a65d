/**
 * Reconnection against a real server: the simulator is killed mid-stream (like a camera
 * losing power), restarted on the same port, and the client must come back by itself.
 */

import { type Simulator, startSimulator } from '@vigia/testkit/camera-simulator';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClientToHub, RtspClient, type RtspError, StreamHub } from '../src/index';
import { findBox, parseBoxes } from '../src/mp4-boxes';

let sim: Simulator | undefined;

afterAll(async () => {
  await sim?.stop();
});

function waitFor(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const t = setInterval(() => {
      if (cond()) {
        clearInterval(t);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(t);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 20);
  });
}

describe('RtspClient reconnect', () => {
  it('reconnects with backoff after the server dies and resumes frames', async () => {
    sim = await startSimulator({ count: 1 });
    const port = sim.port;
    const url = sim.urlWithCredentials('cam1');
    const client = new RtspClient({
      url,
      backoff: { initialMs: 100, maxMs: 800, factor: 2, jitter: 0.2 },
      dataTimeoutMs: 3000,
    });
    const hub = new StreamHub();
    connectClientToHub(client, hub);
    const decodeTimes: number[] = [];
    hub.subscribe({
      send: (chunk, kind) => {
        if (kind !== 'fragment') return;
        const tfdt = findBox(parseBoxes(chunk), 'moof/traf/tfdt')!;
        decodeTimes.push(Number(tfdt.data.readBigUInt64BE(4)));
      },
      bufferedAmount: () => 0,
    });
    const disconnects: { code: string; delay: number | undefined }[] = [];
    client.on('disconnect', (e: RtspError, delay) => disconnects.push({ code: e.code, delay }));
    let frames = 0;
    client.on('accessUnit', () => frames++);
    client.start();

    await waitFor(() => frames >= 10, 10_000, 'first frames');
    await sim.kill();
    await waitFor(() => disconnects.length >= 1, 5000, 'disconnect');
    expect(['RTSP_CONNECTION_CLOSED', 'RTSP_TIMEOUT']).toContain(disconnects[0]!.code);
    // While the server is down, attempts fail with "connection refused" and the delay grows.
    await waitFor(() => disconnects.length >= 4, 10_000, 'retries');
    expect(disconnects.slice(1, 4).every((d) => d.code === 'RTSP_CONNECT_FAILED')).toBe(true);
    const delays = disconnects.slice(0, 4).map((d) => d.delay!);
    expect(delays[3]!).toBeGreaterThan(delays[0]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(800);

    const before = frames;
    sim = await startSimulator({ count: 1, port });
    await waitFor(() => frames >= before + 20, 15_000, 'frames after restart');
    await client.stop();

    const stats = client.stats;
    expect(stats.reconnects).toBeGreaterThanOrEqual(4);
    expect(stats.lastError?.code).toBeDefined();
    // The live timeline given to viewers stays strictly increasing across the reconnect.
    for (let i = 1; i < decodeTimes.length; i++) expect(decodeTimes[i]!).toBeGreaterThan(decodeTimes[i - 1]!);
    hub.close();
  });
});
