/**
 * Stream tokens (Node.js only — not exported from the package index, so the web bundle never
 * pulls node:crypto). Format: `v1.<payload base64url>.<HMAC-SHA256 base64url>`.
 *
 * The API signs; the media node verifies with the same key (STREAM_TOKEN_KEY or
 * DATA_DIR/keys/stream-token.key). A token is worthless on its own: it carries `cnf`, the SHA-256
 * of a nonce that only the player holds in memory, and the node demands the nonce itself on the
 * socket. A token also names the session (`sid`) the node keeps checking, the camera, the action
 * and the node, and expires within two minutes.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const STREAM_TOKEN_MAX_TTL_MS = 120_000;

export type StreamAction = 'live' | 'playback';

export interface StreamTokenClaims {
  /** Camera id. */
  cam: string;
  /** `live` (media node socket) or `playback` (recorded footage, served by the API; docs/recording.md). */
  act: StreamAction;
  /** Media node id the token is valid on. */
  node: string;
  /** User id; null for an anonymous viewer of a camera open to the public. */
  sub: string | null;
  /** Session id (user_session.id); null for anonymous viewers. */
  sid: string | null;
  /** SHA-256 (hex) of the player's nonce. */
  cnf: string;
  /** Issued at / expires at (ms since epoch). */
  iat: number;
  exp: number;
  /** Unique id: a token opens a stream at most once. */
  jti: string;
  /** Playback only: id of the playback (the `playback.started` audit event's playback id). */
  pb?: string;
}

export type StreamTokenError = 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'ttl_too_long';

const b64u = (b: Buffer) => b.toString('base64url');

function mac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function signStreamToken(
  key: Buffer,
  claims: Omit<StreamTokenClaims, 'iat' | 'exp' | 'jti'> & { ttlMs: number; now?: number },
): { token: string; claims: StreamTokenClaims } {
  if (key.length < 32) throw new Error('stream token key must be at least 32 bytes');
  const now = claims.now ?? Date.now();
  const ttl = Math.min(claims.ttlMs, STREAM_TOKEN_MAX_TTL_MS);
  const full: StreamTokenClaims = {
    cam: claims.cam,
    act: claims.act,
    node: claims.node,
    sub: claims.sub,
    sid: claims.sid,
    cnf: claims.cnf,
    iat: now,
    exp: now + ttl,
    jti: b64u(randomBytes(12)),
    ...(claims.pb ? { pb: claims.pb } : {}),
  };
  const body = `v1.${b64u(Buffer.from(JSON.stringify(full)))}`;
  return { token: `${body}.${b64u(mac(key, body))}`, claims: full };
}

export function verifyStreamToken(
  keys: readonly Buffer[],
  token: string,
  now = Date.now(),
  leewayMs = 2_000,
  /** The only action accepted (a playback token never opens a live socket, and vice versa). */
  action: StreamAction = 'live',
): { ok: true; claims: StreamTokenClaims } | { ok: false; error: StreamTokenError } {
  if (typeof token !== 'string' || token.length > 4096) return { ok: false, error: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') return { ok: false, error: 'malformed' };
  const body = `${parts[0]}.${parts[1]}`;
  const sig = Buffer.from(parts[2]!, 'base64url');
  const good = keys.some((k) => {
    const m = mac(k, body);
    return m.length === sig.length && timingSafeEqual(m, sig);
  });
  if (!good) return { ok: false, error: 'bad_signature' };
  let claims: StreamTokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as StreamTokenClaims;
  } catch {
    return { ok: false, error: 'malformed' };
  }
  if (
    !claims ||
    typeof claims.cam !== 'string' ||
    claims.act !== action ||
    typeof claims.node !== 'string' ||
    typeof claims.cnf !== 'string' ||
    typeof claims.iat !== 'number' ||
    typeof claims.exp !== 'number' ||
    typeof claims.jti !== 'string'
  ) {
    return { ok: false, error: 'malformed' };
  }
  if (claims.exp - claims.iat > STREAM_TOKEN_MAX_TTL_MS) return { ok: false, error: 'ttl_too_long' };
  if (claims.iat > now + leewayMs) return { ok: false, error: 'not_yet_valid' };
  if (claims.exp <= now) return { ok: false, error: 'expired' };
  return { ok: true, claims };
}

/** SHA-256 (hex) of the player's nonce: what the token's `cnf` must equal. */
export function nonceHash(nonce: string): string {
  return createHash('sha256').update(nonce, 'utf8').digest('hex');
}

/**
 * The stream-token key: STREAM_TOKEN_KEY (base64, ≥ 32 bytes) or a key generated once into
 * DATA_DIR/keys/stream-token.key (0600) and shared by the API and the media node of one machine.
 * Nodes on other machines need the same STREAM_TOKEN_KEY.
 */
export async function loadStreamTokenKey(opts: { envKey?: string | undefined; dataDir: string }): Promise<Buffer> {
  if (opts.envKey) {
    const key = Buffer.from(opts.envKey.trim(), 'base64');
    if (key.length < 32) throw new Error('STREAM_TOKEN_KEY must be at least 32 bytes, base64');
    return key;
  }
  const fs = await import('node:fs');
  const path = await import('node:path');
  const file = path.join(opts.dataDir, 'keys', 'stream-token.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length < 32) throw new Error(`${file} must hold at least 32 bytes, base64`);
  return key;
}
