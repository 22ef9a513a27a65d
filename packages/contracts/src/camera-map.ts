import { z } from 'zod';
import { applicantKindSchema } from './accreditation/index.js';
import { cameraStatusSchema } from './cameras.js';

/**
 * Map data. The operations map (back office) gets every camera the user may see, with what a
 * marker and a field-of-view cone need — never the address, ports or credentials. The public map
 * (portal) gets only approximate sites and the cameras open to the public.
 */

export const cameraMapItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  partnerId: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  municipalityIbge: z.string(),
  heading: z.number(),
  fieldOfView: z.number(),
  status: cameraStatusSchema,
  openToPublic: z.boolean(),
});
export type CameraMapItem = z.infer<typeof cameraMapItemSchema>;
export const cameraMapSchema = z.object({ items: z.array(cameraMapItemSchema), truncated: z.boolean() });
export type CameraMap = z.infer<typeof cameraMapSchema>;

/** Public locations are rounded to this many decimal places (0.01° ≈ 1.1 km). */
export const PUBLIC_MAP_DECIMALS = 2;

export const publicMapSiteSchema = z.object({
  /** Rounded to PUBLIC_MAP_DECIMALS: never the exact point. */
  latitude: z.number(),
  longitude: z.number(),
  municipalityIbge: z.string(),
  municipalityName: z.string(),
  partnerKind: applicantKindSchema,
  cameraCount: z.number(),
  /** Cameras of the site whose program plate is installed (installation photo approved by the committee). */
  platesInstalled: z.number(),
});
export type PublicMapSite = z.infer<typeof publicMapSiteSchema>;

export const publicMapCameraSchema = z.object({
  id: z.string(),
  /** Generic label ("Câmera aberta ao público 3 — Cuiabá"): the partner's own name may carry an address. */
  label: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  municipalityIbge: z.string(),
  municipalityName: z.string(),
});
export type PublicMapCamera = z.infer<typeof publicMapCameraSchema>;

export const publicMapSchema = z.object({
  sites: z.array(publicMapSiteSchema),
  openCameras: z.array(publicMapCameraSchema),
});
export type PublicMap = z.infer<typeof publicMapSchema>;
