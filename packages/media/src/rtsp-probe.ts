/**
 * One-shot camera check for the installer self-test: connect, authenticate, play until
 * the first keyframe, report codec/size, tear down. Failures are RtspErrors whose stable
 * code tells the technician what is wrong (port closed, wrong password, bad path, …).
 */
import type { VideoCodec } from './access-unit';
import { RtspError } from './errors';
import { createVideoTrack } from './fmp4-muxer';
import { RtspSession, type RtspSessionOptions } from './rtsp-session';

export interface ProbeResult {
  codec: VideoCodec;
  codecString: string;
  width: number;
  height: number;
  fps: number | undefined;
  /** Time from connect to the first complete keyframe. */
  timeToFirstKeyframeMs: number;
  /** Media sections that are not used (audio, metadata). */
  ignoredMedia: string[];
}

export async function probeRtsp(options: RtspSessionOptions & { timeoutMs?: number }): Promise<ProbeResult> {
  const started = Date.now();
  let resolveKey!: (v: ProbeResult) => void;
  let rejectKey!: (e: Error) => void;
  const keyframe = new Promise<ProbeResult>((res, rej) => {
    resolveKey = res;
    rejectKey = rej;
  });
  const session: RtspSession = new RtspSession(options, {
    onParameterSets: () => {},
    onAccessUnit: (au) => {
      if (!au.keyframe || !session.info || !session.depacketizer) return;
      try {
        const track = createVideoTrack(au.codec, session.depacketizer.currentParameterSets);
        resolveKey({
          codec: track.codec,
          codecString: track.codecString,
          width: track.width,
          height: track.height,
          fps: track.fps,
          timeToFirstKeyframeMs: Date.now() - started,
          ignoredMedia: session.info.ignoredMedia,
        });
      } catch (err) {
        rejectKey(new RtspError('RTSP_PROTOCOL_ERROR', `unusable parameter sets: ${(err as Error).message}`));
      }
    },
  });
  const timeoutMs = options.timeoutMs ?? 15_000;
  const timer = setTimeout(() => rejectKey(new RtspError('RTSP_TIMEOUT', `no keyframe within ${timeoutMs} ms`)), timeoutMs);
  try {
    await session.open();
    return await Promise.race([keyframe, session.closed.then((e) => Promise.reject(e))]);
  } finally {
    clearTimeout(timer);
    await session.close(true);
  }
}
