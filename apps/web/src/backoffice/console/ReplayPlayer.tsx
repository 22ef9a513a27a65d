import { useEffect, useRef, useState } from 'react';
import { MaskOverlay } from '../live/MaskOverlay';
import { PlaybackSession, type PlaybackState } from '../playback/playback-session';

interface ReplayPlayerProps {
  cameraId: string;
  title: string;
  /** Wall-clock instant (ms) the replay starts from. */
  from: number;
  seconds: number;
  /** The purpose of the console's playbacks (audited with each one). */
  reason: string;
  onLive(): void;
}

/** Instant replay in place of a live tile: the recording from `from` (now − 10/30/60 s), then back to live. */
export function ReplayPlayer({ cameraId, title, from, seconds, reason, onLive }: ReplayPlayerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<PlaybackState>({ kind: 'loading' });

  useEffect(() => {
    if (!video.current) return;
    const s = new PlaybackSession(video.current, cameraId, { origin: from, reason, onState: setState });
    void s.seek(from);
    return () => s.stop();
  }, [cameraId, from, reason]);

  const message =
    state.kind === 'no_footage'
      ? 'Sem gravação neste intervalo.'
      : state.kind === 'failed'
        ? state.message
        : state.kind === 'loading'
          ? 'Carregando replay…'
          : undefined;
  return (
    <div className="vigia-live compact vigia-replay" data-state={state.kind}>
      <video ref={video} className="vigia-live-video" muted playsInline aria-label={`Replay: ${title}`} data-replay-seconds={seconds} />
      <MaskOverlay cameraId={cameraId} />
      <div className="vigia-live-bar">
        <span className="vigia-live-title">{title}</span>
        <span className="vigia-replay-badge">REPLAY −{seconds} s</span>
        <button type="button" className="vigia-console-button" onClick={onLive}>
          Ao vivo
        </button>
      </div>
      {message && (
        <div className="vigia-live-overlay" role="status">
          {message}
        </div>
      )}
    </div>
  );
}
