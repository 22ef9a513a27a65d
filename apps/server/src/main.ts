import pino from 'pino';
import { buildApp } from './app.js';
import { systemClock } from './config/clock.js';
import { ConfigError, loadConfig } from './config/config.js';
import { type MediaNodeProcess, startMediaNodeProcess } from './media-node-process.js';
import { startDemoCameras } from './modules/demo/demo-cameras.js';
import { startPlatform } from './platform.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = pino({ level: config.logLevel });
  const platform = await startPlatform(config, log, { jobs: config.jobs });
  const app = await buildApp({ config, database: platform.database, clock: systemClock });
  await app.listen({ port: config.port, host: config.host });
  log.info(
    { url: `http://${config.host}:${config.port}`, database: platform.database.kind, dataDir: config.dataDir, demo: config.demo },
    'Vigia Mais MT is up',
  );

  // Demo cameras (simulator) and the media node: child processes, stopped with the server.
  const demoCameras = config.demo && config.media.demoCameras > 0 ? await startDemoCameras(platform.database.db, config, log) : null;
  let mediaNode: MediaNodeProcess | null = null;
  if (config.media.node) mediaNode = await startMediaNodeProcess(config, platform.database, log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await mediaNode?.stop();
    await demoCameras?.stop();
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
