import type { MaskPolygon, PrivacyMasks } from '@vigia/contracts';
import { apiRequest } from '../../shared/api/api-client';

/**
 * Privacy masks in the browser (issue 6; docs/access-and-releases.md "Privacy masks"). The stream
 * reaching the browser is unmasked; the overlay hides the areas from normal use and from
 * screenshots of the page, and snapshots taken from the player are masked on the canvas.
 */

/** What a player must hide: `null` = unknown (masks could not be loaded: hide the whole frame). */
export type MasksToApply = MaskPolygon[] | null;

const cache = new Map<string, Promise<MasksToApply>>();

export const getPrivacyMasks = (cameraId: string) => apiRequest<PrivacyMasks>(`/api/cameras/${encodeURIComponent(cameraId)}/privacy-masks`);
export const putPrivacyMasks = (cameraId: string, polygons: MaskPolygon[]) => {
  cache.delete(cameraId);
  return apiRequest<PrivacyMasks>(`/api/cameras/${encodeURIComponent(cameraId)}/privacy-masks`, { method: 'PUT', body: { polygons } });
};

/** Polygons to draw for the current user (none with an unmask grant); fails closed. Cached for 60 s. */
export function masksToApply(cameraId: string): Promise<MasksToApply> {
  let p = cache.get(cameraId);
  if (!p) {
    p = getPrivacyMasks(cameraId).then(
      (m) => (m.unmasked ? [] : m.polygons),
      () => null,
    );
    cache.set(cameraId, p);
    setTimeout(() => cache.delete(cameraId), 60_000);
  }
  return p;
}

/** Keeps masks that came with a live token, so a snapshot of the same camera needs no request. */
export function rememberMasks(cameraId: string, masks: MasksToApply): void {
  cache.set(cameraId, Promise.resolve(masks));
  setTimeout(() => cache.delete(cameraId), 60_000);
}

/** The rectangle the picture occupies inside a `object-fit: contain` box (letterbox / pillarbox). */
export function contentBox(boxW: number, boxH: number, videoW: number, videoH: number): { x: number; y: number; w: number; h: number } {
  if (!videoW || !videoH || !boxW || !boxH) return { x: 0, y: 0, w: boxW, h: boxH };
  const scale = Math.min(boxW / videoW, boxH / videoH);
  const w = videoW * scale;
  const h = videoH * scale;
  return { x: (boxW - w) / 2, y: (boxH - h) / 2, w, h };
}

/** Paints the masks (opaque black) on a canvas of the frame's size; `null` blacks out everything. */
export function drawMasks(ctx: CanvasRenderingContext2D, masks: MasksToApply, w: number, h: number): void {
  ctx.save();
  ctx.fillStyle = '#000';
  if (masks === null) ctx.fillRect(0, 0, w, h);
  else
    for (const poly of masks) {
      ctx.beginPath();
      poly.forEach(([x, y], i) => (i ? ctx.lineTo(x * w, y * h) : ctx.moveTo(x * w, y * h)));
      ctx.closePath();
      ctx.fill();
      ctx.lineWidth = 2; // cover anti-aliased edges
      ctx.strokeStyle = '#000';
      ctx.stroke();
    }
  ctx.restore();
}

/** A snapshot image (from any player) with the camera's masks painted in, as PNG. */
export async function maskSnapshot(image: Blob, cameraId: string): Promise<Blob> {
  const masks = await masksToApply(cameraId);
  if (masks && !masks.length) return image;
  const bmp = await createImageBitmap(image);
  const c = document.createElement('canvas');
  c.width = bmp.width;
  c.height = bmp.height;
  const ctx = c.getContext('2d')!;
  ctx.drawImage(bmp, 0, 0);
  drawMasks(ctx, masks, c.width, c.height);
  return new Promise<Blob>((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error('Captura indisponível.'))), 'image/png'),
  );
}
