import { z } from 'zod';

/** PTZ (issue 17): ONVIF pan/tilt/zoom of a camera, driven by one person at a time (the lock). */
export const ptzVelocitySchema = z.object({
  pan: z.number().min(-1).max(1),
  tilt: z.number().min(-1).max(1),
  zoom: z.number().min(-1).max(1),
});
export type PtzVelocityInput = z.infer<typeof ptzVelocitySchema>;

export const ptzPresetSchema = z.object({ token: z.string(), name: z.string() });

export const ptzLockSchema = z.object({
  holderName: z.string(),
  /** The caller holds it. */
  mine: z.boolean(),
  since: z.string(),
  /** When it lapses unless the holder acts again. */
  expiresAt: z.string(),
});

export const ptzStatusSchema = z.object({
  supported: z.boolean(),
  /** Current lock, null when nobody drives the camera. */
  lock: ptzLockSchema.nullable(),
  /** When the caller lost the lock to someone else, who (the first operator sees who took over). */
  takenOverBy: z.string().nullable(),
  presets: z.array(ptzPresetSchema),
  /** Token of the preset of the approved view (the camera returns to it after inactivity). */
  approvedPresetToken: z.string().nullable(),
});
export type PtzStatus = z.infer<typeof ptzStatusSchema>;

export const ptzPresetInputSchema = z.object({ name: z.string().trim().min(1).max(60) });
export const ptzApprovedPresetSchema = z.object({ token: z.string().min(1).max(64) });

/** The approved view of a camera for whoever registers it (committee, admin): its presets and the registered one. */
export const ptzApprovedViewSchema = ptzStatusSchema.pick({ supported: true, presets: true, approvedPresetToken: true });
export type PtzApprovedView = z.infer<typeof ptzApprovedViewSchema>;
export const ptzCameraParamsSchema = z.object({ cameraId: z.uuid() });
export const ptzPresetParamsSchema = z.object({ cameraId: z.uuid(), token: z.string().min(1).max(64) });
