import { spawn } from 'node:child_process';
import type { FastifyBaseLogger as Logger } from 'fastify';
import { buildSnapshotArgs, type RtspTarget, redactSecret } from './snapshot-args.js';

export interface SnapshotResult {
  ok: boolean;
  jpeg: Buffer | null;
  exitCode: number | null;
  /** Last lines of ffmpeg's stderr, password removed. */
  stderr: string;
}

/**
 * The only place that starts ffmpeg. Arguments come from the pure builder; no shell is used. The
 * command (password masked), the stderr (password removed) and the exit code are logged.
 */
export async function captureSnapshot(
  target: RtspTarget,
  log: Logger,
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
