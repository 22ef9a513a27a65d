import type { LiveToken } from '@vigia/contracts';
import { useEffect, useRef, useState } from 'react';
import { LiveSession, type LiveState } from '../live/live-session';
import { endPlayback, renewPlayback, startNvrPlayback } from './playback-api';

/**
 * Footage from the partner's own recorder (Art. 25 §2), played from `from` through a media node:
 * the API authorises it like any playback (reason, `playback.started` with source `partner_nvr`),
 * the node opens the NVR's playback URL and streams it with the live socket protocol, so the live
 * player (LiveSession) plays it. Closing ends the playback (`playback.ended`).
 */
export function NvrPlayer({ cameraId, from, reason, onClose }: { cameraId: string; from: number; reason: string; onClose(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<LiveState>({ kind: 'connecting' });
  useEffect(() => {
    let current: (LiveToken & { playbackId: string }) | undefined;
    const getToken = async (id: string, nonceHash: string): Promise<LiveToken> => {
      if (!current) current = await startNvrPlayback(id, { nonceHash, from: new Date(from).toISOString(), reason });
      else current = { ...current, ...(await renewPlayback(id, { nonceHash, token: current.token })) };
      return current;
    };
    const s = new LiveSession(video.current!, cameraId, { getToken, onState: setState });
    s.start();
    return () => {
      s.stop();
      if (current) void endPlayback(cameraId, current.playbackId).catch(() => undefined);
    };
  }, [cameraId, from, reason]);
  return (
    <div className="vigia-pb-nvr" data-testid="nvr-player">
      <video ref={video} muted playsInline aria-label="Gravação do gravador do parceiro (NVR)" />
      <div className="vigia-pb-tile-bar">
        Gravador do parceiro (NVR) — a partir de {new Date(from).toLocaleString('pt-BR')}
        <button
          type="button"
          className="br-button circle small ml-2"
          style={{ color: '#fff' }}
          onClick={onClose}
          aria-label="Fechar a gravação do NVR"
        >
          <i className="fas fa-times" aria-hidden="true" />
        </button>
      </div>
      {state.kind !== 'playing' && (
        <div className="vigia-pb-tile-overlay" role="status">
          {state.kind === 'failed'
            ? state.message
            : state.kind === 'reconnecting'
              ? 'Reconectando ao gravador do parceiro…'
              : 'Buscando no gravador do parceiro…'}
        </div>
      )}
    </div>
  );
}
