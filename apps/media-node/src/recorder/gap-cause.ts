/** Gap causes (recording_gap.cause, camera_outage.cause). */
export type GapCause = 'camera_unreachable' | 'auth_failed' | 'stream_stalled' | 'disk' | 'restart' | 'lease_lost' | 'stopped';

/** Maps an RTSP client error code to the cause shown on the timeline. */
export function gapCauseOf(code: string | undefined): GapCause {
  switch (code) {
    case 'RTSP_AUTH_FAILED':
      return 'auth_failed';
    case 'RTSP_TIMEOUT':
      return 'stream_stalled';
    default:
      return 'camera_unreachable';
  }
}
