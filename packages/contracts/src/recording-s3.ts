/**
 * Recordings in S3-compatible object storage (ADR 0008, docs/recording.md "Object storage").
 * Node-only subpath export `@vigia/contracts/recording-s3`, shared by the media node (uploads
 * closed segments from its local spool) and the API (playback, export, verification, retention,
 * evidence Object Lock). Tested against Ceph RGW (scripts/ceph-rgw.sh).
 */
import { createHash } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { z } from 'zod';
import { checkKey, type RangedReader, type RecordingStorage, type RecordingWriter } from './recording-store.js';

export interface S3Settings {
  endpoint: string;
  region: string;
  bucket: string;
  /** Bucket created with Object Lock, for footage under an evidence lock. */
  evidenceBucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Object Lock mode of evidence copies: COMPLIANCE (nobody can shorten it) or GOVERNANCE. */
  lockMode: 'COMPLIANCE' | 'GOVERNANCE';
}

/** The S3 variables (README "Configuration"); shared by the API and the media node. */
export const recordingStorageEnv = z.object({
  /** local (embedded default: DATA_DIR/recordings) or s3 (local spool + upload to a bucket). */
  RECORDING_STORAGE: z.enum(['local', 's3']).default('local'),
  RECORDING_S3_ENDPOINT: z.url().optional(),
  RECORDING_S3_REGION: z.string().min(1).default('us-east-1'),
  RECORDING_S3_BUCKET: z.string().min(3).default('vigia-recordings'),
  RECORDING_S3_EVIDENCE_BUCKET: z.string().min(3).default('vigia-evidence'),
  RECORDING_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  RECORDING_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  RECORDING_S3_LOCK_MODE: z.enum(['COMPLIANCE', 'GOVERNANCE']).default('COMPLIANCE'),
});

/** S3 settings from parsed env, or undefined for local storage; throws when s3 lacks a variable. */
export function s3SettingsOf(e: z.infer<typeof recordingStorageEnv>): S3Settings | undefined {
  if (e.RECORDING_STORAGE !== 's3') return undefined;
  if (!e.RECORDING_S3_ENDPOINT || !e.RECORDING_S3_ACCESS_KEY_ID || !e.RECORDING_S3_SECRET_ACCESS_KEY)
    throw new Error('RECORDING_STORAGE=s3 needs RECORDING_S3_ENDPOINT, RECORDING_S3_ACCESS_KEY_ID and RECORDING_S3_SECRET_ACCESS_KEY');
  return {
    endpoint: e.RECORDING_S3_ENDPOINT,
    region: e.RECORDING_S3_REGION,
    bucket: e.RECORDING_S3_BUCKET,
    evidenceBucket: e.RECORDING_S3_EVIDENCE_BUCKET,
    accessKeyId: e.RECORDING_S3_ACCESS_KEY_ID,
    secretAccessKey: e.RECORDING_S3_SECRET_ACCESS_KEY,
    lockMode: e.RECORDING_S3_LOCK_MODE,
  };
}

/**
 * One client per process. Path-style addressing (RGW, MinIO); checksums only when the operation
 * requires them (the SDK's default checksum of a stream body makes RGW answer 411).
 */
export function createS3Client(s: S3Settings): S3Client {
  return new S3Client({
    endpoint: s.endpoint,
    region: s.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
    // An unreachable endpoint that drops packets fails in 5 s instead of the OS's minutes of SYN retries.
    requestHandler: { connectionTimeout: 5_000 },
  });
}

/** Prefix of every recording object: what tells an object key from a spool key. */
export const OBJECT_PREFIX = 'rec/';

/**
 * Who wrote a segment. The key carries it so two writers of one camera never produce the same
 * key; fencing (node epoch, assignment generation) adds its fields here and they join the key.
 */
export interface WriterIdentity {
  nodeId: string;
  epoch?: number;
  generation?: number;
}

/**
 * `rec/<region>/<yyyy-mm-dd>/<camera>/<segment-id>-<writer>.mp4` (UTC day): lifecycle rules per
 * region/day, listing per camera/day, and no key written twice.
 */
