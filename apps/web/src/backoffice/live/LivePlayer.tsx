import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { HlsSession } from './hls-session';
import { requestLiveToken } from './live-api';
import { LiveSession, type LiveState } from './live-session';
import { MaskOverlay } from './MaskOverlay';
import { choosePlaybackMode, detectBrowserMedia } from './playback-mode';
import { type MasksToApply, rememberMasks } from './privacy-masks';
import './live.css';

interface LivePlayerProps {
  cameraId: string;
  title: string;
  /** Compact overlay for mosaic tiles. */
  compact?: boolean;
}

/**
 * Live video of one camera from the media node: WebSocket + MSE (ManagedMediaSource where the
 * browser has it) keeping to the live edge; where MSE is missing (older iPhone Safari), native HLS
 * with the same stream token; otherwise a message. Muted, no controls but full screen.
 */
export function LivePlayer({ cameraId, title, compact = false }: LivePlayerProps) {
  const box = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<LiveState>({ kind: 'connecting' });
  // From the stream token (no mask request per tile); the whole frame is covered until it arrives.
  const [masks, setMasks] = useState<MasksToApply | 'pending'>('pending');
  const mode = useMemo(() => choosePlaybackMode(detectBrowserMedia()), []);
  const supported = mode !== 'none';

  // A layout effect: the token request is queued before any passive effect of the page runs.
  useLayoutEffect(() => {
    if (!supported || !video.current) return;
    setMasks('pending');
    const Session = mode === 'hls' ? HlsSession : LiveSession;
    const s = new Session(video.current, cameraId, {
      getToken: requestLiveToken,
      onState: setState,
      onToken: (t) => {
        // A token without masks (not expected on the live routes) keeps the frame covered (fails closed).
        const m = t.masks ?? null;
        rememberMasks(cameraId, m);
        setMasks(m);
      },
      onFirstFrame: (ms, steps) => {
        video.current?.setAttribute('data-first-frame-steps', JSON.stringify(steps));
        video.current?.setAttribute('data-first-frame-ms', String(Math.round(ms)));
      },
    });
    s.start();
    return () => s.stop();
  }, [cameraId, supported, mode]);

  const fullScreen = () => {
    const el = box.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void el.requestFullscreen?.();
  };

  if (!supported) {
    return (
      <div className="vigia-live vigia-live-unsupported" role="status">
        Este navegador não reproduz vídeo ao vivo (não tem Media Source Extensions nem HLS). Use um navegador atual (Chrome, Edge, Firefox
        ou Safari).
      </div>
    );
  }
  return (
    <div ref={box} className={`vigia-live${compact ? ' compact' : ''}`} onDoubleClick={fullScreen} data-state={state.kind}>
      <video
        ref={video}
        className="vigia-live-video"
        muted
        playsInline
        data-playback={mode}
        aria-label={`Vídeo ao vivo: ${title}`}
        data-camera-id={cameraId}
      />
      <MaskOverlay cameraId={cameraId} masks={masks} />
      <div className="vigia-live-bar">
        <span className="vigia-live-title">{title}</span>
        {state.kind === 'playing' && <span className="vigia-live-badge">AO VIVO</span>}
        <button type="button" className="br-button circle small vigia-live-fs" onClick={fullScreen} aria-label="Tela cheia">
          <i className="fas fa-expand" aria-hidden="true" />
        </button>
      </div>
      {state.kind !== 'playing' && (
        <div className="vigia-live-overlay" role={state.kind === 'failed' ? 'alert' : 'status'}>
          {state.kind === 'connecting' && 'Conectando…'}
          {state.kind === 'reconnecting' && `Reconectando (${state.reason})…`}
          {state.kind === 'failed' && state.message}
        </div>
      )}
    </div>
  );
}
