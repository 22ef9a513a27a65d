/**
 * RTSP authentication: Basic and Digest (RFC 2617 / RFC 7616: MD5, MD5-sess, SHA-256,
 * SHA-256-sess; qop=auth and legacy no-qop; nonce counter) driven by WWW-Authenticate.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface AuthChallenge {
  /** Lower-cased scheme: "basic", "digest", … */
  scheme: string;
  /** Parameters with lower-cased names and unquoted values. */
  params: Record<string, string>;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/**
 * Parses one or more WWW-Authenticate header values. Handles several challenges in one
 * value ("Digest realm=\"a, b\", nonce=\"n\", Basic realm=\"x\""), quoted strings with
 * commas and backslash escapes, and unquoted values.
 */
export function parseWwwAuthenticate(values: string | readonly string[]): AuthChallenge[] {
  const out: AuthChallenge[] = [];
  for (const value of typeof values === 'string' ? [values] : values) {
    const s = value;
    let i = 0;
    const skipWs = () => {
      while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
    };
    const readToken = () => {
      const start = i;
      while (i < s.length && TOKEN_CHAR.test(s[i]!)) i++;
      return s.slice(start, i);
    };
    let current: AuthChallenge | undefined;
    while (i < s.length) {
      skipWs();
      if (s[i] === ',') {
        i++;
        continue;
      }
      const token = readToken();
      if (!token) {
        i++; // skip an unexpected character
        continue;
      }
      skipWs();
      if (s[i] === '=' && current) {
        // token68 ("abc==") would also start with '='; treat name=value as a parameter
        // only when a value follows.
        i++;
        skipWs();
        let v = '';
        if (s[i] === '"') {
          i++;
          while (i < s.length && s[i] !== '"') {
            if (s[i] === '\\' && i + 1 < s.length) i++;
            v += s[i];
            i++;
          }
          i++; // closing quote
        } else {
          const start = i;
          while (i < s.length && s[i] !== ',' && s[i] !== ' ' && s[i] !== '\t') i++;
          v = s.slice(start, i);
        }
        current.params[token.toLowerCase()] = v;
        continue;
      }
      if (s[i] === '=' && !current) {
        // Parameter without a scheme: malformed, skip it.
        while (i < s.length && s[i] !== ',') i++;
        continue;
      }
      // A token not followed by '=' starts a new challenge.
      current = { scheme: token.toLowerCase(), params: {} };
      out.push(current);
    }
  }
  return out;
}

type DigestAlgorithm = 'MD5' | 'MD5-SESS' | 'SHA-256' | 'SHA-256-SESS';

function hashOf(algorithm: DigestAlgorithm): 'md5' | 'sha256' {
  return algorithm.startsWith('SHA-256') ? 'sha256' : 'md5';
}

function h(alg: 'md5' | 'sha256', s: string): string {
  return createHash(alg).update(s, 'utf8').digest('hex');
}

export interface DigestInput {
  username: string;
  password: string;
  realm: string;
  nonce: string;
  method: string;
  uri: string;
  algorithm?: string;
  /** "auth" or undefined (RFC 2069 compatibility mode). */
  qop?: string;
  nc?: number;
  cnonce?: string;
}

/** Computes the Digest "response" value (RFC 7616 §3.4.1). */
export function computeDigestResponse(d: DigestInput): string {
  const algorithm = (d.algorithm ?? 'MD5').toUpperCase() as DigestAlgorithm;
  const alg = hashOf(algorithm);
  let ha1 = h(alg, `${d.username}:${d.realm}:${d.password}`);
  if (algorithm.endsWith('-SESS')) ha1 = h(alg, `${ha1}:${d.nonce}:${d.cnonce ?? ''}`);
  const ha2 = h(alg, `${d.method}:${d.uri}`);
  if (d.qop) {
    const nc = formatNc(d.nc ?? 1);
    return h(alg, `${ha1}:${d.nonce}:${nc}:${d.cnonce ?? ''}:${d.qop}:${ha2}`);
  }
  return h(alg, `${ha1}:${d.nonce}:${ha2}`);
}

export function formatNc(nc: number): string {
  return nc.toString(16).padStart(8, '0');
}

function quote(s: string): string {
  return `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

const SUPPORTED_DIGEST = new Set(['MD5', 'MD5-SESS', 'SHA-256', 'SHA-256-SESS']);

/**
 * Per-connection authenticator: feed it the challenges of a 401 answer, then ask it for
 * the Authorization header of each request.
 */
export class RtspAuthenticator {
  private challenge: AuthChallenge | undefined;
  private nc = 0;

  constructor(
    private readonly username: string,
    private readonly password: string,
    private readonly makeCnonce: () => string = () => randomBytes(8).toString('hex'),
  ) {}

  get hasChallenge(): boolean {
    return this.challenge !== undefined;
  }

  get scheme(): string | undefined {
    return this.challenge?.scheme;
  }

  /**
   * Picks the strongest supported challenge (Digest SHA-256 > Digest MD5 > Basic).
   * Returns false when none is usable. A Digest challenge with a new nonce resets the
   * nonce counter.
   */
  setChallenges(challenges: readonly AuthChallenge[]): boolean {
    const rank = (c: AuthChallenge): number => {
      if (c.scheme === 'digest') {
        const alg = (c.params.algorithm ?? 'MD5').toUpperCase();
        if (!SUPPORTED_DIGEST.has(alg) || !c.params.nonce) return -1;
        const qop = c.params.qop;
        if (
          qop !== undefined &&
          !qop
            .split(',')
            .map((q) => q.trim().toLowerCase())
            .includes('auth')
        )
          return -1;
        return alg.startsWith('SHA-256') ? 3 : 2;
      }
      if (c.scheme === 'basic') return 1;
      return -1;
    };
    let best: AuthChallenge | undefined;
    for (const c of challenges) if (rank(c) > 0 && (!best || rank(c) > rank(best))) best = c;
    if (!best) return false;
    if (this.challenge?.params.nonce !== best.params.nonce) this.nc = 0;
    this.challenge = best;
    return true;
  }

  /** Authorization header value for a request, or undefined before any challenge. */
  authorize(method: string, uri: string): string | undefined {
    const c = this.challenge;
    if (!c) return undefined;
    if (c.scheme === 'basic') {
      return `Basic ${Buffer.from(`${this.username}:${this.password}`, 'utf8').toString('base64')}`;
    }
    const p = c.params;
    const realm = p.realm ?? '';
    const nonce = p.nonce ?? '';
    const algorithm = p.algorithm;
    const qop = p.qop !== undefined ? 'auth' : undefined;
    const cnonce = qop ? this.makeCnonce() : undefined;
    const nc = qop ? ++this.nc : undefined;
    const response = computeDigestResponse({
      username: this.username,
      password: this.password,
      realm,
      nonce,
      method,
      uri,
      algorithm,
      qop,
      nc,
      cnonce,
    });
    const parts = [
      `username=${quote(this.username)}`,
      `realm=${quote(realm)}`,
      `nonce=${quote(nonce)}`,
      `uri=${quote(uri)}`,
      `response=${quote(response)}`,
    ];
    if (algorithm) parts.push(`algorithm=${algorithm}`);
    if (p.opaque !== undefined) parts.push(`opaque=${quote(p.opaque)}`);
    if (qop && nc !== undefined && cnonce !== undefined) {
      parts.push(`qop=${qop}`, `nc=${formatNc(nc)}`, `cnonce=${quote(cnonce)}`);
    }
    return `Digest ${parts.join(', ')}`;
  }
}