export function objectKey(o: {
  regionId: string | null;
  start: Date;
  cameraId: string;
  segmentId: string;
  writer: WriterIdentity;
}): string {
  const day = o.start.toISOString().slice(0, 10);
  const w = [
    o.writer.nodeId,
    o.writer.epoch !== undefined ? `e${o.writer.epoch}` : '',
    o.writer.generation !== undefined ? `g${o.writer.generation}` : '',
  ]
    .filter(Boolean)
    .join('-')
    .replace(/[^\w.-]/g, '_');
  return checkKey(`${OBJECT_PREFIX}${o.regionId ?? 'none'}/${day}/${o.cameraId}/${o.segmentId}-${w}.mp4`);
}

export const isObjectKey = (key: string) => key.startsWith(OBJECT_PREFIX);

/** Multipart part size: S3's minimum (5 MiB) is the floor for every part but the last. */
const PART_BYTES = 8 * 1024 * 1024;
/** DeleteObjects takes at most 1000 keys per request. */
export const DELETE_BATCH = 1000;

/**
 * Uploads a local file, SHA-256 computed on the bytes sent. Up to one part (8 MiB) → one
 * PutObject with Content-MD5 (S3 refuses a body that does not match it) whose answered ETag must
 * be that MD5: one request, the stored bytes checked, no HEAD (an ETag that is not the MD5, e.g.
 * SSE-KMS, falls back to the HEAD below). Larger → one multipart upload (parts of 8 MiB), then
 * HeadObject for the ETag (RGW's CompleteMultipartUpload answers an empty one) and the size.
 * `length`: only the file's first `length` bytes (what an index row describes: a spool file may
 * be longer than its row when a fenced-out writer kept appending); 0 → an empty object.
 */
export async function uploadFile(
  client: S3Client,
  bucket: string,
  key: string,
  file: string,
  length?: number,
): Promise<{ etag: string; sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const total = length ?? (await fs.stat(file)).size;
  if (total <= PART_BYTES) {
    const body = total ? await readPrefix(file, total) : Buffer.alloc(0);
    hash.update(body);
    size = body.length;
    const md5 = createHash('md5').update(body).digest();
    const put = await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'video/mp4', ContentMD5: md5.toString('base64') }),
    );
    const etag = (put.ETag ?? '').replaceAll('"', '');
    if (etag === md5.toString('hex')) return { etag, sha256: hash.digest('hex'), size };
  } else {
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: 'video/mp4' }));
    try {
      const parts: { ETag: string; PartNumber: number }[] = [];
      const fh = await fs.open(file, 'r');
      try {
        for (let n = 1; ; n++) {
          const want = Math.min(PART_BYTES, (length ?? Number.POSITIVE_INFINITY) - size);
          const buf = Buffer.allocUnsafe(want);
          let got = 0;
          while (got < buf.length) {
            const { bytesRead } = await fh.read(buf, got, buf.length - got, size + got);
            if (!bytesRead) break;
            got += bytesRead;
          }
          if (got === 0 && n > 1) break;
          const body = buf.subarray(0, got);
          hash.update(body);
          size += got;
          const r = await client.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: n, Body: body }));
          parts.push({ ETag: r.ETag ?? '', PartNumber: n });
          if (got < PART_BYTES || size === length) break;
        }
      } finally {
        await fh.close();
      }
      await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
    } catch (err) {
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId })).catch(() => undefined);
      throw err;
    }
  }
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  if (head.ContentLength !== size) throw new Error(`upload of ${key}: ${head.ContentLength} bytes stored, ${size} sent`);
  return { etag: (head.ETag ?? '').replaceAll('"', ''), sha256: hash.digest('hex'), size };
}

/** The first `length` bytes of a file (fewer when it is shorter). */
async function readPrefix(file: string, length: number): Promise<Buffer> {
  const fh = await fs.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await fh.read(buf, got, length - got, got);
      if (!bytesRead) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

/** Deletes keys in DeleteObjects batches of ≤ 1000; returns the keys S3 refused (with reasons). */
export async function deleteObjects(client: S3Client, bucket: string, keys: string[]): Promise<{ key: string; code: string }[]> {
  const refused: { key: string; code: string }[] = [];
  for (let i = 0; i < keys.length; i += DELETE_BATCH) {
    const batch = keys.slice(i, i + DELETE_BATCH);
    const r = await client.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
    );
    for (const e of r.Errors ?? []) refused.push({ key: e.Key ?? '', code: e.Code ?? 'Error' });
  }
  return refused;
}

/**
 * Whether the object storage answers: a HeadBucket within `timeoutMs`; any HTTP answer below 500
 * counts (403 from credentials without ListBucket still means the gateway is back). The uploader's
 * probe while an outage lasts.
 */
