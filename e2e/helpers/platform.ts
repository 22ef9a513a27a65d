import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ServerProcess, startServer } from '@vigia/testkit/server-process';

export const webDist = path.resolve(new URL('../../apps/web/dist', import.meta.url).pathname);

/** Starts the real platform (built web + server) with demo data on a fresh embedded database. */
export async function startDemoPlatform(
  env: Record<string, string> = {},
): Promise<ServerProcess & { dataDir: string; stop(): Promise<void> }> {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) throw new Error('web app not built: run npm -w @vigia/web run build');
  // A fresh data directory per start attempt (startServer retries when its port was taken).
  let dataDir = '';
  const server = await startServer(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigia-e2e-'));
    return { DATA_DIR: dataDir, DEMO: '1', DATABASE_URL: '', WEB_DIST: webDist, ...env };
  });
  return {
    ...server,
    dataDir,
    async stop() {
      await server.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
