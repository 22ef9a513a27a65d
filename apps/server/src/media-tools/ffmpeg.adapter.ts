import { spawn } from 'node:child_process';
import type { Logger } from 'pino';
import { progressSeconds } from './export-args.js';
import { buildSnapshotArgs, type RtspTarget, redactSecret } from './snapshot-args.js';

/**
 * The one place that starts ffmpeg processes (exports, masked exports, camera snapshots). The
 * argument builders beside it are pure; here the command, stderr and exit code are logged.
 */

/** Runs an export command to completion, reporting progress (seconds written). */
export async function runFfmpeg(
  args: string[],
  opts: { log?: Pick<Logger, 'info' | 'error'>; onProgress?: (seconds: number) => void; timeoutMs?: number } = {},
): Promise<void> {
  opts.log?.info({ cmd: ['ffmpeg', ...args].join(' ') }, 'ffmpeg start');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 10 * 60_000);
    child.stdout.on('data', (d: Buffer) => {
      const s = progressSeconds(d.toString());
      if (s !== undefined) opts.onProgress?.(s);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      opts.log?.error({ code, stderr }, 'ffmpeg failed');
      reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}

export interface SnapshotResult {
  ok: boolean;
  jpeg: Buffer | null;
  exitCode: number | null;
  /** Last lines of ffmpeg's stderr, password removed. */
  stderr: string;
}

/**
 * One camera snapshot (JPEG on stdout). Arguments come from the pure builder; no shell is used. The
 * command (password masked), the stderr (password removed) and the exit code are logged.
 */
export async function captureSnapshot(
  target: RtspTarget,
  log: Pick<Logger, 'info' | 'warn'>,
  opts: { timeoutMs?: number; ffmpegPath?: string } = {},
): Promise<SnapshotResult> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const args = buildSnapshotArgs(target, { timeoutMs: Math.min(timeoutMs, 5000) });
  const bin = opts.ffmpegPath ?? process.env.FFMPEG_PATH ?? 'ffmpeg';
  const secret = target.credentials?.password;
  const command = [bin, ...buildSnapshotArgs(target, { timeoutMs: Math.min(timeoutMs, 5000), redact: true })].join(' ');
  log.info({ command }, 'camera snapshot: starting ffmpeg');
  return new Promise<SnapshotResult>((resolve) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 10 * 1024 * 1024) chunks.push(c);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr = (stderr + d).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let done = false;
    const finish = (exitCode: number | null, spawnError?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const clean = redactSecret(spawnError ? `${stderr}\n${spawnError.message}` : stderr, secret).trim();
      const jpeg = Buffer.concat(chunks);
      const ok = exitCode === 0 && jpeg.length > 4 && jpeg[0] === 0xff && jpeg[1] === 0xd8;
      log[ok ? 'info' : 'warn']({ command, exitCode, stderr: clean }, 'camera snapshot: ffmpeg finished');
      resolve({ ok, jpeg: ok ? jpeg : null, exitCode, stderr: clean });
    };
    child.once('error', (err) => finish(null, err));
    child.once('close', (code) => finish(code));
  });
}

/**
 * A picture (JPEG/PNG bytes) decoded and shrunk to a `width`×`height` 8-bit grayscale thumbnail
 * (area averaging), for perceptual hashing. Rejects when ffmpeg fails or returns the wrong size.
 */
export function grayThumbnail(picture: Buffer, width: number, height: number, opts: { timeoutMs?: number } = {}): Promise<Uint8Array> {
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-i',
    'pipe:0',
    '-frames:v',
    '1',
    '-vf',
    `scale=${width}:${height}:flags=area,format=gray`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.FFMPEG_PATH ?? 'ffmpeg', [...args, '-f', 'rawvideo', 'pipe:1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 10_000);
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    child.stdin.on('error', () => undefined); // ffmpeg may close stdin early on a bad picture
    child.once('error', (err) => (clearTimeout(timer), reject(err)));
    child.once('close', (code) => {
      clearTimeout(timer);
      const out = Buffer.concat(chunks);
      if (code === 0 && out.length === width * height) resolve(new Uint8Array(out));
      else reject(new Error(`ffmpeg gray thumbnail failed (${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`));
    });
    child.stdin.end(picture);
  });
}
