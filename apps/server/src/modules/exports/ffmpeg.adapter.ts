import { spawn } from 'node:child_process';
import type { Logger } from 'pino';
import { progressSeconds } from './ffmpeg-args.js';

/** The one place that starts ffmpeg for exports: logs command, stderr and exit code. */
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
