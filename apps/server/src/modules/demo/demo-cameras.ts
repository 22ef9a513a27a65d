import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type OnvifResponder, startOnvifResponder } from '@vigia/media';
import { and, eq, like } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/client.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { cameras } from '../../db/tables/cameras.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import { loadCameraKeys } from '../cameras/camera-keys.js';
import { sealCredentials } from '../cameras/cameras.service.js';
import { demoEmail } from './demo.seed.js';
import { authoriseDemoCameras } from './demo-camera-points.js';

const simulatorScript = path.resolve(new URL('../../../../../packages/media/tools/camera-simulator.py', import.meta.url).pathname);
const DEMO_PREFIX = 'Câmera de demonstração ';
/** The simulated PTZ camera's preset at its installed position, offered to the committee as the approved view. */
export const DEMO_PTZ_PRESET = { token: 'vista-aprovada', name: 'Vista aprovada (instalação)' };

/**
 * DEMO_CAMERAS=N (with DEMO=1): starts the GStreamer camera simulator on loopback (one port per
 * camera, since cameras behind one address need distinct ports) and registers — or re-points, on
 * later starts — N demo cameras of the demo partner, with sealed credentials, in Cuiabá. The
 * simulator also answers the Hikvision NVR playback path of channel 1, so a demo camera given the
 * Hikvision NVR preset can play "NVR" footage (Art. 25 §2). With DEMO_PTZ one more camera ("… PTZ")
 * answers ONVIF PTZ through the simulated device of @vigia/media, whose moves pan and zoom the
 * simulator's picture; its installed position is saved as a preset for the committee to approve.
 */
export async function startDemoCameras(db: Db, config: Config, log: Logger): Promise<{ stop(): Promise<void> }> {
  const n = config.media.demoCameras;
  const ptzCount = config.media.demoPtz ? 1 : 0;
  const user = 'demo';
  const password = 'demo-camera-secret';
  const python = process.env.VIGIA_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const child: ChildProcess = spawn(
    python,
    // The extra mount stands in for the partner's NVR (Hikvision playback path of channel 1) on every port.
    [
      simulatorScript,
      '--address',
      '127.0.0.1',
      '--port',
      '0',
      '--count',
      String(n),
      '--extra-ports',
      String(n - 1 + ptzCount),
      '--ptz-count',
      String(ptzCount),
      '--user',
      user,
      '--password',
      password,
      '--size',
      '640x360',
      '--bitrate',
      '600',
      '--mount',
      '/Streaming/tracks/101',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const ports = await new Promise<number[]>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('camera simulator did not start in 120 s')), 120_000);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const extra = /PORTS ([\d ]+)\n/.exec(out);
        resolve([Number(m[1]), ...(extra ? extra[1]!.trim().split(' ').map(Number) : [])]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`camera simulator exited (${code}); install gstreamer1.0-rtsp, python3-gi, gir1.2-gst-rtsp-server-1.0`));
    });
  });
  const keys = loadCameraKeys(config);
  const [partner] = await db
    .select({ partnerId: roleGrants.partnerId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(users.email, demoEmail('partner_user')), eq(roleGrants.role, 'partner_user')))
    .limit(1);
  if (!partner?.partnerId) throw new Error('DEMO_CAMERAS needs the demo data (DEMO=1)');
  const partnerId = partner.partnerId;
  let onvif: OnvifResponder | null = null;
  if (ptzCount)
    onvif = await startOnvifResponder({
      username: user,
      password,
      streamPath: '/ptz1',
      lanAddress: '127.0.0.1',
      ptz: {
        onPosition: (p) => child.stdin?.write(`PTZ 1 ${p.pan.toFixed(4)} ${p.tilt.toFixed(4)} ${p.zoom.toFixed(4)}\n`),
      },
    });
  onvif?.presets.set(DEMO_PTZ_PRESET.token, { name: DEMO_PTZ_PRESET.name, position: { pan: 0, tilt: 0, zoom: 0 } });
  const specs = Array.from({ length: n }, (_, i) => ({
    name: `${DEMO_PREFIX}${i + 1}`,
    rtspPort: ports[i]!,
    httpPort: 40_000 + i + 1,
    rtspPath: `/cam${i + 1}`,
  }));
  if (onvif) specs.push({ name: `${DEMO_PREFIX}PTZ`, rtspPort: ports[n]!, httpPort: onvif.port, rtspPath: '/ptz1' });
  await db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(cameras)
      .where(and(eq(cameras.partnerId, partnerId), like(cameras.name, `${DEMO_PREFIX}%`)));
    // Free the ports first (the unique (host, port) indexes), then point each camera at its port.
    for (const c of existing)
      await tx
        .update(cameras)
        .set({ rtspPort: 1 + existing.indexOf(c), httpPort: 30_001 + existing.indexOf(c) })
        .where(eq(cameras.id, c.id));
    for (const [i, spec] of specs.entries()) {
      const k = i + 1;
      const { name } = spec;
      const row = existing.find((c) => c.name === name);
      const placement = { host: '127.0.0.1', rtspPort: spec.rtspPort, httpPort: spec.httpPort, rtspPath: spec.rtspPath };
      if (row) {
        await tx
          .update(cameras)
          .set({ ...placement, updatedAt: new Date() })
          .where(eq(cameras.id, row.id));
        continue;
      }
      const id = randomUUID();
      await tx.insert(cameras).values({
        id,
        partnerId,
        kind: 'partner_own',
        name,
        ...placement,
        credentials: sealCredentials(keys, id, { username: user, password }),
        latitude: -15.601 + k * 0.002,
        longitude: -56.097 - k * 0.002,
        municipalityIbge: '5103403',
        heading: (k * 40) % 360,
        fieldOfView: 90,
        mounting: 'pole',
        openToPublic: k === 1,
        status: 'online',
      });
      await recordAudit(tx, systemActor('demo-cameras'), {
        action: 'camera.created',
        targetType: 'camera',
        targetId: id,
        data: { demo: true, name, simulator: true },
      });
    }
    const demo = await tx
      .select({ id: cameras.id })
      .from(cameras)
      .where(and(eq(cameras.partnerId, partnerId), like(cameras.name, `${DEMO_PREFIX}%`)));
    if (
      !(await authoriseDemoCameras(
        tx,
        partnerId,
        demo.map((c) => c.id),
      ))
    )
      log.warn('demo cameras: the demo partner has no active cooperation term; the cameras will not stream');
  });
  log.info({ cameras: n, ptz: ptzCount, ports }, 'demo cameras: simulator running and cameras registered');
  return {
    async stop() {
      await onvif?.close();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
