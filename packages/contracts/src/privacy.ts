import { z } from 'zod';

/**
 * Privacy masks (issue 6; SPEC §3.5: cameras film public space, masks hide private areas such as
 * windows and backyards). A mask is a set of polygons in normalised frame coordinates (0–1, origin
 * top-left, x to the right, y down), so it holds for any resolution the camera streams. Masks are
 * applied to everyone without an active `unmask` grant: live view, playback (overlay in the
 * browser) and exports (burned into the video by ffmpeg).
 */
export const MASK_MAX_POLYGONS = 16;
export const MASK_MIN_POINTS = 3;
export const MASK_MAX_POINTS = 32;

/** A coordinate of the frame, 0–1 (z.number() already refuses NaN and ±Infinity). */
const unit = z.number().min(0).max(1);
export const maskPointSchema = z.tuple([unit, unit]);
export type MaskPoint = z.infer<typeof maskPointSchema>;
export const maskPolygonSchema = z.array(maskPointSchema).min(MASK_MIN_POINTS).max(MASK_MAX_POINTS);
export type MaskPolygon = z.infer<typeof maskPolygonSchema>;

export const privacyMasksUpdateSchema = z.object({ polygons: z.array(maskPolygonSchema).max(MASK_MAX_POLYGONS) });
export type PrivacyMasksUpdate = z.infer<typeof privacyMasksUpdateSchema>;

export const privacyMasksSchema = z.object({
  cameraId: z.string(),
  polygons: z.array(maskPolygonSchema),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Whether the caller sees the image unmasked (an active unmask grant). */
  unmasked: z.boolean(),
});
export type PrivacyMasks = z.infer<typeof privacyMasksSchema>;

/** The caller's own privacy permission (`GET /api/me/privacy`). */
export const myPrivacySchema = z.object({ unmask: z.boolean(), expiresAt: z.string().nullable() });
export type MyPrivacy = z.infer<typeof myPrivacySchema>;

/** Unmask grants: an admin action with a reason, optionally expiring; audited. */
export const unmaskGrantCreateSchema = z.object({
  userId: z.string().uuid(),
  reason: z.string().trim().min(10).max(1000),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type UnmaskGrantCreate = z.infer<typeof unmaskGrantCreateSchema>;
export const unmaskGrantRevokeSchema = z.object({ reason: z.string().trim().min(10).max(1000) });
export type UnmaskGrantRevoke = z.infer<typeof unmaskGrantRevokeSchema>;

export const unmaskGrantSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  userEmail: z.string().nullable(),
  reason: z.string(),
  grantedBy: z.string().nullable(),
  grantedAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  active: z.boolean(),
});
export type UnmaskGrant = z.infer<typeof unmaskGrantSchema>;
