import { type ConcatCopyInput, concatInputArgs } from './export-args.js';

/**
 * Pure ffmpeg arguments of an export whose recipient lacks the unmask permission: the same concat
 * input and range as `buildConcatCopyArgs`, plus the mask PNG (`mask-png.ts`) scaled to the
 * video's size (nearest neighbour, so the mask stays fully opaque) and overlaid, re-encoded with
 * libx264 (the masked pixels cannot be burned in with `-c copy`). Costs one encode per export.
 */
export function buildMaskedExportArgs(i: ConcatCopyInput & { maskPng: string }): string[] {
  return [
    ...concatInputArgs(i, [i.maskPng]),
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
