import { z } from 'zod';

/** Manifest of an exported evidence package (manifest.json, signed in manifest.sig with Ed25519). */
export const exportManifestFileSchema = z.object({
  name: z.string().regex(/^[\w.-]+$/),
  cameraId: z.uuid(),
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
  problems: z.array(z.object({ file: z.string(), problem: z.enum(['signature_invalid', 'manifest_invalid', 'file_missing', 'file_altered', 'file_unexpected']) })),
  manifest: exportManifestSchema.nullable(),
});
export type ExportVerification = z.infer<typeof exportVerificationSchema>;
