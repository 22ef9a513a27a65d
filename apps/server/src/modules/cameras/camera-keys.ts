import { loadMasterKeys, type MasterKey, masterKeyFile } from '@vigia/secrets';
import type { Config } from '../../config/config.js';

export { keyId } from '@vigia/secrets';

/**
 * The master keys that seal camera credentials: CAMERA_SECRETS_KEY (or DATA_DIR/keys/
 * camera-secrets.key, generated on first start with mode 0600) first, then
 * CAMERA_SECRETS_PREVIOUS_KEYS, which are only opened during a rotation.
 */
export function loadCameraKeys(config: Pick<Config, 'dataDir' | 'cameras'>): MasterKey[] {
  return loadMasterKeys({
    name: 'camera-secrets',
    current: config.cameras.secretsKey,
    previous: config.cameras.previousKeys,
    dataDir: config.dataDir,
    create: true,
    envName: 'CAMERA_SECRETS_KEY',
  });
}

export const cameraKeyFile = (dataDir: string) => masterKeyFile(dataDir, 'camera-secrets');
