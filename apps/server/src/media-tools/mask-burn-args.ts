import type { ConcatCopyInput } from './export-args.js';

const SAFE_PATH = /^[\w./:@+-]+$/;

/**
 * Pure ffmpeg arguments of an export whose recipient lacks the unmask permission: the same concat
 * input and range as `buildConcatCopyArgs`, plus the mask PNG (`mask-png.ts`) scaled to the
 * video's size (nearest neighbour, so the mask stays fully opaque) and overlaid, re-encoded with
 * libx264 (the masked pixels cannot be burned in with `-c copy`). Costs one encode per export.
 */
export function buildMaskedExportArgs(i: ConcatCopyInput & { maskPng: string }): string[] {
  for (const p of [i.listFile, i.output, i.maskPng]) if (!SAFE_PATH.test(p)) throw new Error(`unsafe path for ffmpeg: ${p}`);
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
    '-i',
    i.maskPng,
    ...(i.startOffsetSec > 0 ? ['-ss', i.startOffsetSec.toFixed(3)] : []),
    '-t',
    i.durationSec.toFixed(3),
    '-filter_complex',
    '[1:v][0:v]scale2ref=flags=neighbor[m][v];[v][m]overlay=eof_action=repeat:format=auto,format=yuv420p[out]',
    '-map',
    '[out]',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '20',
    '-movflags',
    '+faststart',
    '-progress',
    'pipe:1',
    '-nostats',
    i.output,
  ];
}
