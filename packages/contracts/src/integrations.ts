import { z } from 'zod';
import { operatorUnitSchema } from './roles.js';

/**
 * VMS integrations (Art. 22 §3, Art. 24; SPEC §3.3 "compatibility with the equipment and VMS
 * already at CIOSP"): an external system registered by an administrator pulls the cameras it is
 * allowed as HLS from the media node, with its own generated credentials (HTTP Basic). The
 * password is shown once, at creation and at each rotation; only its SHA-256 is stored.
 */

/** IPv4 or IPv6 CIDR, e.g. 10.20.0.0/16 or 2001:db8::/32 (checked again on the server with node:net). */
export const cidrSchema = z
  .string()
  .trim()
  .max(64)
  .regex(
    /^([0-9]{1,3}(\.[0-9]{1,3}){3}\/([0-9]|[12][0-9]|3[0-2])|[0-9a-fA-F:]{2,39}\/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8]))$/,
    'Informe uma faixa no formato CIDR, por exemplo 10.20.0.0/16.',
  );

export const MAX_INTEGRATION_CAMERAS = 5000;

export const integrationCreateSchema = z.object({
  name: z.string().trim().min(3).max(120),
  unit: operatorUnitSchema,
  cameraIds: z.array(z.string().uuid()).min(1).max(MAX_INTEGRATION_CAMERAS),
  allowedCidr: cidrSchema.nullable().optional(),
});
export type IntegrationCreate = z.infer<typeof integrationCreateSchema>;

export const integrationUpdateSchema = z.object({
  name: z.string().trim().min(3).max(120).optional(),
  unit: operatorUnitSchema.optional(),
  cameraIds: z.array(z.string().uuid()).min(1).max(MAX_INTEGRATION_CAMERAS).optional(),
  allowedCidr: cidrSchema.nullable().optional(),
});
export type IntegrationUpdate = z.infer<typeof integrationUpdateSchema>;

export const integrationRevokeSchema = z.object({ reason: z.string().trim().min(10).max(1000) });
export type IntegrationRevoke = z.infer<typeof integrationRevokeSchema>;

export const integrationStatusSchema = z.enum(['active', 'revoked']);

export const integrationCameraSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Playlist the VMS pulls (HTTP Basic with the integration's credentials), on the node's public URL. */
  hlsUrl: z.string(),
});

export const integrationSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: operatorUnitSchema,
  username: z.string(),
  allowedCidr: z.string().nullable(),
  status: integrationStatusSchema,
  cameras: z.array(integrationCameraSchema),
  createdAt: z.string(),
  rotatedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** Last playlist or segment request the media node saw (null: never used). */
  lastUsedAt: z.string().nullable(),
});
export type Integration = z.infer<typeof integrationSchema>;

/** Creation and rotation answer: the only time the password is ever shown. */
export const integrationWithSecretSchema = z.object({ integration: integrationSchema, password: z.string() });
export type IntegrationWithSecret = z.infer<typeof integrationWithSecretSchema>;
