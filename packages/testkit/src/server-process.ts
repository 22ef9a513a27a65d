import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const serverDir = path.resolve(new URL('../../../apps/server', import.meta.url).pathname);
const tsx = path.resolve(serverDir, '../../node_modules/.bin/tsx');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /**
   * Option `processGroup` only: signals the whole tree at once (tsx, the server, its media node
   * child — a power cut with SIGKILL) and resolves when no process of it is alive any more.
   */
  killGroup(signal: NodeJS.Signals): Promise<void>;
}

/** Live (not zombie) processes whose process group is `pgid` (Linux /proc). */
function groupAlive(pgid: number): boolean {
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') return true;
    } catch {
      /* exited meanwhile */
    }
  }
  return false;
}

/**
 * Starts the real server (`src/main.ts`) as a child process and waits for /healthz.
 * `processGroup`: the server and its children get their own process group (see `killGroup`).
 */
export async function startServer(
  env: Record<string, string | undefined> | ((port: number) => Record<string, string | undefined>),
  options: { processGroup?: boolean } = {},
): Promise<ServerProcess> {
  // freePort() closes the port before the child binds it; on a busy machine another process's
  // outgoing connection can take it as its ephemeral port in between. Only that case is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(env, options);
    } catch (err) {
      if (!(err instanceof PortTakenError) || attempt >= 5) throw err;
    }
  }
}

class PortTakenError extends Error {}

async function startServerOnce(
  env: Record<string, string | undefined> | ((port: number) => Record<string, string | undefined>),
  options: { processGroup?: boolean },
): Promise<ServerProcess> {
  const port = await freePort();
  // A function gets the port first (settings that name the server's own URL, e.g. an OIDC redirect).
  const extra = typeof env === 'function' ? env(port) : env;
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: serverDir,
    detached: options.processGroup ?? false,
    // The media node is opt-in here (MEDIA_NODE: 'on'): most tests need only the API.
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      MEDIA_NODE: 'off',
      RECORDING_DEFAULT: 'off',
      MEDIA_MONITOR: 'recorded',
      ...extra,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      if (out.includes(`EADDRINUSE: address already in use 127.0.0.1:${port}`)) throw new PortTakenError(out);
      throw new Error(`server exited early (${child.exitCode}):\n${out}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    output: () => out,
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
    async killGroup(signal) {
      if (!options.processGroup) throw new Error('startServer: killGroup needs the processGroup option');
      const pgid = child.pid!;
      try {
        process.kill(-pgid, signal);
      } catch {
        /* the group is gone already */
      }
      const until = Date.now() + 15_000;
      while (groupAlive(pgid)) {
        if (Date.now() > until) throw new Error(`processes of group ${pgid} still alive after ${signal}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** A tiny cookie-keeping HTTP client for talking to a real server process. */
export class HttpClient {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string) {}

  async request(method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await fetch(this.base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      this.cookies.set(k!, v.join('='));
    }
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.status, json };
  }
}
