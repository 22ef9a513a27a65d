import { describe, expect, it } from 'vitest';
import { isObjectKey, objectKey, recordingStorageEnv, s3SettingsOf } from './recording-s3.js';

describe('objectKey', () => {
  const base = { regionId: 'r1', start: new Date('2026-12-07T23:59:59.500Z'), cameraId: 'c1', segmentId: 's1' };

  it('lays keys out by region and UTC day, then camera, segment and writer', () => {
    expect(objectKey({ ...base, writer: { nodeId: 'node-a' } })).toBe('rec/r1/2026-12-07/c1/s1-node-a.mp4');
    expect(objectKey({ ...base, regionId: null, writer: { nodeId: 'node-a' } })).toBe('rec/none/2026-12-07/c1/s1-node-a.mp4');
  });

  it('adds the epoch and assignment generation of the writer when known, and keeps keys safe', () => {
    expect(objectKey({ ...base, writer: { nodeId: 'node-a', epoch: 7, generation: 3 } })).toBe('rec/r1/2026-12-07/c1/s1-node-a-e7-g3.mp4');
    expect(objectKey({ ...base, writer: { nodeId: 'host:3001' } })).toBe('rec/r1/2026-12-07/c1/s1-host_3001.mp4');
    expect(() => objectKey({ ...base, cameraId: '..', writer: { nodeId: 'n' } })).toThrow();
  });

  it('tells object keys from spool keys', () => {
    expect(isObjectKey('rec/r1/2026-12-07/c1/s1-n.mp4')).toBe(true);
    expect(isObjectKey('c1/2026/12/07/23/5959-500-1.mp4')).toBe(false);
  });
});

describe('s3SettingsOf', () => {
  it('is undefined for local storage and demands endpoint and credentials for s3', () => {
    expect(s3SettingsOf(recordingStorageEnv.parse({}))).toBeUndefined();
    expect(() => s3SettingsOf(recordingStorageEnv.parse({ RECORDING_STORAGE: 's3' }))).toThrow(/RECORDING_S3_ENDPOINT/);
    const s = s3SettingsOf(
      recordingStorageEnv.parse({
        RECORDING_STORAGE: 's3',
        RECORDING_S3_ENDPOINT: 'http://127.0.0.1:7480',
        RECORDING_S3_ACCESS_KEY_ID: 'a',
        RECORDING_S3_SECRET_ACCESS_KEY: 'b',
        RECORDING_S3_LOCK_MODE: 'GOVERNANCE',
      }),
    );
    expect(s).toMatchObject({ bucket: 'vigia-recordings', evidenceBucket: 'vigia-evidence', lockMode: 'GOVERNANCE', region: 'us-east-1' });
  });
});
