import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamTokenClaims } from '@vigia/contracts/stream-token';
import type { PlaylistUris } from '@vigia/media';
import { clientOrigin, type UsedTokens } from '../live-socket.js';
import type { Log } from '../log.js';
import type { SqlClient } from '../sql.js';
import type { NodeStore } from '../store.js';
import { CameraNotEligible, LeaseHeldElsewhere, type Upstreams } from '../upstreams.js';
import { type CameraHls, CameraPackagers, hold } from './camera-packagers.js';
import { HlsAccess, type Refusal } from './hls-access.js';
import { IntegrationStore } from './integration-store.js';

/**
 * HLS output of live cameras (docs/cameras.md "Re-serving to the CIOSP VMS"):
 *
 *   POST /hls/:cameraId/session      form body token=…&nonce=…: a browser exchanges its stream token
 *                                    for a viewer session, once (CORS, 201 {playlist, expiresAt})
 *   GET  /hls/:cameraId/index.m3u8   media playlist (HLS v7, fMP4)
 *   GET  /hls/:cameraId/init.mp4     init segment (?g=<generation>)
 *   GET  /hls/:cameraId/<seq>.m4s    media segment
 *   POST /hls/:cameraId/renew        form body token=…&nonce=…: extends a browser's session (CORS, 204)
 *
 * Authorised either by a browser's viewer session (`?s=<session>` on every URL) or by a VMS
 * integration's HTTP Basic credentials (hls-access.ts). A stream token is never taken from a URL
 * (logs, history and Referer would carry it). Anything else: 401/403/404, no media.
 */
export interface HlsServiceOptions {
  /** A camera's packager, a viewer session and a pull session end after this long without a request. */
  idleMs: number;
  /** Integration lookups are reused this long; viewer sessions' user sessions are checked this often. */
  checkMs: number;
  /** Longest wait for the first segment of a camera that was not being packaged (default 15 s). */
  startTimeoutMs?: number;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ROUTE = new RegExp(`^/hls/(${UUID})/(index\\.m3u8|init\\.mp4|renew|session|(\\d{1,15})\\.m4s)$`);
/** Largest exchange/renew body (a token and a nonce). */
const MAX_FORM_BYTES = 4096;
const SESSION_ID = /^[\w-]{43}$/;

export class HlsService {
  readonly packagers: CameraPackagers;
  readonly access: HlsAccess;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly startTimeoutMs: number;

  constructor(
    private readonly d: {
      nodeId: string;
      keys: readonly Buffer[];
      sql: SqlClient;
      store: NodeStore;
      upstreams: Upstreams;
      usedTokens: UsedTokens;
      log: Log;
    },
    opts: HlsServiceOptions,
  ) {
    this.startTimeoutMs = opts.startTimeoutMs ?? 15_000;
    const integrations = new IntegrationStore(d.sql, d.nodeId);
    this.packagers = new CameraPackagers(d.upstreams, d.log, { idleMs: opts.idleMs });
    this.access = new HlsAccess({
      nodeId: d.nodeId,
      keys: d.keys,
      store: d.store,
      integrations,
      usedTokens: d.usedTokens,
      log: d.log,
      idleMs: opts.idleMs,
      grantCacheMs: opts.checkMs,
    });
    void integrations.closeStalePulls().catch((err) => d.log.warn({ err }, 'could not close stale integration pulls'));
    let ticking = false;
    const tick = async () => {
      if (ticking) return;
      ticking = true;
      try {
        this.packagers.sweepIdle();
        await this.access.tick();
        await this.access.checkUserSessions();
      } catch (err) {
        d.log.warn({ err }, 'hls housekeeping failed');
      } finally {
        ticking = false;
      }
    };
    this.timers.push(setInterval(() => void tick(), Math.max(200, Math.min(opts.checkMs, opts.idleMs / 2, 5_000))));
    for (const t of this.timers) t.unref();
  }

  /** True when the URL is an HLS route (the request is then answered here). */
  handles(url: string): boolean {
    return url.startsWith('/hls/');
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.route(req, res).catch((err) => {
      this.d.log.error({ err }, 'hls request failed');
      if (!res.headersSent) send(res, 503, { error: 'unavailable' }, { 'retry-after': '2' });
      else res.destroy();
    });
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.packagers.stopAll();
    await this.access.closeAll();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Sessions, pulls and packagers touched by this request stay alive until it is answered.
    const held: (() => void)[] = [];
    try {
      await this.answer(req, res, (x) => held.push(hold(x)));
    } finally {
      for (const release of held) release();
    }
  }

  private async answer(req: IncomingMessage, res: ServerResponse, keep: (x: { lastRequest: number; busy: number }) => void): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://node');
    const m = ROUTE.exec(url.pathname);
    const exchange = m?.[2] === 'session' || m?.[2] === 'renew';
    if (!m || (exchange ? req.method !== 'POST' : req.method !== 'GET' && req.method !== 'HEAD'))
      return send(res, 404, { error: 'not_found' });
    const cameraId = m[1]!;
    const resource = m[2]!;
    const q = url.searchParams;
    const origin = clientOrigin(req);

