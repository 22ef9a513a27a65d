import type { PtzStatus, PtzVelocityInput } from '@vigia/contracts';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState, type WheelEvent } from 'react';
import { toApiError } from '../../shared/api/api-error';
import { ptzApi } from './ptz-api';

const SPEED = 0.6;
/** The first status request waits this long after the control mounts (see `usePtz`). */
const FIRST_STATUS_DELAY_MS = 400;
/** Keyboard: arrows pan/tilt, + / - zoom (held down: moves; released: stops). */
export const keyMoves: Record<string, PtzVelocityInput> = {
  ArrowLeft: { pan: -SPEED, tilt: 0, zoom: 0 },
  ArrowRight: { pan: SPEED, tilt: 0, zoom: 0 },
  ArrowUp: { pan: 0, tilt: SPEED, zoom: 0 },
  ArrowDown: { pan: 0, tilt: -SPEED, zoom: 0 },
  '+': { pan: 0, tilt: 0, zoom: SPEED },
  '=': { pan: 0, tilt: 0, zoom: SPEED },
  '-': { pan: 0, tilt: 0, zoom: -SPEED },
};
export const ptzButtons: { label: string; icon: string; v: PtzVelocityInput }[] = [
  { label: 'Para cima', icon: 'fa-arrow-up', v: keyMoves.ArrowUp! },
  { label: 'Para a esquerda', icon: 'fa-arrow-left', v: keyMoves.ArrowLeft! },
  { label: 'Para a direita', icon: 'fa-arrow-right', v: keyMoves.ArrowRight! },
  { label: 'Para baixo', icon: 'fa-arrow-down', v: keyMoves.ArrowDown! },
  { label: 'Aproximar (zoom +)', icon: 'fa-search-plus', v: keyMoves['+']! },
  { label: 'Afastar (zoom −)', icon: 'fa-search-minus', v: keyMoves['-']! },
];

/**
 * State and commands of one camera's PTZ (issue 17), shared by the live view's control and the
 * console tiles': the status polled every 3 s (who holds the lock, who took it over from me,
 * presets), and moves that last while a button or key is held. A move still running when the
 * control goes away (the tile lost the pointer) is stopped.
 */
export function usePtz(cameraId: string) {
  const [st, setSt] = useState<PtzStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const moving = useRef(false);
  const wheelTimer = useRef<number | undefined>(undefined);

  const refresh = useCallback(
    (signal?: AbortSignal) =>
      ptzApi.status(cameraId, signal).then(
        (s) => setSt(s),
        () => undefined,
      ),
    [cameraId],
  );
  useEffect(() => {
    const ctl = new AbortController();
    // The picture first: a tile mounting with this control asks for its stream token at once, and
    // this status (a database write and an ONVIF exchange on the API) would share the API with it
    // and the node's checks; the controls can appear a moment after the video.
    const first = window.setTimeout(() => void refresh(ctl.signal), FIRST_STATUS_DELAY_MS);
    const t = window.setInterval(() => void refresh(), 3000);
    return () => {
      ctl.abort();
      window.clearTimeout(first);
      window.clearInterval(t);
      window.clearTimeout(wheelTimer.current);
      if (moving.current) {
        moving.current = false;
        void ptzApi.stop(cameraId).catch(() => undefined);
      }
    };
  }, [refresh, cameraId]);

  const act = async (work: () => Promise<unknown>) => {
    try {
      setError(null);
      await work();
    } catch (e) {
      setError(toApiError(e).message);
      void refresh();
    }
  };
  const start = (v: PtzVelocityInput) => {
    moving.current = true;
    void act(() => ptzApi.move(cameraId, v));
  };
  const stop = () => {
    if (!moving.current) return;
    moving.current = false;
    void act(() => ptzApi.stop(cameraId));
  };
  const mine = st?.lock?.mine === true;
  return {
    st,
    error,
    mine,
    start,
    stop,
    take: () => act(() => ptzApi.lock(cameraId).then(setSt)),
    release: () => act(() => ptzApi.release(cameraId).then(() => refresh())),
    home: () => act(() => ptzApi.home(cameraId)),
    savePreset: (name: string) => act(() => ptzApi.savePreset(cameraId, name).then(() => refresh())),
    gotoPreset: (token: string) => act(() => ptzApi.gotoPreset(cameraId, token)),
    removePreset: (token: string) => act(() => ptzApi.removePreset(cameraId, token).then(() => refresh())),
    onKeyDown: (e: KeyboardEvent) => {
      const v = keyMoves[e.key];
      if (!mine || !v || e.repeat) return;
      e.preventDefault();
      e.stopPropagation();
      start(v);
    },
    onKeyUp: (e: KeyboardEvent) => {
      if (keyMoves[e.key]) stop();
    },
    onWheel: (e: WheelEvent) => {
      if (!mine) return;
      window.clearTimeout(wheelTimer.current);
      if (!moving.current) start({ pan: 0, tilt: 0, zoom: e.deltaY < 0 ? SPEED : -SPEED });
      wheelTimer.current = window.setTimeout(stop, 300);
    },
  };
}
