import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { Database } from './db/client.js';
import { type SqlGateway, startSqlGateway } from './db/gateway.js';

const repoRoot = path.resolve(new URL('../../..', import.meta.url).pathname);
export const mediaNodeMain = path.join(repoRoot, 'apps/media-node/src/main.ts');

/**
 * Runs the media node as a child process of the start command (ADR 0004): same DATA_DIR and keys,
 * the database through the loopback SQL gateway (embedded) or DATABASE_URL. Restarted with backoff
 * if it dies; stopped (SIGTERM) when the server stops; it also exits by itself when its parent
 * disappears (IPC channel closed), so a killed server leaves no orphan.
 */
export interface MediaNodeProcess {
  url: Promise<string>;
  stop(): Promise<void>;
}

export async function startMediaNodeProcess(
  config: Config,
  database: Database,
  log: Logger,
  extraEnv: Record<string, string> = {},
): Promise<MediaNodeProcess> {
  let gateway: SqlGateway | undefined;
  if (database.kind === 'pglite') gateway = await startSqlGateway(database);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: config.dataDir,
    MEDIA_NODE_PORT: String(config.media.nodePort),
    LOG_LEVEL: config.logLevel,
    ...(config.media.nodePublicUrl ? { MEDIA_NODE_PUBLIC_URL: config.media.nodePublicUrl } : {}),
    ...extraEnv,
  };
  if (gateway) {
    env.DATABASE_URL = '';
    env.MEDIA_DB_GATEWAY_URL = gateway.url;
    env.MEDIA_DB_GATEWAY_TOKEN = gateway.token;
  } else {
    env.DATABASE_URL = config.databaseUrl;
  }
  let child: ChildProcess | undefined;
  let stopping = false;
  let attempt = 0;
  let resolveUrl!: (u: string) => void;
  const url = new Promise<string>((r) => (resolveUrl = r));

  const launch = () => {
    const c = spawn(process.execPath, ['--import', 'tsx', mediaNodeMain], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child = c;
    let buf = '';
    c.stdout!.setEncoding('utf8');
    c.stdout!.on('data', (d: string) => {
      process.stdout.write(d);
      if (buf !== null) {
        buf += d;
        const m = /MEDIA_NODE_READY (\S+)/.exec(buf);
        if (m) {
          attempt = 0;
          resolveUrl(m[1]!);
          buf = '';
        }
      }
    });
    c.once('exit', (code, signal) => {
      if (stopping) return;
      attempt++;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
      log.error({ code, signal, retryInMs: delay }, 'media node exited; restarting');
      setTimeout(() => !stopping && launch(), delay).unref();
    });
  };
  launch();
  log.info({ port: config.media.nodePort, database: gateway ? 'sql-gateway' : 'postgres' }, 'media node starting');

  return {
    url,
    async stop() {
      stopping = true;
      const c = child;
      if (c && c.exitCode === null && c.signalCode === null) {
        const exited = new Promise<void>((r) => c.once('exit', () => r()));
        c.kill('SIGTERM');
        const t = setTimeout(() => c.kill('SIGKILL'), 6_000);
        await exited;
        clearTimeout(t);
      }
      await gateway?.close();
    },
  };
}
