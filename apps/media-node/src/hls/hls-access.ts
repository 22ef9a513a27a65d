import { randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { integrationSecretMatches, parseBasicAuth } from '@vigia/contracts/integration-secret';
import { nonceHash, type StreamTokenClaims, verifyStreamToken } from '@vigia/contracts/stream-token';
import type { UsedTokens } from '../live-socket.js';
import type { Log } from '../log.js';
import type { NodeStore } from '../store.js';
import type { IntegrationGrant, IntegrationStore } from './integration-store.js';

/**
 * Who may pull HLS from this node, and the bookkeeping that goes with it.
 *
 * 1. Browsers without Media Source Extensions (the live player's fallback): the same short-lived,
 *    nonce-bound stream token the live WebSocket takes, POSTed (never in a URL) to the exchange
 *    endpoint. A valid, never-used token opens an HLS *viewer session* (random 256-bit id, returned
 *    once in the exchange's body and carried by every later URL of the playlist), recorded as a
 *    `live_view` like a WebSocket viewer. The exchange is single-use: replaying the same token and
 *    nonce gets 401, never the same session. The session lives until the token's expiry; the
 *    player renews it with a fresh token (same nonce, same user session, POSTed too), and it ends
 *    when the user's session ends (checked every few seconds) or requests stop.
 * 2. External systems (the VMS already at CIOSP, Art. 22 §3): HTTP Basic with the credentials of a
 *    VMS integration, checked against the database (cached a couple of seconds, so a rotation or a
 *    revocation bites within that time), for cameras in the integration's set, from its allowed
 *    source range. The first request of an integration × camera opens a *pull session* row (audited
 *    by the API), kept alive while requests continue, closed after `idleMs` without one.
 */
export type Refusal = { status: 401 | 403 | 404; why: string };

export interface ViewerSession {
  id: string;
  cameraId: string;
  claims: StreamTokenClaims;
  /** Expiry (ms): the latest token's. */
  exp: number;
  viewId: Promise<string>;
  lastRequest: number;
  busy: number;
}

export interface Pull {
  id: Promise<string>;
  lastRequest: number;
  busy: number;
}

interface CachedGrant {
  grant: IntegrationGrant | undefined;
  at: number;
}

export interface HlsAccessDeps {
  nodeId: string;
  keys: readonly Buffer[];
  store: NodeStore;
  integrations: IntegrationStore;
  usedTokens: UsedTokens;
  log: Log;
  /** A viewer session or pull session without a request for this long ends. */
  idleMs: number;
  /** How long an integration lookup is reused (rotation and revocation take effect after it). */
  grantCacheMs: number;
}

export class HlsAccess {
  private readonly sessions = new Map<string, ViewerSession>();
  private readonly pulls = new Map<string, Pull>();
  private readonly grants = new Map<string, CachedGrant>();

  constructor(private readonly d: HlsAccessDeps) {}

  get viewerCount(): number {
    return this.sessions.size;
  }

  get pullCount(): number {
    return this.pulls.size;
  }

  // ---- browser viewers (stream token) ---------------------------------------------------------

  /**
   * Exchange of a browser's token and nonce for a viewer session: checks the token as the live
   * socket does (the nonce before the token is spent) and opens the session. Single-use: a
   * replayed token — even with its nonce — is refused. `cameraOk` holds the camera rules.
   */
  async openViewer(
    cameraId: string,
    token: string,
    nonce: string,
    origin: string,
    cameraOk: (claims: StreamTokenClaims) => Promise<Refusal | undefined>,
  ): Promise<ViewerSession | Refusal> {
    const v = verifyStreamToken(this.d.keys, token);
    if (!v.ok) return { status: 401, why: `token ${v.error}` };
    const c = v.claims;
    if (c.cam !== cameraId) return { status: 403, why: 'token for another camera' };
    if (c.node !== this.d.nodeId) return { status: 403, why: 'token for another node' };
    if (nonceHash(nonce) !== c.cnf) return { status: 401, why: 'token not bound to this client' };
    if (!this.d.usedTokens.use(c.jti, c.exp)) return { status: 401, why: 'token already used' };
    return this.open(cameraId, c, origin, cameraOk);
  }

  private async open(
    cameraId: string,
    c: StreamTokenClaims,
    origin: string,
    cameraOk: (claims: StreamTokenClaims) => Promise<Refusal | undefined>,
  ): Promise<ViewerSession | Refusal> {
    if (c.sid) {
      const live = await this.d.store.liveSessions([c.sid]);
      if (!live.has(c.sid)) return { status: 401, why: 'session ended' };
    }
    const refused = await cameraOk(c);
    if (refused) return refused;
    const id = randomBytes(32).toString('base64url');
    const viewId = this.d.store.startView({ cameraId, userId: c.sub, sessionId: c.sid, origin: `${origin} | hls` });
    viewId.catch((err) => this.d.log.warn({ err }, 'could not record hls view'));
    const s: ViewerSession = { id, cameraId, claims: c, exp: c.exp, viewId, lastRequest: Date.now(), busy: 0 };
    this.sessions.set(id, s);
    this.d.log.info({ camera: cameraId, user: c.sub }, 'hls viewer started');
    return s;
  }

  viewer(cameraId: string, id: string): ViewerSession | Refusal {
    const s = this.sessions.get(id);
    if (!s || s.cameraId !== cameraId) return { status: 401, why: 'unknown hls session' };
    if (s.exp <= Date.now()) {
      this.endViewer(s, 'expired');
      return { status: 401, why: 'hls session expired' };
    }
    s.lastRequest = Date.now();
    return s;
  }

  /** A fresh token (same nonce, same user session) extends the viewer session of this camera. */
  renewViewer(cameraId: string, token: string, nonce: string): { exp: number } | Refusal {
    const v = verifyStreamToken(this.d.keys, token);
    if (!v.ok) return { status: 401, why: `token ${v.error}` };
    const c = v.claims;
    if (c.cam !== cameraId || nonceHash(nonce) !== c.cnf) return { status: 401, why: 'token not bound to this client' };
    const s = [...this.sessions.values()].find((x) => x.cameraId === cameraId && x.claims.cnf === c.cnf);
    if (!s) return { status: 401, why: 'no hls session to renew' };
    if (c.sid !== s.claims.sid || c.sub !== s.claims.sub) return { status: 401, why: 'renewal token from another client' };
    if (!this.d.usedTokens.use(c.jti, c.exp)) return { status: 401, why: 'token already used' };
    s.claims = c;
    s.exp = c.exp;
    return { exp: c.exp };
  }

  private endViewer(s: ViewerSession, reason: string): void {
    if (!this.sessions.delete(s.id)) return;
    s.viewId.then((id) => this.d.store.endView(id, reason)).catch((err) => this.d.log.warn({ err }, 'could not close hls view'));
  }

  // ---- external systems (HTTP Basic) ----------------------------------------------------------

  /** Checks Basic credentials for a camera; opens or refreshes the integration's pull session. */
  async authorizeIntegration(
    cameraId: string,
    authorization: string | undefined,
    remoteAddress: string | undefined,
    origin: string,
  ): Promise<{ integrationId: string; pull: Pull } | Refusal> {
    const creds = parseBasicAuth(authorization);
    if (!creds) return { status: 401, why: 'credentials required' };
    const grant = await this.grant(creds.username, cameraId);
    // Same answer for an unknown user and a wrong password; the hash comparison is constant-time.
    if (!grant || !integrationSecretMatches(creds.password, grant.secretHash)) return { status: 401, why: 'bad credentials' };
    if (grant.status !== 'active') return { status: 401, why: 'integration revoked' };
    if (grant.allowedCidr && !inRange(remoteAddress, grant.allowedCidr)) return { status: 403, why: 'source address not allowed' };
    if (!grant.cameraAllowed) return { status: 403, why: 'camera not in the integration' };
    const key = `${grant.id}:${cameraId}`;
    let pull = this.pulls.get(key);
    if (!pull) {
      const id = this.d.integrations.startPull(grant.id, cameraId, origin);
      id.catch((err) => this.d.log.warn({ err }, 'could not record integration pull'));
      pull = { id, lastRequest: Date.now(), busy: 0 };
      this.pulls.set(key, pull);
      this.d.log.info({ camera: cameraId, integration: grant.id }, 'integration pull started');
    }
    pull.lastRequest = Date.now();
    return { integrationId: grant.id, pull };
  }

  private async grant(username: string, cameraId: string): Promise<IntegrationGrant | undefined> {
    if (username.length > 100) return undefined;
    const key = `${username}\n${cameraId}`;
    const now = Date.now();
    const hit = this.grants.get(key);
    if (hit && now - hit.at < this.d.grantCacheMs) return hit.grant;
    if (this.grants.size > 10_000) for (const [k, g] of this.grants) if (now - g.at >= this.d.grantCacheMs) this.grants.delete(k);
    const grant = await this.d.integrations.grant(username, cameraId);
    this.grants.set(key, { grant, at: now });
    return grant;
  }

  // ---- housekeeping -----------------------------------------------------------------------------

  /** Ends idle or expired sessions and pulls; refreshes `seen_at` of the others. */
  async tick(now = Date.now()): Promise<void> {
    for (const s of [...this.sessions.values()]) {
      if (s.exp <= now) this.endViewer(s, 'expired');
      else if (s.busy === 0 && now - s.lastRequest > this.d.idleMs) this.endViewer(s, 'client_closed');
    }
    const open: Promise<string>[] = [];
    for (const [key, p] of [...this.pulls]) {
      if (p.busy === 0 && now - p.lastRequest > this.d.idleMs) {
        this.pulls.delete(key);
        p.id.then((id) => this.d.integrations.endPull(id)).catch((err) => this.d.log.warn({ err }, 'could not close integration pull'));
      } else open.push(p.id);
    }
    const pullIds = (await Promise.allSettled(open)).flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const viewIds = (await Promise.allSettled([...this.sessions.values()].map((s) => s.viewId))).flatMap((r) =>
      r.status === 'fulfilled' ? [r.value] : [],
    );
    await this.d.integrations.touchPulls(pullIds);
    await this.d.store.touchViews(viewIds);
  }

  /** Ends viewer sessions whose user session ended (revoked, expired, user suspended). */
  async checkUserSessions(): Promise<void> {
    const sids = [...new Set([...this.sessions.values()].map((s) => s.claims.sid).filter((x): x is string => !!x))];
    if (!sids.length) return;
    const live = await this.d.store.liveSessions(sids);
    for (const s of [...this.sessions.values()]) if (s.claims.sid && !live.has(s.claims.sid)) this.endViewer(s, 'session_ended');
  }

  async closeAll(): Promise<void> {
    for (const s of [...this.sessions.values()]) this.endViewer(s, 'node_shutdown');
    const ids = await Promise.allSettled([...this.pulls.values()].map((p) => p.id));
    this.pulls.clear();
    for (const r of ids) if (r.status === 'fulfilled') await this.d.integrations.endPull(r.value).catch(() => undefined);
  }
}

function inRange(remote: string | undefined, cidr: string): boolean {
  if (!remote) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote);
  const addr = mapped ? mapped[1]! : remote;
  const [net, bits] = cidr.split('/');
  const fam = isIP(net ?? '');
  if (!fam || isIP(addr) !== fam) return false;
  const list = new BlockList();
  list.addSubnet(net!, Number(bits), fam === 4 ? 'ipv4' : 'ipv6');
  return list.check(addr, fam === 4 ? 'ipv4' : 'ipv6');
}
