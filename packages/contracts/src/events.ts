import { z } from 'zod';

/** Kinds of camera events in the operations centre's event list (issue 17). */
export const cameraEventKinds = ['camera_down', 'camera_up', 'ptz_takeover', 'view_changed', 'motion', 'tamper'] as const;
export const cameraEventKindSchema = z.enum(cameraEventKinds);
export type CameraEventKind = z.infer<typeof cameraEventKindSchema>;

export const cameraEventKindLabels: Record<CameraEventKind, string> = {
  camera_down: 'Câmera fora do ar',
  camera_up: 'Câmera voltou',
  ptz_takeover: 'Controle PTZ assumido',
  view_changed: 'Câmera reposicionada / obstruída',
  motion: 'Movimento detectado',
  tamper: 'Violação da câmera',
};

export const cameraEventSchema = z.object({
  id: z.uuid(),
  kind: cameraEventKindSchema,
  cameraId: z.uuid(),
  cameraName: z.string(),
  partnerName: z.string().nullable(),
  occurredAt: z.string(),
  /** One line in pt-BR (cause of an outage, who took the PTZ over from whom, hash distance…). */
  detail: z.string().nullable(),
  /** Back-office paths: the camera live, and its recordings at the event's instant. */
  links: z.object({ live: z.string(), playback: z.string() }),
  /** A view change: API paths of the approved view's reference picture and of the picture that differed. */
  images: z.object({ reference: z.string(), current: z.string() }).nullable(),
});
export type CameraEvent = z.infer<typeof cameraEventSchema>;

export const cameraEventQuerySchema = z.object({
  cameraId: z.uuid().optional(),
  kind: cameraEventKindSchema.optional(),
  /** ISO instants bounding `occurredAt` (from inclusive, to exclusive). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type CameraEventQuery = z.infer<typeof cameraEventQuerySchema>;
