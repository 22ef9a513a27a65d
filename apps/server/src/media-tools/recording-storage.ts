import path from 'node:path';
import { createS3Client, S3RecordingStorage, type S3Settings, SpooledRecordingStorage } from '@vigia/contracts/recording-s3';
import { LocalRecordingStorage, type RecordingStorage } from '@vigia/contracts/recording-store';

const opened = new Map<string, RecordingStorage>();

/**
 * The recordings the API reads (playback, export, verification) and deletes (retention):
 * DATA_DIR/recordings, plus the recordings bucket when RECORDING_STORAGE=s3 (object keys are read
 * with Range GETs from S3, segments not uploaded yet from the spool when this machine has it).
 * One instance (one S3 client) per data dir and bucket.
 */
export function recordingStorage(dataDir: string, s3?: S3Settings): RecordingStorage {
  const id = `${dataDir}|${s3 ? `${s3.endpoint}/${s3.bucket}` : ''}`;
  let st = opened.get(id);
  if (!st) {
    const local = new LocalRecordingStorage(path.join(dataDir, 'recordings'));
    st = s3 ? new SpooledRecordingStorage(local, new S3RecordingStorage(createS3Client(s3), s3.bucket)) : local;
    opened.set(id, st);
  }
  return st;
}

/** Where a segment's bytes are read: its object once uploaded, its spool file before. */
export const segmentReadKey = (s: { objectKey: string | null; storageKey: string }): string => s.objectKey ?? s.storageKey;
