import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mayReadMetrics } from '@vigia/contracts/metrics-access';
import { createS3Client } from '@vigia/contracts/recording-s3';
import { LocalRecordingStorage } from '@vigia/contracts/recording-store';
import { loadStreamTokenKey } from '@vigia/contracts/stream-token';
import { WebSocketServer } from 'ws';
import type { NodeConfig } from './config.js';
import { HealthStore } from './health/camera-health.js';
import { HlsService } from './hls/hls-service.js';
import { checkLeaseTiming, planRenewal, StableLease } from './leases.js';
import { serveMuxSocket } from './live-mux.js';
import { clientOrigin, serveViewerSocket, UsedTokens, type Viewer } from './live-socket.js';
import { createLog, type Log } from './log.js';
import { createNodeMetrics } from './metrics.js';
import { nvrPlayback } from './nvr-playback.js';
import { parseRanges } from './outbound.js';
import { type PushListener, startPushListener } from './push.js';
import { RecordingService } from './recorder/recording-service.js';
import { RecordingStore, UploadStore } from './recorder/recording-store.js';
import { SegmentUploader } from './recorder/segment-uploader.js';
import { loadCameraKeys } from './secrets.js';
import { gatewayClient, pgClient, type SqlClient } from './sql.js';
import { nodeTotals } from './stats.js';
import { NodeStore } from './store.js';
import { Upstreams } from './upstreams.js';

export interface MediaNode {
  id: string;
  /** http://host:port actually bound (port 0 → the real one). */
  url: string;
  publicUrl: string;
  upstreams: Upstreams;
  viewers: Set<Viewer>;
  recording: RecordingService;
  /**
   * Graceful drain (make-before-break): other nodes take our cameras while we keep recording them;
   * resolves once none is left (or after `timeoutMs`). SIGTERM drains, then stops.
   */
  drain(timeoutMs?: number): Promise<void>;
  /** RTSP push listener (cameras without a public IP); undefined with MEDIA_PUSH=off. */
  push: PushListener | undefined;
  /** HLS output (browser fallback, VMS integrations). */
  hls: HlsService;
  /** RECORDING_STORAGE=s3: sends closed spool segments to the bucket. */
  uploader: SegmentUploader | undefined;
  stop(): Promise<void>;
}

/**
 * /live/:cameraId (live view) and /playback/:cameraId (partner-NVR playback, same socket protocol);
 * /live alone: one socket carrying many cameras' live views (live-mux.ts).
 */
const UUID = /^\/(live|playback)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const readerOf = (req: http.IncomingMessage) => ({
  remoteAddress: req.socket.remoteAddress,
  authorization: req.headers.authorization,
  forwarded: req.headers['x-forwarded-for'] !== undefined,
});

