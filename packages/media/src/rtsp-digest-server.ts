/**
 * Server side of RTSP Digest authentication (RFC 2617 / RFC 7616, MD5): stateless nonces
 * (timestamp + random + HMAC, so a restart or a second node never accepts a forged or
 * expired nonce) and verification of the client's Authorization header. Basic is never
 * offered: a push endpoint faces the Internet and Basic sends the password in clear.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { computeDigestResponse, parseWwwAuthenticate } from './rtsp-auth';

export interface DigestCredentials {
  username: string;
  /** Plain password, or … */
  password?: string;
  /** … HA1 = MD5(username:realm:password) (lets a store keep no plaintext). */
  ha1?: string;
}

export interface DigestAuthorization {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  algorithm: string | undefined;
  qop: string | undefined;
  nc: string | undefined;
  cnonce: string | undefined;
}

/** Parses "Digest username=..., realm=..., ..." (undefined when not a complete Digest header). */
export function parseDigestAuthorization(value: string | undefined): DigestAuthorization | undefined {
  if (!value || value.length > 4096) return undefined;
  const c = parseWwwAuthenticate(value)[0];
  if (!c || c.scheme !== 'digest') return undefined;
  const p = c.params;
  if (p.username === undefined || p.realm === undefined || !p.nonce || p.uri === undefined || !p.response) return undefined;
  return {
    username: p.username,
    realm: p.realm,
    nonce: p.nonce,
    uri: p.uri,
    response: p.response,
    algorithm: p.algorithm,
    qop: p.qop,
    nc: p.nc,
    cnonce: p.cnonce,
  };
}

export function digestHa1(username: string, realm: string, password: string): string {
  return createHash('md5').update(`${username}:${realm}:${password}`, 'utf8').digest('hex');
}

export type DigestVerdict = 'ok' | 'stale' | 'invalid';

export class DigestServer {
  private readonly key: Buffer;

  constructor(
    readonly realm: string,
    private readonly nonceTtlMs = 5 * 60_000,
    key?: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    this.key = key ?? randomBytes(32);
  }

  /** A fresh nonce: base36 time "." random "." HMAC (no server state). */
  createNonce(): string {
    const body = `${this.now().toString(36)}.${randomBytes(12).toString('base64url')}`;
    return `${body}.${this.mac(body)}`;
  }

  /** 'ok', 'stale' (well-formed and ours but expired) or 'invalid'. */
  checkNonce(nonce: string): DigestVerdict {
    const parts = nonce.split('.');
    if (parts.length !== 3 || nonce.length > 200) return 'invalid';
    const body = `${parts[0]}.${parts[1]}`;
    if (!safeEqual(this.mac(body), parts[2]!)) return 'invalid';
    const t = Number.parseInt(parts[0]!, 36);
    if (!Number.isFinite(t) || t > this.now() + 60_000) return 'invalid';
    return this.now() - t > this.nonceTtlMs ? 'stale' : 'ok';
  }

  /** WWW-Authenticate value for a 401 (MD5, no qop: what cameras, ffmpeg and GStreamer all speak). */
  challenge(stale = false): string {
    return `Digest realm="${this.realm}", nonce="${this.createNonce()}", algorithm=MD5${stale ? ', stale=TRUE' : ''}`;
  }

  /**
   * Verifies an Authorization header for `method` against the expected credentials.
   * `uriMatches` checks the digest uri names the requested resource.
   */
  verify(
    authorization: string | undefined,
    method: string,
    creds: DigestCredentials,
    uriMatches: (uri: string) => boolean = () => true,
  ): DigestVerdict {
    const a = parseDigestAuthorization(authorization);
    if (!a) return 'invalid';
    if (a.algorithm && a.algorithm.toUpperCase() !== 'MD5') return 'invalid';
    if (a.realm !== this.realm || !uriMatches(a.uri)) return 'invalid';
    const nonce = this.checkNonce(a.nonce);
    if (nonce === 'invalid') return 'invalid';
    if (a.qop !== undefined && (a.qop.toLowerCase() !== 'auth' || !a.nc || !/^[0-9a-f]{8}$/i.test(a.nc) || !a.cnonce)) return 'invalid';
    let expected: string;
    if (creds.ha1 !== undefined) {
      const ha2 = md5(`${method}:${a.uri}`);
      expected = a.qop ? md5(`${creds.ha1}:${a.nonce}:${a.nc}:${a.cnonce}:auth:${ha2}`) : md5(`${creds.ha1}:${a.nonce}:${ha2}`);
    } else {
      expected = computeDigestResponse({
        username: creds.username,
        password: creds.password ?? '',
        realm: this.realm,
        nonce: a.nonce,
        method,
        uri: a.uri,
        ...(a.qop ? { qop: 'auth', nc: Number.parseInt(a.nc!, 16), cnonce: a.cnonce! } : {}),
      });
    }
    // Compare both username and response in constant time (no early exit on the user name).
    const okUser = safeEqual(md5(a.username), md5(creds.username));
    const okResponse = safeEqual(expected, a.response.toLowerCase());
    if (!okUser || !okResponse) return 'invalid';
    return nonce;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }
}

function md5(s: string): string {
  return createHash('md5').update(s, 'utf8').digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