    if (exchange) {
      const form = await readForm(req);
      if (!form) return refuse(res, { status: 401, why: 'token and nonce expected in the request body' }, false, true);
      const token = form.get('token') ?? '';
      const nonce = form.get('nonce') ?? '';
      if (resource === 'renew') {
        const r = this.access.renewViewer(cameraId, token, nonce);
        if ('status' in r) return refuse(res, r, false, true);
        res.writeHead(204, { 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end();
        return;
      }
      // 1. Browser: token + nonce → a viewer session, once. The packager starts now, so the
      //    player's first playlist request finds the camera under way.
      const opened = await this.access.openViewer(cameraId, token, nonce, origin, (c) => this.cameraRefusal(cameraId, c));
      if ('status' in opened) return refuse(res, opened, false, true);
      keep(opened);
      const hls = await this.packager(cameraId, res, false, true);
      if (!hls) return;
      keep(hls);
      return send(res, 201, { playlist: `index.m3u8?s=${opened.id}`, expiresAt: opened.exp }, { 'access-control-allow-origin': '*' });
    }
    // A stream token in a URL is refused: only the body of the exchange above takes one.
    if (q.has('token') || q.has('nonce')) return refuse(res, { status: 401, why: 'stream token in the URL is not accepted' }, false);

    // 2. Browser session (?s=) or 3. VMS integration (HTTP Basic).
    const sid = q.get('s');
    let uris: PlaylistUris | undefined;
    if (sid !== null) {
      if (!SESSION_ID.test(sid)) return refuse(res, { status: 401, why: 'malformed hls session' }, false);
      const s = this.access.viewer(cameraId, sid);
      if ('status' in s) return refuse(res, s, false);
      keep(s);
      uris = { segment: (n) => `${n}.m4s?s=${sid}`, init: (g) => `init.mp4?g=${g}&s=${sid}` };
    } else {
      const ok = await this.access.authorizeIntegration(cameraId, req.headers.authorization, req.socket.remoteAddress, origin);
      if ('status' in ok) return refuse(res, ok, true);
      keep(ok.pull);
    }
    const hls = await this.packager(cameraId, res, sid === null);
    if (!hls) return;
    keep(hls);

    if (resource === 'index.m3u8') {
      if (!(await this.packagers.ready(hls, this.startTimeoutMs)))
        return send(res, 503, { error: 'no_segment_yet' }, { 'retry-after': '2' });
      return sendPlaylist(res, req, hls.packager.playlist(uris)!);
    }
    if (resource === 'init.mp4') {
      const g = q.get('g');
      const init = hls.packager.init(g && /^\d{1,15}$/.test(g) ? Number(g) : undefined);
      return init ? sendMedia(res, req, init) : send(res, 404, { error: 'not_found' });
    }
    const seg = hls.packager.segment(Number(m[3]));
    return seg ? sendMedia(res, req, seg.data) : send(res, 404, { error: 'not_found' });
  }

  /** The camera's running packager, or starts it (camera checks first); answers 404/403/503 itself. */
  private async packager(cameraId: string, res: ServerResponse, checkCamera: boolean, cors = false): Promise<CameraHls | undefined> {
    const running = this.packagers.get(cameraId);
    if (running) return running;
    const corsHeader: Record<string, string> = cors ? { 'access-control-allow-origin': '*' } : {};
    const camera = await this.d.store.camera(cameraId);
    if (!camera) {
      send(res, 404, { error: 'not_found' }, corsHeader);
      return undefined;
    }
    if (checkCamera && (camera.status === 'disabled' || !camera.streamEligible)) {
      send(res, 403, { error: 'forbidden' }, corsHeader);
      return undefined;
    }
    try {
      return await this.packagers.acquire(camera);
    } catch (err) {
      if (err instanceof CameraNotEligible) {
        send(res, 403, { error: 'forbidden' }, corsHeader);
        return undefined;
      }
      if (!(err instanceof LeaseHeldElsewhere)) this.d.log.warn({ err, camera: cameraId }, 'hls start failed');
      send(
        res,
        503,
        { error: err instanceof LeaseHeldElsewhere ? 'served_by_another_node' : 'unavailable' },
        { 'retry-after': '2', ...corsHeader },
      );
      return undefined;
    }
  }

  /** The live socket's camera rules for a browser viewer (exists, enabled, open to the public if anonymous). */
  private async cameraRefusal(cameraId: string, c: StreamTokenClaims): Promise<Refusal | undefined> {
    const camera = await this.d.store.camera(cameraId);
    if (!camera) return { status: 404, why: 'camera not found' };
    if (camera.status === 'disabled') return { status: 403, why: 'camera disabled' };
    if (!camera.streamEligible) return { status: 403, why: 'camera not eligible to stream' };
    if (!c.sub && !camera.openToPublic) return { status: 403, why: 'camera not open to the public' };
    return undefined;
  }
}

/** The exchange's form body (application/x-www-form-urlencoded: a CORS "simple request", no preflight). */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  return form.get('token') && form.get('nonce') ? form : undefined;
}

function send(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, r: Refusal, basic: boolean, cors = false): void {
  // Only external systems are asked for Basic credentials: a browser must not show a login box.
  const headers: Record<string, string> = {};
  if (basic && r.status === 401) headers['www-authenticate'] = 'Basic realm="Vigia Mais MT", charset="UTF-8"';
  if (cors) headers['access-control-allow-origin'] = '*';
  send(res, r.status, { error: r.status === 401 ? 'unauthorized' : r.status === 403 ? 'forbidden' : 'not_found', reason: r.why }, headers);
}

function sendPlaylist(res: ServerResponse, req: IncomingMessage, text: string): void {
  res.writeHead(200, {
    'content-type': 'application/vnd.apple.mpegurl',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function sendMedia(res: ServerResponse, req: IncomingMessage, data: Buffer): void {
  res.writeHead(200, { 'content-type': 'video/mp4', 'cache-control': 'no-store', 'content-length': data.length });
  res.end(req.method === 'HEAD' ? undefined : data);
}
