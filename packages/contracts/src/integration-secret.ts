/**
 * VMS integration credentials (Node.js only — not exported from the package index). The API
 * generates them; the media node checks them on every HLS request (apps/media-node/src/hls).
 *
 * The password is 32 random bytes (base64url), so a plain SHA-256 is enough to store it (no
 * dictionary to slow down: argon2 is for passwords people choose). Comparison is constant-time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newIntegrationUsername(): string {
  return `vms-${randomBytes(6).toString('hex')}`;
}

export function newIntegrationPassword(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 (hex) of a password: what `vms_integration.secret_hash` holds. */
export function integrationSecretHash(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('hex');
}

export function integrationSecretMatches(password: string, storedHex: string): boolean {
  const a = createHash('sha256').update(password, 'utf8').digest();
  const b = Buffer.from(storedHex, 'hex');
  return b.length === a.length && timingSafeEqual(a, b);
}

/** Parses an `Authorization: Basic …` header; undefined when absent or malformed. */
export function parseBasicAuth(header: string | undefined): { username: string; password: string } | undefined {
  if (!header || !/^basic /i.test(header)) return undefined;
  const raw = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const i = raw.indexOf(':');
  if (i <= 0 || raw.length > 512) return undefined;
  return { username: raw.slice(0, i), password: raw.slice(i + 1) };
}
