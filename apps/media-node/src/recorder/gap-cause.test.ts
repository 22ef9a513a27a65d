import { describe, expect, it } from 'vitest';
import { gapCauseOf } from './gap-cause.js';

describe('gapCauseOf', () => {
  it('maps RTSP errors to gap causes', () => {
    expect(gapCauseOf('RTSP_AUTH_FAILED')).toBe('auth_failed');
    expect(gapCauseOf('RTSP_TIMEOUT')).toBe('stream_stalled');
    expect(gapCauseOf('RTSP_CONNECT_FAILED')).toBe('camera_unreachable');
    expect(gapCauseOf('RTSP_CONNECTION_CLOSED')).toBe('camera_unreachable');
    expect(gapCauseOf(undefined)).toBe('camera_unreachable');
  });
});
