/**
 * RTSP publish server against a real publisher: ffmpeg pushes an H.264 clip over RTSP/TCP
 * (ANNOUNCE/SETUP/RECORD with Digest), plus hand-written hostile clients.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccessUnit } from '../src/access-unit';
import { parseWwwAuthenticate, RtspAuthenticator } from '../src/rtsp-auth';
import { PublishRefusedError, type PublishSink, type PublishTarget, RtspPublishServer } from '../src/rtsp-publish-server';
import { StreamHub } from '../src/stream-hub';

const run = promisify(execFile);
const CAM = '/push/0b9f1c4e-6f1a-4c1e-9d7e-1f2a3b4c5d6e';
const USER = 'cam';
const PASS = 'p4ss-w0rd';
let dir: string;
let clip: string;
let server: RtspPublishServer;
let port: number;
const procs: ChildProcess[] = [];
let received: AccessUnit[] = [];
let ended: string[] = [];
let opened = 0;
let refuse: PublishRefusedError | undefined;
const hub = new StreamHub();

const sink: PublishSink = {
  setParameterSets: (codec, ps) => hub.setParameterSets(codec, ps),
  pushAccessUnit: (au) => {
    received.push(au);
    hub.pushAccessUnit(au);
  },
  end: (reason) => ended.push(reason),
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'push-'));
  clip = path.join(dir, 'clip.h264');
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=320x240:rate=25',
    '-t',
    '2',
    '-c:v',
    'libx264',
    '-g',
    '25',
    '-bf',
    '0',
    '-pix_fmt',
    'yuv420p',
    clip,
  ]);
  server = new RtspPublishServer({
    maxInterleavedFrameBytes: 8 * 1024,
    idleTimeoutMs: 3000,
    lookup: (p): PublishTarget | undefined =>
      p === CAM
        ? {
            credentials: { username: USER, password: PASS },
            open: () => {
              if (refuse) throw refuse;
              opened++;
              return sink;
            },
          }
        : undefined,
  });
  port = (await server.listen(0, '127.0.0.1')).port;
});

afterEach(() => {
  for (const p of procs.splice(0)) p.kill('SIGKILL');
  received = [];
  ended = [];
  opened = 0;
  refuse = undefined;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function publish(url: string, transport = 'tcp'): { proc: ChildProcess; exit: Promise<number | null>; stderr: () => string } {
  const proc = spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-re',
      '-stream_loop',
      '-1',
      '-i',
      clip,
      '-c',
      'copy',
      '-f',
      'rtsp',
      '-rtsp_transport',
      transport,
      url,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  procs.push(proc);
  return { proc, exit: new Promise((r) => proc.on('exit', (code) => r(code))), stderr: () => err };
}

const until = async (cond: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Sends raw RTSP requests on one connection (TLS: rtsps, any certificate accepted) and collects answers. */
function rawClient(to = port, secure = false) {
  const socket = secure ? tls.connect({ port: to, host: '127.0.0.1', rejectUnauthorized: false }) : net.connect(to, '127.0.0.1');
  let data = '';
  socket.on('data', (d) => (data += d.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((r) => socket.on('close', () => r()));
  return {
    socket,
    closed,
    get data() {
      return data;
    },
    async request(text: string): Promise<string> {
      const before = data.length;
      socket.write(text);
      await until(() => data.slice(before).includes('\r\n\r\n'), 3000);
      return data.slice(before);
    },
  };
}

const SDP = 'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=x\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:streamid=0\r\n';

async function authorizedAnnounce(c: ReturnType<typeof rawClient>, to = port): Promise<string> {
  const url = `rtsp://127.0.0.1:${to}${CAM}`;
  const first = await c.request(
    `ANNOUNCE ${url} RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\nContent-Length: ${SDP.length}\r\n\r\n${SDP}`,
  );
  expect(first).toMatch(/^RTSP\/1.0 401/);
  const auth = new RtspAuthenticator(USER, PASS);
  auth.setChallenges(parseWwwAuthenticate(/WWW-Authenticate: (.*)\r\n/.exec(first)![1]!));
  const ok = await c.request(
    `ANNOUNCE ${url} RTSP/1.0\r\nCSeq: 2\r\nAuthorization: ${auth.authorize('ANNOUNCE', url)}\r\nContent-Type: application/sdp\r\nContent-Length: ${SDP.length}\r\n\r\n${SDP}`,
  );
  expect(ok).toMatch(/^RTSP\/1.0 200/);
  return /Session: (\w+)/.exec(ok)![1]!;
}

describe('RtspPublishServer', () => {
  it('ffmpeg publishes an H.264 clip: access units reach the sink and the hub muxes fMP4', async () => {
    const chunks: string[] = [];
    const sub = hub.subscribe({ send: (_c, kind) => chunks.push(kind), bufferedAmount: () => 0 });
    publish(`rtsp://${USER}:${PASS}@127.0.0.1:${port}${CAM}`);
    await until(() => received.filter((a) => a.keyframe).length >= 2);
    expect(opened).toBe(1);
    expect(received[0]!.codec).toBe('h264');
    expect(received.every((a) => a.data.length > 0)).toBe(true);
    expect(hub.track?.codecString).toMatch(/^avc1\./);
    expect(chunks[0]).toBe('init');
    expect(chunks.filter((k) => k === 'fragment').length).toBeGreaterThan(10);
    expect(server.stats.publishing).toBe(1);
    expect(server.active.has(CAM)).toBe(true);
    sub.unsubscribe();
    procs[0]!.kill('SIGINT'); // ffmpeg sends TEARDOWN
    await until(() => ended.length === 1);
    expect(server.stats.publishing).toBe(0);
  });

  it('wrong password → 401, ffmpeg fails and nothing is accepted', async () => {
    const p = publish(`rtsp://${USER}:wrong@127.0.0.1:${port}${CAM}`);
    expect(await p.exit).not.toBe(0);
    expect(p.stderr()).toMatch(/401|Unauthorized/i);
    expect(opened).toBe(0);
    expect(received).toHaveLength(0);
  });

  it('unknown camera → 404', async () => {
    const p = publish(`rtsp://${USER}:${PASS}@127.0.0.1:${port}/push/00000000-0000-0000-0000-000000000000`);
    expect(await p.exit).not.toBe(0);
    expect(p.stderr()).toMatch(/404|Not Found/i);
    const c = rawClient();
    const res = await c.request(
      `ANNOUNCE rtsp://127.0.0.1:${port}/push/nope RTSP/1.0\r\nCSeq: 1\r\nContent-Length: ${SDP.length}\r\n\r\n${SDP}`,
    );
    expect(res).toMatch(/^RTSP\/1.0 404/);
    await c.closed;
  });

  it('UDP transport → 461', async () => {
    const p = publish(`rtsp://${USER}:${PASS}@127.0.0.1:${port}${CAM}`, 'udp');
    expect(await p.exit).not.toBe(0);
    expect(p.stderr()).toMatch(/461|Unsupported/i);
    const c = rawClient();
    const session = await authorizedAnnounce(c);
    const res = await c.request(
      `SETUP rtsp://127.0.0.1:${port}${CAM}/streamid=0 RTSP/1.0\r\nCSeq: 3\r\nSession: ${session}\r\nTransport: RTP/AVP;unicast;client_port=5000-5001;mode=record\r\n\r\n`,
    );
    expect(res).toMatch(/^RTSP\/1.0 461/);
    c.socket.destroy();
    expect(opened).toBe(0);
  });

  it('a publish the application refuses (camera leased elsewhere) → 453 and closed', async () => {
    refuse = new PublishRefusedError(453, 'Not Enough Bandwidth');
    const c = rawClient();
    const session = await authorizedAnnounce(c);
    const setup = await c.request(
      `SETUP rtsp://127.0.0.1:${port}${CAM}/streamid=0 RTSP/1.0\r\nCSeq: 3\r\nSession: ${session}\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record\r\n\r\n`,
    );
    expect(setup).toMatch(/^RTSP\/1.0 200/);
    expect(setup).toMatch(/interleaved=0-1/);
    const rec = await c.request(`RECORD rtsp://127.0.0.1:${port}${CAM} RTSP/1.0\r\nCSeq: 4\r\nSession: ${session}\r\n\r\n`);
    expect(rec).toMatch(/^RTSP\/1.0 453/);
    await c.closed;
  });

  it('oversized interleaved frame → connection closed', async () => {
    const c = rawClient();
    const session = await authorizedAnnounce(c);
    await c.request(
      `SETUP rtsp://127.0.0.1:${port}${CAM}/streamid=0 RTSP/1.0\r\nCSeq: 3\r\nSession: ${session}\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record\r\n\r\n`,
    );
    const rec = await c.request(`RECORD rtsp://127.0.0.1:${port}${CAM} RTSP/1.0\r\nCSeq: 4\r\nSession: ${session}\r\n\r\n`);
    expect(rec).toMatch(/^RTSP\/1.0 200/);
    const frame = Buffer.alloc(4 + 60_000);
    frame[0] = 0x24;
    frame.writeUInt16BE(60_000, 2);
    c.socket.write(frame);
    await c.closed;
    await until(() => ended.length === 1);
    expect(ended[0]).toMatch(/interleaved frame/);
  });

  it('closes on an oversized SDP, on garbage and after repeated bad passwords', async () => {
    const big = rawClient();
    const sdp = 'a'.repeat(20_000);
    const res = await big.request(
      `ANNOUNCE rtsp://127.0.0.1:${port}${CAM} RTSP/1.0\r\nCSeq: 1\r\nContent-Length: ${sdp.length}\r\n\r\n${sdp}`,
    );
    expect(res).toMatch(/^RTSP\/1.0 413/);
    await big.closed;

    const garbage = rawClient();
    garbage.socket.write(Buffer.alloc(10_000, 0x01));
    await garbage.closed;

    const bad = rawClient();
    const url = `rtsp://127.0.0.1:${port}${CAM}`;
    for (let i = 0; i < 3; i++) {
      const challenge =
        i === 0 ? await bad.request(`ANNOUNCE ${url} RTSP/1.0\r\nCSeq: 9\r\nContent-Length: ${SDP.length}\r\n\r\n${SDP}`) : undefined;
      const auth = new RtspAuthenticator(USER, 'nope');
      auth.setChallenges(parseWwwAuthenticate(/WWW-Authenticate: (.*)\r\n/.exec(challenge ?? bad.data)![1]!));
      bad.socket.write(
        `ANNOUNCE ${url} RTSP/1.0\r\nCSeq: ${i + 10}\r\nAuthorization: ${auth.authorize('ANNOUNCE', url)}\r\nContent-Length: ${SDP.length}\r\n\r\n${SDP}`,
      );
      await new Promise((r) => setTimeout(r, 100));
    }
    await bad.closed;
    expect(bad.data.match(/RTSP\/1.0 401/g)!.length).toBe(4);
    expect(opened).toBe(0);
  });
});

describe('RtspPublishServer: limits across connections (per source address)', () => {
  let limited: RtspPublishServer;
  let limitedPort: number;
  let limitedTlsPort: number;
  let now = 0;
  const blocked: string[] = [];

  beforeAll(async () => {
    limited = new RtspPublishServer({
      addressAuthLimit: { maxFailures: 3, windowMs: 60_000, blockMs: 15 * 60_000 },
      maxUnauthenticated: 2,
      now: () => now,
      onAddressBlocked: (address) => blocked.push(address),
      lookup: (p): PublishTarget | undefined =>
        p === CAM ? { credentials: { username: USER, password: PASS }, open: () => sink } : undefined,
    });
    limitedPort = (await limited.listen(0, '127.0.0.1')).port;
    const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]);
    const context = tls.createSecureContext({ cert: readFileSync(cert), key: readFileSync(key) });
    limitedTlsPort = (await limited.listenTls(0, '127.0.0.1', { secureContext: () => context })).port;
  });
  afterAll(async () => {
    await limited?.close();
  });

  /** One connection: ANNOUNCE, then ANNOUNCE answering the Digest challenge with a wrong password. */
  async function wrongPassword(secure = false): Promise<ReturnType<typeof rawClient>> {
    const to = secure ? limitedTlsPort : limitedPort;
    const c = rawClient(to, secure);
    const url = `${secure ? 'rtsps' : 'rtsp'}://127.0.0.1:${to}${CAM}`;
    const challenge = await c.request(
      `ANNOUNCE ${url} RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\nContent-Length: ${SDP.length}\r\n\r\n${SDP}`,
    );
    const auth = new RtspAuthenticator(USER, 'senha-errada');
    auth.setChallenges(parseWwwAuthenticate(/WWW-Authenticate: (.*)\r\n/.exec(challenge)![1]!));
    const res = await c.request(
      `ANNOUNCE ${url} RTSP/1.0\r\nCSeq: 2\r\nAuthorization: ${auth.authorize('ANNOUNCE', url)}\r\nContent-Type: application/sdp\r\nContent-Length: ${SDP.length}\r\n\r\n${SDP}`,
    );
    expect(res).toMatch(/^RTSP\/1.0 401/);
    return c;
  }

  it('blocks an address after repeated wrong passwords, even with the right one, until the block ends', async () => {
    for (let i = 0; i < 3; i++) (await wrongPassword()).socket.destroy();
    expect(blocked).toEqual(['127.0.0.1']);
    expect(limited.stats).toMatchObject({ authFailures: 3, addressesBlocked: 1 });

    const refused = rawClient(limitedPort);
    await refused.closed; // closed at once, before any request
    expect(refused.data).toBe('');
    expect(limited.stats.connectionsBlocked).toBe(1);

    now += 15 * 60_000;
    const c = rawClient(limitedPort);
    await authorizedAnnounce(c, limitedPort);
    c.socket.destroy();
    await c.closed;
  });

  it('caps the connections that have not authenticated yet', async () => {
    const a = rawClient(limitedPort);
    const b = rawClient(limitedPort);
    await a.request('OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n');
    await b.request('OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n');
    const third = rawClient(limitedPort);
    await third.closed;
    expect(third.data).toBe('');

    await authorizedAnnounce(a, limitedPort); // a is no longer unauthenticated: room for one more
    const fourth = rawClient(limitedPort);
    expect(await fourth.request('OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n')).toMatch(/^RTSP\/1.0 200/);
    for (const c of [a, b, fourth]) c.socket.destroy();
    await Promise.all([a.closed, b.closed, fourth.closed]);
  });

  it('RTSPS shares the count: wrong passwords over TLS and plain RTSP block the address on both ports, before any TLS handshake', async () => {
    now += 60 * 60_000; // past the previous test's block and window
    const before = { ...limited.stats };
    (await wrongPassword(true)).socket.destroy();
    (await wrongPassword(true)).socket.destroy();
    (await wrongPassword(false)).socket.destroy();
    expect(limited.stats.authFailures - before.authFailures).toBe(3);
    expect(limited.stats.addressesBlocked - before.addressesBlocked).toBe(1);
    expect(limited.stats.tlsConnections - before.tlsConnections).toBe(2);

    const refused = rawClient(limitedTlsPort, true);
    let secured = false;
    refused.socket.on('secureConnect', () => (secured = true));
    await refused.closed;
    expect(secured).toBe(false);
    expect(limited.stats.connectionsBlocked - before.connectionsBlocked).toBe(1);
    expect(limited.stats.tlsConnections - before.tlsConnections).toBe(2); // refused before being wrapped in TLS

    now += 15 * 60_000;
    const c = rawClient(limitedTlsPort, true);
    await authorizedAnnounce(c, limitedTlsPort);
    c.socket.destroy();
    await c.closed;
  });
});
