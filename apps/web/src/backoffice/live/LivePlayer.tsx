import { useEffect, useRef, useState } from 'react';
import { requestLiveToken } from './live-api';
import { LiveSession, liveSupported, type LiveState } from './live-session';
import { MaskOverlay } from './MaskOverlay';
import './live.css';

interface LivePlayerProps {
  cameraId: string;
  title: string;
  /** Compact overlay for mosaic tiles. */
  compact?: boolean;
}

/**
 * Live video of one camera (WebSocket + MSE from the media node). Muted, no controls but full
 * screen; the stream keeps to the live edge. Without MSE/ManagedMediaSource a message says so
 * (an HLS fallback for such browsers is planned, not built).
 */
export function LivePlayer({ cameraId, title, compact = false }: LivePlayerProps) {
  const box = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<LiveState>({ kind: 'connecting' });
  const supported = liveSupported();

  useEffect(() => {
    if (!supported || !video.current) return;
    const s = new LiveSession(video.current, cameraId, {
      getToken: requestLiveToken,
      onState: setState,
      onFirstFrame: (ms) => video.current?.setAttribute('data-first-frame-ms', String(Math.round(ms))),
    });
    s.start();
    return () => s.stop();
  }, [cameraId, supported]);

  const fullScreen = () => {
    const el = box.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void el.requestFullscreen?.();
  };

  if (!supported) {
    return (
      <div className="vigia-live vigia-live-unsupported" role="status">
        Este navegador não permite vídeo ao vivo (faltam Media Source Extensions). Use um navegador atual (Chrome, Edge, Firefox ou Safari 17+).
      </div>
    );
  }
  return (
    <div ref={box} className={`vigia-live${compact ? ' compact' : ''}`} onDoubleClick={fullScreen} data-state={state.kind}>
      <video ref={video} className="vigia-live-video" muted playsInline aria-label={`Vídeo ao vivo: ${title}`} data-camera-id={cameraId} />
      <MaskOverlay cameraId={cameraId} />
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
