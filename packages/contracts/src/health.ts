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

/** Lease of a media node (ADR 0013): renewed in time, being drained (hands its cameras over), or run out (dead or cut off). */
export const nodeLeaseStateSchema = z.enum(['live', 'draining', 'expired']);
export type NodeLeaseState = z.infer<typeof nodeLeaseStateSchema>;
export const nodeLeaseStateLabel: Record<NodeLeaseState, string> = {
  live: 'Ativo',
  draining: 'Em drenagem',
  expired: 'Sem comunicação',
};

/** CIOSP fleet view (issue 13): the media nodes, what they hold and what waits in their spools. */
export const fleetViewSchema = z.object({
  generatedAt: z.string(),
  /** RECORDING_STORAGE=s3: closed segments still only in a node's spool are counted; false: local disks, nothing to upload. */
  objectStorage: z.boolean(),
  nodes: z.array(
    z.object({
      id: z.string(),
      regionName: z.string().nullable(),
      capacity: z.number().int(),
      /** Cameras assigned to the node's current epoch. */
      camerasHeld: z.number().int(),
      /** camerasHeld ÷ capacity, in percent. */
      loadPercent: z.number(),
      /** Camera connections and live viewers at its last heartbeat. */
      upstreams: z.number().int(),
      viewers: z.number().int(),
      epoch: z.number().int(),
      startedAt: z.string(),
      lastHeartbeatAt: z.string(),
      leaseExpiresAt: z.string().nullable(),
      leaseState: nodeLeaseStateSchema,
      /** Spool backlog: closed segments not uploaded yet (null with local storage). */
      pendingSegments: z.number().int().nullable(),
      pendingBytes: z.number().int().nullable(),
      oldestPendingAt: z.string().nullable(),
    }),
  ),
});
export type FleetView = z.infer<typeof fleetViewSchema>;
