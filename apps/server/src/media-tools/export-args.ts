/**
 * Pure ffmpeg argument builders for exports (STYLE §7). Only validated paths and numbers reach
 * the command line; `ffmpeg.adapter.ts` is the one place that starts the process.
 */
export interface ConcatCopyInput {
  /** concat demuxer list file (one `file '…'` line per segment, written by us). */
  listFile: string;
  output: string;
  /** Seconds to skip from the start of the first segment (cut at the keyframe before). */
  startOffsetSec: number;
  durationSec: number;
}

const SAFE_PATH = /^[\w./:@+-]+$/;

/**
 * The input half shared by every export command: validated paths and range, the concat demuxer
 * over the segment list, extra inputs (e.g. a mask image), then the cut (`-ss` after the inputs:
 * decode-accurate from the keyframe before) and the duration.
 */
export function concatInputArgs(i: ConcatCopyInput, extraInputs: string[] = []): string[] {
  for (const p of [i.listFile, i.output, ...extraInputs]) if (!SAFE_PATH.test(p)) throw new Error(`unsafe path for ffmpeg: ${p}`);
  if (!(i.startOffsetSec >= 0) || !(i.durationSec > 0)) throw new Error('bad export range');
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    i.listFile,
    ...extraInputs.flatMap((p) => ['-i', p]),
    ...(i.startOffsetSec > 0 ? ['-ss', i.startOffsetSec.toFixed(3)] : []),
    '-t',
    i.durationSec.toFixed(3),
  ];
}

export function buildConcatCopyArgs(i: ConcatCopyInput): string[] {
  return [
    ...concatInputArgs(i),
    // The camera's AAC track rides along when the node passes audio (MEDIA_AUDIO=pass); optional.
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-c',
    'copy',
    '-movflags',
    '+faststart',
    '-progress',
    'pipe:1',
    '-nostats',
    i.output,
  ];
}

/** The concat list: single-quoted paths (our own dated keys; quotes escaped anyway). */
export function concatList(files: string[]): string {
  return files.map((f) => `file '${f.replace(/'/g, "'\\''")}'`).join('\n') + '\n';
}

/** Parses ffmpeg `-progress` output (`out_time_us=…`) into seconds done. */
export function progressSeconds(chunk: string): number | undefined {
  const m = [...chunk.matchAll(/out_time_us=(\d+)/g)].at(-1);
  return m ? Number(m[1]) / 1e6 : undefined;
}
