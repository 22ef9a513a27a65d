/**
 * Ingest benchmark: N simulated cameras (GStreamer RTSP server, separate process) read by
 * N RtspClients in THIS process, each feeding a StreamHub (fMP4 muxing + GOP cache), for
 * T seconds. Prints CPU % (of one core) and RSS per camera, RTP gaps and bytes received.
 *
 *   npx tsx bench/bench-ingest.ts --cameras 50 --seconds 30
 *
 * Options: --cameras N (50) --seconds T (30) --warmup S (5) --size WxH (1280x720)
 *          --fps F (15) --bitrate KBPS (2000) --no-hub (client only)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectClientToHub, RtspClient, StreamHub } from '@vigia/media';
import { startSimulator } from '@vigia/testkit/camera-simulator';

const { values } = parseArgs({
  options: {
    cameras: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    size: { type: 'string', default: '1280x720' },
    fps: { type: 'string', default: '15' },
    bitrate: { type: 'string', default: '2000' },
    'no-hub': { type: 'boolean', default: false },
  },
});
const N = Number(values.cameras);
const T = Number(values.seconds);
const WARMUP = Number(values.warmup);
const MB = 1024 * 1024;

function procCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

async function main() {
  console.log(`starting simulator: ${N} cameras ${values.size} ${values.fps} fps ${values.bitrate} kbit/s`);
  const sim = await startSimulator({
    count: N,
    size: values.size,
    fps: Number(values.fps),
    bitrateKbps: Number(values.bitrate),
  });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;

  const clients: RtspClient[] = [];
  const hubs: StreamHub[] = [];
  for (let i = 1; i <= N; i++) {
    const client = new RtspClient({ url: sim.urlWithCredentials(`cam${i}`), backoff: { initialMs: 500, maxMs: 5000 } });
    if (!values['no-hub']) {
      const hub = new StreamHub();
      connectClientToHub(client, hub);
      hubs.push(hub);
    }
    clients.push(client);
    client.start();
  }
  const allPlaying = Date.now();
  while (clients.some((c) => c.state !== 'playing') && Date.now() - allPlaying < 60_000) {
    await new Promise((r) => setTimeout(r, 200));
  }
  const playing = clients.filter((c) => c.state === 'playing').length;
  console.log(`${playing}/${N} cameras playing after ${((Date.now() - allPlaying) / 1000).toFixed(1)} s; warming up ${WARMUP} s`);
  await new Promise((r) => setTimeout(r, WARMUP * 1000));

  const snap = () => {
    const s = clients.map((c) => c.stats);
    const sum = (k: 'bytesReceived' | 'rtpPackets' | 'rtpLost' | 'rtpGaps' | 'accessUnits' | 'reconnects' | 'droppedNalUnits') =>
      s.reduce((a, x) => a + x[k], 0);
    return {
      bytes: sum('bytesReceived'),
      packets: sum('rtpPackets'),
      lost: sum('rtpLost'),
      gaps: sum('rtpGaps'),
      frames: sum('accessUnits'),
      reconnects: sum('reconnects'),
      dropped: sum('droppedNalUnits'),
    };
  };
  const s0 = snap();
  const cpu0 = process.cpuUsage();
  const simCpu0 = procCpuSeconds(sim.process.pid!);
  const t0 = process.hrtime.bigint();
  let rssPeak = 0;
  const rssSampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 500);
  await new Promise((r) => setTimeout(r, T * 1000));
  clearInterval(rssSampler);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const simCpu1 = procCpuSeconds(sim.process.pid!);
  const s1 = snap();
  const mem = process.memoryUsage();

  const cpuPct = ((cpu.user + cpu.system) / 1e6 / wall) * 100;
  const d = (k: keyof typeof s0) => s1[k] - s0[k];
  const gopBytes = hubs.reduce((a, h) => a + h.gopBytes, 0);
  const report = {
    cameras: N,
    playing,
    seconds: Number(wall.toFixed(1)),
    cpuPercentOfOneCore: Number(cpuPct.toFixed(2)),
    cpuPercentPerCamera: Number((cpuPct / N).toFixed(4)),
    rssTotalMB: Number((mem.rss / MB).toFixed(1)),
    rssPeakMB: Number((rssPeak / MB).toFixed(1)),
    rssPerCameraMB: Number(((mem.rss - rssBefore) / MB / N).toFixed(3)),
    heapUsedMB: Number((mem.heapUsed / MB).toFixed(1)),
    externalMB: Number(((mem.external + mem.arrayBuffers) / MB).toFixed(1)),
    gopCacheMB: Number((gopBytes / MB).toFixed(1)),
    bytesReceivedMB: Number((d('bytes') / MB).toFixed(1)),
    mbitPerSecond: Number(((d('bytes') * 8) / 1e6 / wall).toFixed(1)),
    rtpPackets: d('packets'),
    rtpLost: d('lost'),
    rtpGaps: d('gaps'),
    framesPerSecond: Number((d('frames') / wall).toFixed(1)),
    expectedFramesPerSecond: N * Number(values.fps),
    droppedNalUnits: d('dropped'),
    reconnects: d('reconnects'),
    simulatorCpuPercent:
      simCpu0 !== undefined && simCpu1 !== undefined ? Number((((simCpu1 - simCpu0) / wall) * 100).toFixed(1)) : undefined,
  };
  console.log(JSON.stringify(report, null, 2));

  await Promise.all(clients.map((c) => c.stop()));
  for (const h of hubs) h.close();
  await sim.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
