import { createHash, type KeyObject, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExportManifest } from '@vigia/contracts';
import type { RecordingStorage } from '@vigia/contracts/recording-store';
import { and, asc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { partners } from '../../db/tables/partners.js';
import { recordingSegments } from '../../db/tables/recordings.js';
import { buildConcatCopyArgs, concatList } from '../../media-tools/export-args.js';
import { runFfmpeg } from '../../media-tools/ffmpeg.adapter.js';
import { buildMaskedExportArgs } from '../../media-tools/mask-burn-args.js';
import { segmentReadKey } from '../../media-tools/recording-storage.js';
import { maskPng } from '../privacy/mask-png.js';
import { signManifest } from './export-signing.js';

export interface ExportRequest {
  cameraIds: string[];
  from: Date;
  to: Date;
  operator: { id: string; name: string | null };
  reason: string;
  /** Package id (the export job's id); a new UUID when absent. */
  exportId?: string;
  /** Files of the package itself (LEIA-ME.txt), hashed into the manifest. `{id}` in the text is replaced by the export id. */
  extraFiles?: { name: string; text: string }[];
  /** Privacy masks to burn in per camera (recipient without unmask, modules/privacy): re-encodes those cameras. */
  masks?: Record<string, [number, number][][]>;
}

/**
 * Camera(s) + range → a package directory: one plain MP4 per camera (ffmpeg `-c copy` from the
 * fMP4 segments, faststart, no re-encode), manifest.json (camera, partner, UTC range, operator,
 * reason, SHA-256 of each file) and manifest.sig (Ed25519 over the manifest bytes).
 */
export async function createExport(
  deps: { db: Db; storage: RecordingStorage; outDir: string; signingKey: { privateKey: KeyObject; publicKeyPem: string }; log?: Logger },
  req: ExportRequest,
  onProgress?: (fraction: number) => void,
): Promise<{ exportId: string; dir: string; manifest: ExportManifest }> {
  if (!(req.to > req.from)) throw new Error('export range is empty');
  const exportId = req.exportId ?? randomUUID();
  const dir = path.join(deps.outDir, exportId);
  await fs.mkdir(dir, { recursive: true });
  const cams = await deps.db
    .select({ id: cameras.id, name: cameras.name, partnerId: cameras.partnerId, partnerName: partners.name })
    .from(cameras)
    .leftJoin(partners, eq(partners.id, cameras.partnerId))
    .where(inArray(cameras.id, req.cameraIds));
  const files: ExportManifest['files'] = [];
  const totalSec = ((req.to.getTime() - req.from.getTime()) / 1000) * cams.length;
  let doneSec = 0;
  for (const cam of cams) {
    const segs = await deps.db
      .select()
      .from(recordingSegments)
      .where(
        and(
          eq(recordingSegments.cameraId, cam.id),
          isNull(recordingSegments.deletedAt),
          lt(recordingSegments.startAt, req.to),
          gt(recordingSegments.endAt, req.from),
        ),
      )
      .orderBy(asc(recordingSegments.seq));
    const paths = await localInputs(deps.storage, segs.map(segmentReadKey), path.join(dir, `.${cam.id}.segments`));
    if (!paths.length) continue;
    const first = segs[0]!;
    const start = Math.max(0, (req.from.getTime() - first.startAt.getTime()) / 1000);
    const end = Math.min(req.to.getTime(), segs.at(-1)!.endAt!.getTime());
    const duration = (end - Math.max(req.from.getTime(), first.startAt.getTime())) / 1000;
    const list = path.join(dir, `.${cam.id}.txt`);
    await fs.writeFile(list, concatList(paths));
    const name = `${cam.id}.mp4`;
    const polygons = req.masks?.[cam.id] ?? [];
    const mask = polygons.length ? path.join(dir, `.${cam.id}.mask.png`) : undefined;
    if (mask) await fs.writeFile(mask, maskPng(polygons));
    const range = { listFile: list, output: path.join(dir, name), startOffsetSec: start, durationSec: duration };
    await runFfmpeg(mask ? buildMaskedExportArgs({ ...range, maskPng: mask }) : buildConcatCopyArgs(range), {
      ...(deps.log ? { log: deps.log } : {}),
      onProgress: (s) => onProgress?.(Math.min(1, (doneSec + s) / totalSec)),
    });
    await fs.rm(list);
    await fs.rm(path.join(dir, `.${cam.id}.segments`), { recursive: true, force: true });
    if (mask) await fs.rm(mask);
    doneSec += duration;
    const { size, sha256 } = await hashFile(path.join(dir, name));
    files.push({ name, cameraId: cam.id, sizeBytes: size, sha256 });
  }
  for (const x of req.extraFiles ?? []) {
    await fs.writeFile(path.join(dir, x.name), x.text.replaceAll('{id}', exportId));
    files.push({ name: x.name, ...(await hashFile(path.join(dir, x.name)).then((h) => ({ sizeBytes: h.size, sha256: h.sha256 }))) });
  }
  const manifest: ExportManifest = {
    format: 'vigia-export/1',
    exportId,
    createdAt: new Date().toISOString(),
    from: req.from.toISOString(),
    to: req.to.toISOString(),
    operator: req.operator,
    reason: req.reason,
    cameras: cams.map((c) => ({ id: c.id, name: c.name, partnerId: c.partnerId ?? null, partnerName: c.partnerName ?? null })),
    files,
    publicKey: deps.signingKey.publicKeyPem,
  };
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
  await fs.writeFile(path.join(dir, 'manifest.json'), bytes);
  await fs.writeFile(path.join(dir, 'manifest.sig'), signManifest(deps.signingKey.privateKey, bytes) + '\n');
  onProgress?.(1);
  return { exportId, dir, manifest };
}

/** Bytes read per Range GET when an object is copied into the export's work dir. */
const DOWNLOAD_CHUNK = 8 * 1024 * 1024;

/**
 * ffmpeg inputs for the segments: the file itself when local, else a copy in `workDir` read
 * through the ranged-read interface (S3: HEAD + Range GETs, from whichever API runs the job).
 */
async function localInputs(storage: RecordingStorage, keys: string[], workDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const [i, key] of keys.entries()) {
    const local = storage.localPath(key);
    if (local) {
      out.push(local);
      continue;
    }
    await fs.mkdir(workDir, { recursive: true });
    const file = path.join(workDir, `${String(i).padStart(6, '0')}.mp4`);
    const reader = await storage.openRanged(key);
    const fh = await fs.open(file, 'w');
    try {
      for (let off = 0; off < reader.size; off += DOWNLOAD_CHUNK)
        await fh.write(await reader.read(off, Math.min(reader.size, off + DOWNLOAD_CHUNK)));
    } finally {
      await fh.close();
      await reader.close();
    }
    out.push(file);
  }
  return out;
}

export async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: h.digest('hex') };
}
