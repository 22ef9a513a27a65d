import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sealSecret } from '@vigia/secrets';
import { describe, expect, it } from 'vitest';
import { loadCameraKeys as apiKeys } from '../../server/src/modules/cameras/camera-keys.js';
import { loadCameraKeys, openCameraCredentials } from '../src/secrets.js';

/** The node opens what the API sealed, with the same key file — and nothing else. */
describe('camera credentials on the media node', () => {
  it('opens credentials sealed by the API with the key file the API created', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-keys-'));
    const api = apiKeys({ dataDir, cameras: { secretsKey: undefined, previousKeys: [], allowedRanges: [], enforceOutbound: false } });
    const cam = randomUUID();
    const sealed = sealSecret(api[0]!, cam, JSON.stringify({ username: 'admin', password: 's3nh@' }));
    const node = loadCameraKeys({ current: undefined, previous: [], dataDir });
    expect(openCameraCredentials(node, cam, sealed)).toEqual({ username: 'admin', password: 's3nh@' });
    expect(() => openCameraCredentials(node, randomUUID(), sealed)).toThrow(); // copied to another camera
    expect(() =>
      openCameraCredentials(loadCameraKeys({ current: randomBytes(32).toString('base64'), previous: [], dataDir }), cam, sealed),
    ).toThrow(/unknown master key/);
    expect(openCameraCredentials(node, cam, null)).toBeUndefined();
    fs.rmSync(dataDir, { recursive: true });
  });
});
