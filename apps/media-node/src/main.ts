import { loadNodeConfig } from './config.js';
import { createLog } from './log.js';
import { startMediaNode } from './node.js';

/** Media node process: `tsx apps/media-node/src/main.ts` (started by the API's start command in embedded mode). */
async function main() {
  const config = loadNodeConfig();
  const log = createLog(config.logLevel);
  const node = await startMediaNode(config, log);
  // The parent (start command) reads this line to know the node listens.
  process.stdout.write(`MEDIA_NODE_READY ${node.url}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'media node shutting down');
    // SIGTERM: graceful drain first (make-before-break: other nodes record our cameras before we stop them).
    if (signal === 'SIGTERM') await node.drain(config.drainMs).catch((err) => log.error({ err }, 'drain failed'));
    const force = setTimeout(() => process.exit(1), 5_000);
    force.unref();
    await node.stop().catch((err) => log.error({ err }, 'shutdown failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Embedded mode: when the parent dies (even by SIGKILL) the IPC channel closes; follow it.
  if (process.send) process.on('disconnect', () => void stop('parent-exit'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
