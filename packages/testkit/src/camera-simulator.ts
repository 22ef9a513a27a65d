/**
 * Starts packages/media/tools/camera-simulator.py (GStreamer RTSP server) on loopback for integration
 * tests and benchmarks, waits until it listens, and stops it afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SIMULATOR_SCRIPT = path.resolve(here, '../../media/tools/camera-simulator.py');

export interface SimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  count?: number;
  hevcCount?: number;
  user?: string;
  password?: string;
  auth?: 'digest' | 'basic' | 'both' | 'none';
  size?: string;
  fps?: number;
  bitrateKbps?: number;
  /** Serve the same cameras on this many more ports (see `extraPorts`). */
  extraPorts?: number;
  /** More paths serving the first H.264 camera (e.g. a partner NVR's playback path). */
  mounts?: string[];
  /** One pipeline for all H.264 cameras (benchmarks at hundreds of cameras; see the script). */
  sharedPipeline?: boolean;
  /** H.264 cameras with an AAC audio track (/av1..avK). */
  audioCount?: number;
  /** H.264 cameras that refuse RTP over UDP with 461 (/tcponly1..N). */
  tcpOnlyCount?: number;
  /** PTZ cameras (/ptz1..N): a crop window over a larger scene, moved with `ptz()`. */
  ptzCount?: number;
  /** Max time to wait for READY (the first run encodes the clips). Default 120 s. */
  startTimeoutMs?: number;
}

export interface Simulator {
  port: number;
  /** Further ports serving the same cameras (option extraPorts). */
  extraPorts: number[];
  user: string;
  password: string;
  /** rtsp://127.0.0.1:port/path without credentials. */
  url(path: string): string;
  /** rtsp://user:password@127.0.0.1:port/path */
  urlWithCredentials(path: string, password?: string): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL (simulates a camera crash / power loss) and wait for exit. */
  kill(): Promise<void>;
  /** Moves PTZ camera n (1-based; option ptzCount): pan/tilt −1…1, zoom 0…1. */
  ptz(n: number, p: { pan: number; tilt: number; zoom: number }): void;
  /** Last lines of the simulator's stderr (diagnostics). */
  logs(): string;
  readonly process: ChildProcess;
}

/** The system interpreter has python3-gi; a pyenv/venv python usually does not. */
export function pythonExecutable(): string {
  if (process.env.VIGIA_PYTHON) return process.env.VIGIA_PYTHON;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const user = options.user ?? 'admin';
  const password = options.password ?? 'secret';
  const args = [
    SIMULATOR_SCRIPT,
    '--address',
    '127.0.0.1',
    '--port',
    String(options.port ?? 0),
    '--count',
    String(options.count ?? 1),
    '--hevc-count',
    String(options.hevcCount ?? 0),
    '--user',
    user,
    '--password',
    password,
    '--auth',
    options.auth ?? 'digest',
  ];
  if (options.size) args.push('--size', options.size);
  if (options.fps) args.push('--fps', String(options.fps));
  if (options.bitrateKbps) args.push('--bitrate', String(options.bitrateKbps));
  if (options.extraPorts) args.push('--extra-ports', String(options.extraPorts));
  if (options.sharedPipeline) args.push('--shared-pipeline');
  if (options.audioCount) args.push('--audio-count', String(options.audioCount));
  if (options.tcpOnlyCount) args.push('--tcp-only-count', String(options.tcpOnlyCount));
  if (options.ptzCount) args.push('--ptz-count', String(options.ptzCount));
  for (const m of options.mounts ?? []) args.push('--mount', m);
  const child = spawn(pythonExecutable(), args, { stdio: [options.ptzCount ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    stderr = (stderr + d).slice(-8000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let extraPorts: number[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`camera simulator did not start in time\n${stderr}`));
    }, options.startTimeoutMs ?? 120_000);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) {
        const extra = /PORTS ([\d ]+)\n/.exec(out);
        if (extra) extraPorts = extra[1]!.trim().split(' ').map(Number);
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`camera simulator exited (${code ?? signal})\n${stderr}`));
    });
  });

  const terminate = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    }
  };
  return {
    port,
    extraPorts,
    user,
    password,
    process: child,
    url: (p) => `rtsp://127.0.0.1:${port}/${p.replace(/^\//, '')}`,
    urlWithCredentials: (p, pw = password) =>
      `rtsp://${encodeURIComponent(user)}:${encodeURIComponent(pw)}@127.0.0.1:${port}/${p.replace(/^\//, '')}`,
    stop: () => terminate('SIGTERM'),
    kill: () => terminate('SIGKILL'),
    ptz: (n, p) => {
      if (!child.stdin) throw new Error('camera simulator started without PTZ cameras (ptzCount)');
      child.stdin.write(`PTZ ${n} ${p.pan.toFixed(4)} ${p.tilt.toFixed(4)} ${p.zoom.toFixed(4)}\n`);
    },
    logs: () => stderr,
  };
}
