import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(new URL('../..', import.meta.url).pathname);

export interface MediaNodeProcess {
  id: string;
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
  /** Last output lines (for a failure message). */
  output(): string;
}

/**
 * One media node as its own process (apps/media-node/src/main.ts) on a PostgreSQL database, as
 * deployed with several nodes (docs/deployment.md); resolves with its URL once it is up.
 */
export async function startMediaNodeProcess(id: string, env: Record<string, string>): Promise<MediaNodeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/media-node/src/main.ts')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, MEDIA_NODE_ID: id, MEDIA_NODE_PORT: '0', LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  const keep = (d: string) => (out = (out + d).slice(-8000));
  child.stderr!.setEncoding('utf8').on('data', keep);
  child.stdout!.setEncoding('utf8');
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: string) => {
      keep(d);
      const m = /MEDIA_NODE_READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`media node ${id} exited (${code})\n${out}`)));
  });
  return { id, url, child, exited, output: () => out };
}

/** Stops a node at once (SIGKILL, as a crash) and waits until its process is gone. */
export async function killMediaNode(n: MediaNodeProcess): Promise<void> {
  if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGKILL');
  await n.exited;
}
