import { z } from 'zod';

/**
 * Operations console (issue 17): the camera tree (region → municipality → partner → camera) and
 * saved layouts (personal or shared with the operator's unit; a layout with more cameras than
 * tiles and `tourSeconds` is a tour).
 */
export const consoleGrids = ['1', '2x2', '3x3', '4x4', '1+5', '1+7'] as const;
export const consoleGridSchema = z.enum(consoleGrids);
export type ConsoleGrid = z.infer<typeof consoleGridSchema>;

/** Tiles of each grid. */
export const gridTiles: Record<ConsoleGrid, number> = { '1': 1, '2x2': 4, '3x3': 9, '4x4': 16, '1+5': 6, '1+7': 8 };

export const consoleCameraSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  municipalityIbge: z.string(),
  municipalityName: z.string(),
  /** Null when the municipality is in no security region yet. */
  regionName: z.string().nullable(),
  /** Whether the camera reports ONVIF PTZ (null: not asked yet); the console shows its PTZ control. */
  ptz: z.boolean().nullable(),
});
export type ConsoleCamera = z.infer<typeof consoleCameraSchema>;
export const consoleCamerasSchema = z.object({ items: z.array(consoleCameraSchema) });

export const MAX_LAYOUT_CAMERAS = 256;

export const consoleLayoutInputSchema = z.object({
  name: z.string().trim().min(1, { message: 'Informe o nome do layout.' }).max(80),
  scope: z.enum(['personal', 'shared']),
  grid: consoleGridSchema,
  cameras: z.array(z.string().uuid().nullable()).max(MAX_LAYOUT_CAMERAS),
  /** Tour: next group of cameras every N seconds (5–3600); null = a fixed layout. */
  tourSeconds: z.number().int().min(5).max(3600).nullable(),
});
export type ConsoleLayoutInput = z.infer<typeof consoleLayoutInputSchema>;

export const consoleLayoutSchema = consoleLayoutInputSchema.extend({
  id: z.string(),
  ownerId: z.string(),
  /** The caller may change or delete it (its owner). */
  mine: z.boolean(),
  unit: z.string().nullable(),
  updatedAt: z.string(),
});
export type ConsoleLayout = z.infer<typeof consoleLayoutSchema>;
export const consoleLayoutsSchema = z.object({ items: z.array(consoleLayoutSchema) });
