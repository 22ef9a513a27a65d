import { z } from 'zod';

/** Manifest of an exported evidence package (manifest.json, signed in manifest.sig with Ed25519). */
export const exportManifestFileSchema = z.object({
  name: z.string().regex(/^[\w.-]+$/),
  /** Absent for the package's own files (LEIA-ME.txt). */
  cameraId: z.uuid().optional(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const exportManifestSchema = z.object({
  format: z.literal('vigia-export/1'),
  exportId: z.uuid(),
  createdAt: z.iso.datetime(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  operator: z.object({ id: z.string(), name: z.string().nullable() }),
  reason: z.string().min(1),
  cameras: z.array(z.object({ id: z.uuid(), name: z.string(), partnerId: z.uuid().nullable(), partnerName: z.string().nullable() })),
  files: z.array(exportManifestFileSchema),
  publicKey: z.string(),
});
export type ExportManifest = z.infer<typeof exportManifestSchema>;

export const exportVerificationSchema = z.object({
  ok: z.boolean(),
  problems: z.array(
    z.object({
      file: z.string(),
      problem: z.enum(['signature_invalid', 'manifest_invalid', 'file_missing', 'file_altered', 'file_unexpected']),
    }),
  ),
  manifest: exportManifestSchema.nullable(),
});
export type ExportVerification = z.infer<typeof exportVerificationSchema>;

/** Export job (POST /api/exports → GET /api/exports/:id polled for progress). */
export const exportCreateSchema = z.object({
  cameraIds: z.array(z.uuid()).min(1).max(20),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  reason: z.string().trim().min(10).max(2000),
  caseNumber: z.string().trim().max(120).optional(),
});
export type ExportCreate = z.infer<typeof exportCreateSchema>;

export const exportJobStatusSchema = z.enum(['queued', 'running', 'ready', 'failed']);
export const exportJobSchema = z.object({
  id: z.uuid(),
  cameraIds: z.array(z.uuid()),
  cameraNames: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  caseNumber: z.string().nullable(),
  requestedBy: z.string(),
  releaseDeliveryId: z.uuid().nullable(),
  status: exportJobStatusSchema,
  progress: z.number().int().min(0).max(100),
  error: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  downloads: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  downloadUrl: z.string().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;
