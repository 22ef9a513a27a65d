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

/** Cameras per status (the map's legend and each cluster's ring). */
export const cameraStatusCountsSchema = z.object({
  online: z.number().int(),
  offline: z.number().int(),
  pending: z.number().int(),
  disabled: z.number().int(),
});
export type CameraStatusCounts = z.infer<typeof cameraStatusCountsSchema>;

/**
 * What the operations map asks for: the viewport (degrees; west < east) and the map's zoom, and
 * optionally the statuses it shows (comma-separated; all when absent). Clusters are computed on
 * the server (issue 13), so the answer's size depends on the viewport, not on the camera count.
 */
export const cameraMapViewQuerySchema = z.object({
  west: z.coerce.number().min(-180).max(180),
  south: z.coerce.number().min(-90).max(90),
  east: z.coerce.number().min(-180).max(180),
  north: z.coerce.number().min(-90).max(90),
  zoom: z.coerce.number().int().min(0).max(24),
  status: z
    .string()
    .regex(/^((pending|online|offline|disabled)(,(pending|online|offline|disabled))*)?$/)
    .optional(),
});
export type CameraMapViewQuery = z.infer<typeof cameraMapViewQuerySchema>;

export const cameraMapClusterSchema = z.object({
  /** Opaque id, valid with the answer's `version` only. */
  id: z.number().int(),
  latitude: z.number(),
  longitude: z.number(),
  count: z.number().int(),
  statusCounts: cameraStatusCountsSchema,
  /** Zoom at which the cluster splits (the map zooms there on click). */
  expansionZoom: z.number().int(),
});
export type CameraMapCluster = z.infer<typeof cameraMapClusterSchema>;

export const cameraMapViewSchema = z.object({
  clusters: z.array(cameraMapClusterSchema),
  /** Single cameras inside the viewport (where zoomed in enough for them not to cluster). */
  cameras: z.array(cameraMapItemSchema),
  /** More single cameras in the viewport than one answer carries (zoom in). */
  truncated: z.boolean(),
  /** Every camera the user may see with the status filter, wherever it is (legend). */
  total: z.number().int(),
  /** Every camera the user may see per status, before the status filter (legend). */
  statusCounts: cameraStatusCountsSchema,
  /** [west, south, east, north] of the cameras the user may see (first fit), null when none. */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});
export type CameraMapView = z.infer<typeof cameraMapViewSchema>;

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
