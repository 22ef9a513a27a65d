import { buildRtspUrl, type RtspTarget } from '@vigia/contracts';

/**
 * Pure construction of the ffmpeg argument list for a snapshot. The RTSP URL (validated again,
 * credentials percent-encoded) comes from the shared builder; the process is started without a
 * shell (ffmpeg-snapshot.ts).
 */
export { buildRtspUrl, type RtspTarget, redactSecret } from '@vigia/contracts';

/** `ffmpeg -rtsp_transport tcp -i rtsp://… -frames:v 1` writing one JPEG to stdout. */
export function buildSnapshotArgs(t: RtspTarget, opts: { timeoutMs?: number; redact?: boolean } = {}): string[] {
  const timeoutUs = String(Math.round((opts.timeoutMs ?? 5000) * 1000));
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-rtsp_transport',
    'tcp',
    '-timeout',
    timeoutUs,
    '-i',
    buildRtspUrl(t, { redact: opts.redact ?? false }),
    '-frames:v',
    '1',
    '-an',
    '-f',
    'image2pipe',
    '-c:v',
    'mjpeg',
    '-q:v',
    '3',
    'pipe:1',
  ];
}
