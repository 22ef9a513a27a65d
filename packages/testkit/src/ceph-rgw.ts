import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client, type S3Settings } from '@vigia/contracts/recording-s3';

const run = promisify(execFile);
const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scripts/ceph-rgw.sh');

export interface Rgw {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Stops the cluster when this helper started it (no-op when the test command did). */
  stop(): Promise<void>;
}

/**
 * The real S3 server of the tests: Ceph RGW on 127.0.0.1. The test command starts one
 * (scripts/test.sh → scripts/ceph-rgw.sh) and exports S3_TEST_ENDPOINT…; a test file run alone
 * starts its own throwaway cluster (~15 s) and stops it afterwards.
 */
export async function startRgw(): Promise<Rgw> {
  const env = process.env;
  if (env.S3_TEST_ENDPOINT && env.S3_TEST_ACCESS_KEY && env.S3_TEST_SECRET_KEY)
    return {
      endpoint: env.S3_TEST_ENDPOINT,
      accessKeyId: env.S3_TEST_ACCESS_KEY,
      secretAccessKey: env.S3_TEST_SECRET_KEY,
      region: env.S3_TEST_REGION ?? 'default',
      stop: async () => undefined,
    };
  const dir = path.join(os.tmpdir(), `vigia-rgw-${process.pid}-${randomBytes(3).toString('hex')}`);
  const { stdout } = await run('bash', [SCRIPT, 'start'], { env: { ...env, CEPH_RGW_DIR: dir }, timeout: 120_000 });
  const vars = Object.fromEntries(
    stdout
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    endpoint: vars.S3_TEST_ENDPOINT!,
    accessKeyId: vars.S3_TEST_ACCESS_KEY!,
    secretAccessKey: vars.S3_TEST_SECRET_KEY!,
    region: vars.S3_TEST_REGION ?? 'default',
    stop: async () => {
      await run('bash', [SCRIPT, 'stop'], { env: { ...env, CEPH_RGW_DIR: dir }, timeout: 60_000 });
    },
  };
}

/** Settings for fresh, uniquely named buckets on `rgw` (created here; the evidence one with Object Lock). */
export async function freshBuckets(
  rgw: Pick<Rgw, 'endpoint' | 'accessKeyId' | 'secretAccessKey' | 'region'>,
  lockMode: S3Settings['lockMode'] = 'COMPLIANCE',
  endpoint = rgw.endpoint,
): Promise<{ settings: S3Settings; client: S3Client }> {
  const tag = randomBytes(4).toString('hex');
  const settings: S3Settings = {
    endpoint,
    region: rgw.region,
    bucket: `rec-${tag}`,
    evidenceBucket: `evidence-${tag}`,
    accessKeyId: rgw.accessKeyId,
    secretAccessKey: rgw.secretAccessKey,
    lockMode,
  };
  const client = createS3Client({ ...settings, endpoint: rgw.endpoint });
  await client.send(new CreateBucketCommand({ Bucket: settings.bucket }));
  await client.send(new CreateBucketCommand({ Bucket: settings.evidenceBucket, ObjectLockEnabledForBucket: true }));
  return { settings, client };
}
