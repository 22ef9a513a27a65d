import { spawn } from 'node:child_process';
import { redactFfmpegText } from './ffmpeg-ingest-args.js';
import type { Log } from './log.js';

/**
 * The one place the media node starts ffmpeg. No shell; arguments come from the pure builders
 * (ffmpeg-ingest-args.ts); `stdin` (e.g. the ffconcat script with the camera URL) is written and
 * closed at once. The command, the stderr tail and the exit are logged with every secret removed.
 */
export interface FfmpegExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Last lines of stderr, secrets removed. */
  stderr: string;
}

export interface FfmpegProcess {
  readonly pid: number | undefined;
  /** Resolves once the process is gone (never rejects; a spawn error is an exit with its message). */
  readonly exited: Promise<FfmpegExit>;
  /** SIGTERM, then SIGKILL after `graceMs` if still running. Resolves on exit. */
  terminate(graceMs?: number): Promise<FfmpegExit>;
  kill(): void;
}

export function startFfmpeg(
  args: readonly string[],
  opts: { log: Log; context: Record<string, unknown>; secrets: readonly (string | undefined)[]; stdin?: string; bin?: string },
): FfmpegProcess {
  const bin = opts.bin ?? 'ffmpeg';
  const clean = (s: string) => redactFfmpegText(s, opts.secrets);
  opts.log.info({ ...opts.context, command: clean([bin, ...args].join(' ')) }, 'ffmpeg start');
  const child = spawn(bin, [...args], { stdio: ['pipe', 'ignore', 'pipe'], shell: false });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  child.stdin.on('error', () => undefined); // ffmpeg may exit before reading its stdin
  child.stdin.end(opts.stdin ?? '');
  let running = true;
  let terminated = false;
  const exited = new Promise<FfmpegExit>((resolve) => {
    let done = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
      if (done) return;
      done = true;
      running = false;
      const exit = { code, signal, stderr: clean(spawnError ? `${stderr}\n${spawnError.message}` : stderr).trim() };
      opts.log[code === 0 || terminated ? 'info' : 'warn']({ ...opts.context, pid: child.pid, ...exit }, 'ffmpeg exited');
      resolve(exit);
    };
    child.once('error', (err) => finish(null, null, err));
    child.once('close', (code, signal) => finish(code, signal));
  });
  const kill = () => {
    if (running) child.kill('SIGKILL');
  };
  return {
    pid: child.pid,
    exited,
    kill,
    terminate: async (graceMs = 3000) => {
      terminated = true;
      if (running) child.kill('SIGTERM');
      const timer = setTimeout(kill, graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}
