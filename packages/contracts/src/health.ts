import { z } from 'zod';

/**
 * In-app alert for the operations centre: camera down beyond the threshold / back, or a recording
 * volume below its free-space floor (`recording_disk_low`: no camera).
 */
export const alertSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['camera_down', 'camera_recovered', 'recording_disk_low', 'view_changed', 'recording_upload_backlog']),
  cameraId: z.uuid().nullable(),
  cameraName: z.string().nullable(),
  partnerName: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const healthDashboardSchema = z.object({
  generatedAt: z.string(),
  month: z.string(),
  down: z.array(
    z.object({
      cameraId: z.uuid(),
      cameraName: z.string(),
      partnerId: z.uuid().nullable(),
      partnerName: z.string().nullable(),
      regionName: z.string().nullable(),
      since: z.string(),
      minutes: z.number().int(),
      cause: z.string().nullable(),
    }),
  ),
  byRegion: z.array(z.object({ regionName: z.string(), down: z.number().int(), total: z.number().int() })),
  byPartner: z.array(
    z.object({ partnerId: z.uuid().nullable(), partnerName: z.string(), down: z.number().int(), total: z.number().int() }),
  ),
  worstPartners: z.array(
    z.object({
      partnerId: z.uuid(),
      partnerName: z.string(),
      percent: z.number(),
      outageMinutes: z.number().int(),
      outages: z.number().int(),
    }),
  ),
  openAlerts: z.array(alertSchema),
});
export type HealthDashboard = z.infer<typeof healthDashboardSchema>;