export async function s3Reachable(client: S3Client, bucket: string, timeoutMs: number): Promise<boolean> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return status !== undefined && status < 500;
  }
}

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

/** Read side of a recordings bucket (objects are written whole by `uploadFile`, never appended). */
export class S3RecordingStorage implements RecordingStorage {
  constructor(
    readonly client: S3Client,
    readonly bucket: string,
  ) {}

  create(key: string): Promise<RecordingWriter> {
    return Promise.reject(new Error(`objects are uploaded whole from the spool, not appended (${key})`));
  }

  read(key: string, range?: { start: number; end?: number }): ReadStream {
    const out = new PassThrough();
    const Range = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined;
    this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key), ...(Range ? { Range } : {}) }))
      .then((r) => (r.Body as Readable).pipe(out))
      .catch((err: Error) => out.destroy(err));
    return out as unknown as ReadStream;
  }

  async readAll(key: string): Promise<Buffer> {
    const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
    return Buffer.from(await r.Body!.transformToByteArray());
  }

  /** HEAD for the size, then one `Range: bytes=start-(end-1)` GET per read. */
  async openRanged(key: string): Promise<RangedReader> {
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
    const size = head.ContentLength ?? 0;
    return {
      size,
      read: async (start, end) => {
        const last = Math.min(end, size) - 1;
        if (last < start) return Buffer.alloc(0);
        const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${start}-${last}` }));
        return Buffer.from(await r.Body!.transformToByteArray());
      },
      close: async () => undefined,
    };
  }

  async stat(key: string): Promise<{ size: number; mtimeMs: number } | undefined> {
    try {
      const h = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
      return { size: h.ContentLength ?? 0, mtimeMs: h.LastModified?.getTime() ?? 0 };
    } catch (err) {
      if (notFound(err)) return undefined;
      throw err;
    }
  }

  truncate(key: string): Promise<void> {
    return Promise.reject(new Error(`objects are immutable (${key})`));
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
  }

  async removeMany(keys: string[]): Promise<void> {
    const refused = await deleteObjects(this.client, this.bucket, keys.map(checkKey));
    if (refused.length) throw new Error(`S3 refused to delete ${refused.length} object(s): ${refused[0]!.key} ${refused[0]!.code}`);
  }

  move(from: string): Promise<void> {
    return Promise.reject(new Error(`objects are not moved (${from})`));
  }

  async list(prefix: string, limit: number): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const r = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          MaxKeys: Math.min(1000, limit - out.length),
          ContinuationToken: token,
        }),
      );
      for (const o of r.Contents ?? []) if (o.Key) out.push(o.Key);
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token && out.length < limit);
    return out;
  }

  async freeBytes(): Promise<number | undefined> {
    return undefined;
  }

  localPath(): string | undefined {
    return undefined;
  }
}

/**
 * The local spool plus the bucket behind one `RecordingStorage`: object keys (`rec/…`) are read
 * from S3, spool keys (segments not uploaded yet) from the local disk. Listing, free space,
 * truncation and quarantine are the spool's (retention's orphan scan and the disk floor).
 */
export class SpooledRecordingStorage implements RecordingStorage {
  constructor(
    readonly spool: RecordingStorage,
    readonly objects: S3RecordingStorage,
  ) {}

  private of(key: string): RecordingStorage {
    return isObjectKey(key) ? this.objects : this.spool;
  }

  create(key: string) {
    return this.of(key).create(key);
  }
  read(key: string, range?: { start: number; end?: number }) {
    return this.of(key).read(key, range);
  }
  readAll(key: string) {
    return this.of(key).readAll(key);
  }
  openRanged(key: string) {
    return this.of(key).openRanged(key);
  }
  stat(key: string) {
    return this.of(key).stat(key);
  }
  truncate(key: string, size: number) {
    return this.of(key).truncate(key, size);
  }
  remove(key: string) {
    return this.of(key).remove(key);
  }
  async removeMany(keys: string[]): Promise<void> {
    const objects = keys.filter(isObjectKey);
    if (objects.length) await this.objects.removeMany(objects);
    await this.spool.removeMany(keys.filter((k) => !isObjectKey(k)));
  }
  move(from: string, to: string) {
    return this.spool.move(from, to);
  }
  list(prefix: string, limit: number) {
    return this.spool.list(prefix, limit);
  }
  freeBytes() {
    return this.spool.freeBytes();
  }
  localPath(key: string) {
    return this.of(key).localPath(key);
  }
}
