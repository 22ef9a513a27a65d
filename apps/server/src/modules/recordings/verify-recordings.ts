import { createHash } from 'node:crypto';
import { chainHash, GENESIS_CHAIN_HASH, type RecordingStorage } from '@vigia/contracts/recording-store';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { recordingSegments } from '../../db/tables/recordings.js';
import { segmentReadKey } from '../../media-tools/recording-storage.js';

export type ChainProblemKind = 'segment_row_missing' | 'chain_broken' | 'row_altered' | 'file_missing' | 'file_altered';

export interface ChainProblem {
  kind: ChainProblemKind;
  seq: number;
  /** The segment's storage key (for a missing row: the key of the next segment still present). */
  storageKey: string;
  detail: string;
}

export interface ChainReport {
  cameraId: string;
  ok: boolean;
  segments: number;
  checkedFiles: number;
  deleted: number;
  open: number;
  problems: ChainProblem[];
}

/**
 * Verifies a camera's recordings: sequence without holes, each row's chain hash recomputed from
 * its fields and the previous hash, and each file present (unless deleted by retention, which
 * keeps the row as a tombstone) with the SHA-256 recorded. Every problem names the segment.
 */
export async function verifyRecordings(
  db: Queryable,
  storage: RecordingStorage,
  cameraId: string,
  opts: { checkFiles?: boolean } = {},
): Promise<ChainReport> {
  const rows = await db
    .select()
    .from(recordingSegments)
    .where(eq(recordingSegments.cameraId, cameraId))
    .orderBy(asc(recordingSegments.seq));
  const problems: ChainProblem[] = [];
  let expected = 1;
  let prev = GENESIS_CHAIN_HASH;
  let checkedFiles = 0;
  let deleted = 0;
  let open = 0;
  for (const r of rows) {
    if (r.seq !== expected) {
      problems.push({
        kind: 'segment_row_missing',
        seq: expected,
        storageKey: r.storageKey,
        detail: `segments ${expected}..${r.seq - 1} are missing from the index (before ${r.storageKey})`,
      });
    }
    expected = r.seq + 1;
    if (!r.closedAt) {
      open++;
      continue;
    }
    if (r.prevChainHash !== prev)
      problems.push({
        kind: 'chain_broken',
        seq: r.seq,
        storageKey: r.storageKey,
        detail: 'previous chain hash does not match the preceding segment',
      });
    const recomputed = chainHash(r.prevChainHash ?? '', {
      cameraId,
      seq: r.seq,
      startMs: r.startAt.getTime(),
      endMs: r.endAt?.getTime() ?? 0,
      sizeBytes: r.sizeBytes ?? 0,
      sha256: r.sha256 ?? '',
    });
    if (recomputed !== r.chainHash)
      problems.push({ kind: 'row_altered', seq: r.seq, storageKey: r.storageKey, detail: 'index row fields do not match its chain hash' });
    prev = r.chainHash ?? '';
    if (r.deletedAt) {
      deleted++;
      continue;
    }
    if (opts.checkFiles === false) continue;
    const key = segmentReadKey(r);
    const st = await storage.stat(key);
    if (!st) {
      problems.push({ kind: 'file_missing', seq: r.seq, storageKey: key, detail: 'file removed without a retention record' });
      continue;
    }
    checkedFiles++;
    const sha = createHash('sha256');
    for await (const chunk of storage.read(key)) sha.update(chunk as Buffer);
    const digest = sha.digest('hex');
    if (digest !== r.sha256 || st.size !== r.sizeBytes)
      problems.push({
        kind: 'file_altered',
        seq: r.seq,
        storageKey: key,
        detail: `SHA-256 ${digest} differs from the recorded ${r.sha256}`,
      });
  }
  return { cameraId, ok: problems.length === 0, segments: rows.length, checkedFiles, deleted, open, problems };
}
