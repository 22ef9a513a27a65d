import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { loadCameraKeys } from './camera-keys.js';
import type { CameraDeps } from './cameras.service.js';
import { parseAllowedRanges } from './outbound-guard.js';

/** What reaching a camera takes (credential keys, outbound guard, data dir), from the configuration. */
export const cameraDepsOf = (db: Db, config: Config): CameraDeps => ({
  db,
  keys: loadCameraKeys(config),
  outbound: { enforce: config.cameras.enforceOutbound, allowed: parseAllowedRanges(config.cameras.allowedRanges) },
  dataDir: config.dataDir,
});
