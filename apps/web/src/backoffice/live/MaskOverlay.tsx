import { useEffect, useRef, useState } from 'react';
import { contentBox, type MasksToApply, masksToApply } from './privacy-masks';

interface MaskOverlayProps {
  cameraId: string;
  /** The video to cover; by default the `<video>` sibling inside the same parent. */
  video?: HTMLVideoElement | null;
  /**
   * The masks when the caller has them (the live player: from its stream token; `'pending'` until
   * the token arrives — the whole frame stays covered). Omitted: the overlay asks the API itself.
   */
  masks?: MasksToApply | 'pending';
}

/**
 * Opaque privacy-mask polygons drawn exactly over the picture of a `<video>` (object-fit: contain:
 * letterboxing handled), for users without the unmask permission. Render it as a sibling of the
 * video inside a `position: relative` box. Live single view, every mosaic tile and playback use it.
 */
export function MaskOverlay({ cameraId, video, masks: given }: MaskOverlayProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [fetched, setMasks] = useState<MasksToApply | undefined>(undefined);
  const [box, setBox] = useState({ x: 0, y: 0, w: 0, h: 0 });
  const provided = given !== undefined;
  const masks = provided ? (given === 'pending' ? undefined : given) : fetched;

  useEffect(() => {
    if (provided) return;
    let live = true;
    void masksToApply(cameraId).then((m) => live && setMasks(m));
    return () => {
      live = false;
    };
  }, [cameraId, provided]);

  useEffect(() => {
    const v = video ?? svg.current?.parentElement?.querySelector('video');
    if (!v) return;
    const update = () => {
      const c = contentBox(v.clientWidth, v.clientHeight, v.videoWidth, v.videoHeight);
      setBox({ x: v.offsetLeft + c.x, y: v.offsetTop + c.y, w: c.w, h: c.h });
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(v);
    v.addEventListener('loadedmetadata', update);
    v.addEventListener('resize', update);
    return () => {
      ro.disconnect();
      v.removeEventListener('loadedmetadata', update);
      v.removeEventListener('resize', update);
    };
  }, [video, masks]);

  if (masks !== undefined && masks !== null && masks.length === 0) return null;
  return (
    <svg
      ref={svg}
      className="vigia-mask-overlay"
      data-testid="privacy-mask-overlay"
      data-polygons={masks?.length ?? 'all'}
      viewBox="0 0 1 1"
      preserveAspectRatio="none"
      aria-hidden="true"
      style={{ position: 'absolute', left: box.x, top: box.y, width: box.w, height: box.h, pointerEvents: 'none' }}
    >
      {masks === undefined || masks === null ? (
        <rect x="0" y="0" width="1" height="1" fill="#000" />
      ) : (
        masks.map((p, i) => (
          <polygon key={i} points={p.map(([x, y]) => `${x},${y}`).join(' ')} fill="#000" stroke="#000" strokeWidth="0.004" />
        ))
      )}
    </svg>
  );
}
