/**
 * View-change check benchmark (issue 17): what one check costs — one keyframe from the camera's
 * RTSP stream as JPEG (ffmpeg), decoded again to a 9×8 gray thumbnail (ffmpeg) and hashed (dHash)
 * — and what checking 500 cameras at a given interval costs a node. CPU is this process plus its
 * ffmpeg children (cutime/cstime of /proc/self/stat); the simulator's CPU is not counted.
 *
 *   npx tsx bench/bench-view-check.ts --checks 20 --size 1280x720
 *
 * Options: --checks N (20) --size WxH (1280x720) --fps F (15) --bitrate KBPS (2000) --cameras C (500)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSimulator } from '@vigia/testkit/camera-simulator';
import pino from 'pino';
import { captureSnapshot } from '../apps/server/src/media-tools/ffmpeg.adapter.js';
import { hashPicture } from '../apps/server/src/modules/view-change/view-change.sweep.js';

const { values } = parseArgs({
  options: {
    checks: { type: 'string', default: '20' },
    size: { type: 'string', default: '1280x720' },
    fps: { type: 'string', default: '15' },
    bitrate: { type: 'string', default: '2000' },
    cameras: { type: 'string', default: '500' },
  },
});
const N = Number(values.checks);
const CAMERAS = Number(values.cameras);

/** CPU seconds of this process and of its reaped children (ffmpeg). */
function cpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const children = (Number(f[13]) + Number(f[14])) / 100; // cutime + cstime, USER_HZ = 100
  const self = process.cpuUsage();
  return children + (self.user + self.system) / 1e6;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const sim = await startSimulator({
  count: 1,
  size: values.size,
  fps: Number(values.fps),
  bitrateKbps: Number(values.bitrate),
  user: 'admin',
  password: 'secret',
});
const log = pino({ level: 'silent' });
const target = { address: '127.0.0.1', port: sim.port, path: '/cam1', credentials: { username: 'admin', password: 'secret' } };
try {
  await captureSnapshot(target, log); // warm-up (page cache, codec init)
  const walls: number[] = [];
  const cpus: number[] = [];
  const hashes = new Set<string>();
  for (let i = 0; i < N; i++) {
    const c0 = cpuSeconds();
    const t0 = performance.now();
    const shot = await captureSnapshot(target, log);
    if (!shot.jpeg) throw new Error(`snapshot failed: ${shot.stderr}`);
    hashes.add(await hashPicture(shot.jpeg));
    walls.push(performance.now() - t0);
    cpus.push((cpuSeconds() - c0) * 1000);
  }
  const cpuMean = cpus.reduce((a, b) => a + b, 0) / cpus.length;
  console.log(`view check, ${values.size} ${values.fps} fps ${values.bitrate} kbit/s, n=${N}`);
  console.log(`  wall per check: p50 ${pct(walls, 50).toFixed(0)} ms, p95 ${pct(walls, 95).toFixed(0)} ms`);
  console.log(`  CPU per check: mean ${cpuMean.toFixed(0)} ms, p95 ${pct(cpus, 95).toFixed(0)} ms (distinct hashes: ${hashes.size})`);
  for (const minutes of [5, 10, 15]) {
    const perSecond = CAMERAS / (minutes * 60);
    const cores = (perSecond * cpuMean) / 1000;
    console.log(
      `  ${CAMERAS} cameras every ${minutes} min: ${perSecond.toFixed(2)} checks/s, ${(cores * 100).toFixed(1)} % of one core (${((cores / 2) * 100).toFixed(1)} % of a 2-core node), one worker busy ${((perSecond * pct(walls, 50)) / 10).toFixed(0)} % of the time`,
    );
  }
} finally {
  await sim.stop();
}