/** Starts a media node: HTTP (health, stats) + WebSocket live endpoint, heartbeat/lease and session loops. */
export async function startMediaNode(config: NodeConfig, log: Log = createLog(config.logLevel)): Promise<MediaNode> {
  checkLeaseTiming({ leaseSeconds: config.leaseSeconds, heartbeatMs: config.heartbeatMs });
  const sql: SqlClient = config.databaseUrl ? pgClient(config.databaseUrl) : gatewayClient(config.gateway!.url, config.gateway!.token);
  // The recorder's writes get their own connections: a backlog after a database outage must never
  // hold up the lease renewal (ADR 0013).
  const recordingSql: SqlClient = config.databaseUrl ? pgClient(config.databaseUrl) : sql;
  const store = new NodeStore(sql, config.nodeId, config.leaseSeconds);
  const tokenKey = await loadStreamTokenKey({ envKey: config.streamTokenKey, dataDir: config.dataDir });
  const cameraKeys = loadCameraKeys({ ...config.cameraKeys, dataDir: config.dataDir });
  const viewers = new Set<Viewer>();
  let recording: RecordingService | undefined;
  const upstreams = new Upstreams(store, cameraKeys, log, {
    idleGraceMs: config.idleGraceMs,
    dataTimeoutMs: config.recording.watchdogMs,
    ingest: config.ingest,
    onStopped: (cameraId, reason) => recording?.stopCamera(cameraId, reason),
    outbound: { enforce: config.outbound.enforce, allowed: parseRanges(config.outbound.allowedRanges) },
  });
  const spool = new LocalRecordingStorage(path.join(config.dataDir, 'recordings'));
  const uploader = config.objectStorage
    ? new SegmentUploader({
        client: createS3Client(config.objectStorage.s3),
        store: new UploadStore(recordingSql, config.nodeId),
        spool,
        log,
        opts: { bucket: config.objectStorage.s3.bucket, ...config.objectStorage },
      })
    : undefined;
  recording = new RecordingService({
    upstreams,
    nodeStore: store,
    store: new RecordingStore(recordingSql, config.nodeId),
    healthStore: new HealthStore(sql, config.nodeId),
    storage: spool,
    log,
    opts: config.recording,
  });
  const usedTokens = new UsedTokens();
  const deps = { nodeId: config.nodeId, keys: [tokenKey], store, upstreams, log, usedTokens, viewers };
  const nvr = nvrPlayback({
    sql,
    nodeId: config.nodeId,
    keys: cameraKeys,
    log,
    idleGraceMs: config.idleGraceMs,
    dataTimeoutMs: config.recording.watchdogMs,
    outbound: { enforce: config.outbound.enforce, allowed: parseRanges(config.outbound.allowedRanges) },
  });
  const hls = new HlsService({ ...deps, sql }, { idleMs: config.hls.idleMs, checkMs: config.sessionCheckMs });

  const metrics = createNodeMetrics({ nodeId: config.nodeId, upstreams, viewers, recording, uploader });
  const server = http.createServer((req, res) => {
    const url = req.url?.split('?')[0];
    if (url && hls.handles(url)) return hls.handle(req, res);
    if (req.method === 'GET' && url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ ok: true, node: config.nodeId }));
      return;
    }
    const monitoring = req.method === 'GET' && (url === '/stats' || url === '/metrics');
    if (monitoring && !mayReadMetrics(readerOf(req), config.metricsToken)) {
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'FORBIDDEN' }));
      return;
    }
    if (req.method === 'GET' && url === '/stats') {
      // Counts only (no camera ids, no users): for monitoring, tests and the benchmark.
      const rtspSessions = [...upstreams.sessionsByCamera.values()].reduce((a, b) => a + b, 0);
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(
        JSON.stringify({
          node: config.nodeId,
          upstreams: upstreams.stats.open,
          viewers: viewers.size,
          clientsStarted: upstreams.stats.clientsStarted,
          clientsStopped: upstreams.stats.clientsStopped,
          rtspSessions,
          rssBytes: process.memoryUsage().rss,
          cpu: process.cpuUsage(),
          ...nodeTotals(upstreams, recording),
          ...(uploader ? { upload: uploader.stats } : {}),
        }),
      );
      return;
    }
    if (req.method === 'GET' && url === '/metrics') {
      metrics.metrics().then(
        (body) => res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(body),
        () => res.writeHead(500).end(),
      );
      return;
    }
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    const path = req.url?.split('?')[0] ?? '';
    const m = UUID.exec(path);
    if (!m && path !== '/live') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.binaryType = 'nodebuffer';
      const s = (ws as unknown as { _socket?: import('node:net').Socket })._socket;
      s?.setNoDelay(true);
      if (!m) serveMuxSocket(ws, clientOrigin(req), deps);
      else serveViewerSocket(ws, m[2]!, clientOrigin(req), m[1] === 'playback' ? { ...deps, source: nvr.source } : deps);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const push = config.push ? await startPushListener({ ...config.push, store, upstreams, keys: cameraKeys, log }) : undefined;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const publicUrl = config.publicUrl ?? url;

  await store.closeStaleViews();
  const epoch = await store.join({ publicUrl, region: config.region, capacity: config.capacity });
  const stable = new StableLease(config.leaseSeconds * 1000);
  stable.renewed(Date.now());
  let draining = false;
  const policy = { defaultOn: config.recording.defaultOn, monitorAll: config.recording.monitorAll };

  let beating = false;
  const beat = async () => {
    if (beating) return;
    beating = true;
    try {
      // The node's lease: its one steady-state write (ADR 0013).
      const hb = await store.heartbeat(upstreams.stats.open, viewers.size);
      if (hb === 'replaced') {
        log.error({ node: config.nodeId, epoch }, 'another process took this node id: stopping every camera');
        await upstreams.stopAll('lease_lost');
        return;
      }
      stable.renewed(Date.now());
      if (hb === 'draining' && !draining) {
        draining = true;
        for (const id of recording!.recorders.keys()) recording!.hold(id);
      }
      // What we own (a camera no longer eligible to stream is released here: issue 18), and of it what we hold without a viewer.
      // Cameras served are read before ownership: one a viewer takes meanwhile is not "lost".
      const served = upstreams.cameraIds;
      const { owned, wanted, handingOver } = await store.ownership(policy);
      const plan = planRenewal(served, owned.keys());
      // Handed over make-before-break: a recorded camera stops once the new owner records (or its window closed).
      const successorUp = new Set(await store.successorRecording(plan.lost.filter((c) => handingOver.has(c))));
      for (const cam of plan.lost) {
        recording!.hold(cam);
        if (handingOver.has(cam) && recording!.recorders.has(cam) && !successorUp.has(cam)) continue;
        log.warn(
          { camera: cam, handover: handingOver.has(cam) },
          'lease lost: another node owns the camera, or it is no longer eligible to stream',
        );
        await upstreams.stop(cam, 'lease_lost');
      }
      await store.touchViews([...viewers].map((v) => v.viewId).filter((x): x is string => !!x));
      await nvr.touch();
      const mayTakeExpired = stable.mayTakeExpired(Date.now());
      if (mayTakeExpired) await store.clearOrphanedLeases();
      await recording!.tick({ owned, wanted, mayTakeExpired, draining, handingOver });
    } catch (err) {
      stable.failed(); // any statement of the heartbeat failed: maybe a database outage
      log.warn({ err }, 'heartbeat failed');
    } finally {
      beating = false;
    }
  };
  let checking = false;
  const checkSessions = async () => {
    if (checking || viewers.size === 0) return;
    checking = true;
    try {
      const sids = [...new Set([...viewers].map((v) => v.sessionId).filter((x): x is string => !!x))];
      const live = await store.liveSessions(sids);
      for (const v of [...viewers]) if (v.sessionId && !live.has(v.sessionId)) v.end('sessionEnded', 'session ended');
    } catch (err) {
      log.warn({ err }, 'session check failed');
    } finally {
      checking = false;
    }
  };
  const hb = setInterval(() => void beat(), config.heartbeatMs);
  uploader?.start();
  const sc = setInterval(() => void checkSessions(), config.sessionCheckMs);
  log.info({ node: config.nodeId, url, publicUrl, database: config.databaseUrl ? 'postgres' : 'gateway' }, 'media node up');

  return {
    id: config.nodeId,
    url,
    publicUrl,
    upstreams,
    viewers,
    recording,
    uploader,
    push,
    hls,
    async drain(timeoutMs = config.drainMs) {
      if (!draining) {
        for (const id of recording!.recorders.keys()) recording!.hold(id);
        await store.setDraining();
        draining = true;
      }
      // Alone (embedded mode, last node): nobody can take over, stop at once.
      if (!(await store.othersLive())) return;
      const until = Date.now() + timeoutMs;
      // Every camera held (recorded or only monitored) is taken over before the node stops.
      while (Date.now() < until && recording!.health.size > 0) await new Promise((r) => setTimeout(r, config.heartbeatMs / 2));
    },
    async stop() {
      await push?.close();
      await hls.close();
      clearInterval(hb);
      clearInterval(sc);
      for (const v of [...viewers]) v.end('upstreamFailed', 'node shutting down');
      for (const c of wss.clients) c.terminate();
      // Recorders first (after a heartbeat's tick in flight), so no segment opens while stopping.
      await recording!.stopAll();
      await upstreams.stopAll('shutdown');
      await uploader?.stop();
      await store.leave().catch(() => undefined);
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await sql.close();
      if (recordingSql !== sql) await recordingSql.close();
    },
  };
}
