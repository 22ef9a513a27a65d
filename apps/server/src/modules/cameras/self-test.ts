import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type CameraSelfTest, type SelfTestStep, type SelfTestStepKey, selfTestStepLabels } from '@vigia/contracts';
import { discoverStreamUri, isOnvifError, isRtspError, type OnvifStreamUri, probeRtsp } from '@vigia/media';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Queryable } from '../../db/client.js';
import { cameraSelfTests, cameras } from '../../db/tables/cameras.js';
import { AppError } from '../../http/errors.js';
import { captureSnapshot } from '../../media-tools/ffmpeg.adapter.js';
import { buildRtspUrl } from '../../media-tools/snapshot-args.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { type CameraRow, loadCamera, selfTestScope } from './cameras.scope.js';
import { type CameraDeps, openCredentials } from './cameras.service.js';
import { checkOutbound } from './outbound-guard.js';

/** What the installer should do about each failure (guide §05). */
export const selfTestHints: Record<string, string> = {
  dns_failed: 'Endereço não resolvido (DNS): confira o nome DDNS e se o serviço DDNS da câmera ou do roteador está ativo.',
  blocked_address: 'Endereço privado ou reservado não permitido: informe o IP público ou o nome DDNS da câmera.',
  rtsp_port_closed: 'Porta RTSP fechada ou bloqueada no roteador: confira o redirecionamento de portas (NAT) e o firewall.',
  http_port_closed: 'Porta HTTP fechada ou bloqueada no roteador: confira o redirecionamento de portas (NAT) e o firewall.',
  RTSP_CONNECT_FAILED: 'Porta RTSP fechada ou bloqueada no roteador: confira o redirecionamento de portas (NAT) e o firewall.',
  RTSP_HOST_NOT_FOUND: 'Endereço não resolvido (DNS): confira o nome DDNS.',
  RTSP_AUTH_FAILED: 'Usuário ou senha da câmera incorretos: confira as credenciais cadastradas.',
  RTSP_NOT_FOUND: 'Caminho RTSP não encontrado: confira o caminho do fluxo no manual do fabricante (ex.: /Streaming/Channels/101).',
  RTSP_TIMEOUT: 'A câmera não respondeu a tempo: verifique a conexão de internet e a banda de envio (upload) do local.',
  RTSP_UNSUPPORTED_CODEC: 'Codec de vídeo não suportado: configure a câmera para H.264 ou H.265.',
  RTSP_UNSUPPORTED_TRANSPORT: 'A câmera não aceita RTSP sobre TCP: habilite o transporte TCP na configuração da câmera.',
  rtsp_failed: 'A câmera respondeu de forma inesperada ao RTSP: confira o firmware e a configuração do fluxo.',
  ONVIF_UNREACHABLE:
    'ONVIF não responde na porta HTTP: habilite o ONVIF na câmera e confira se a porta HTTP cadastrada é a do serviço ONVIF e está redirecionada no roteador.',
  ONVIF_TIMEOUT:
    'ONVIF não respondeu a tempo na porta HTTP: verifique a conexão de internet do local e se a porta HTTP leva mesmo à câmera.',
  ONVIF_NOT_SUPPORTED:
    'A porta HTTP responde, mas não como ONVIF: habilite o ONVIF (Perfil S) na câmera ou escolha a origem do fluxo "caminho RTSP".',
  ONVIF_AUTH_FAILED:
    'ONVIF recusou a senha: confira o usuário e a senha (em algumas câmeras o usuário ONVIF é cadastrado à parte, no menu ONVIF) e se o relógio da câmera está certo.',
  ONVIF_NO_PROFILE:
    'A câmera não tem perfil de vídeo ONVIF: crie um perfil de mídia na configuração ONVIF da câmera ou use a origem "caminho RTSP".',
  ONVIF_BAD_RESPONSE: 'A câmera respondeu ao ONVIF de forma inesperada: atualize o firmware ou use a origem do fluxo "caminho RTSP".',
  snapshot_failed: 'Não foi possível capturar uma imagem da câmera: confira o fluxo de vídeo e tente novamente.',
  skipped: 'Etapa não executada porque uma etapa anterior falhou.',
};

const TCP_TIMEOUT_MS = 3000;

export function tcpReachable(address: string, port: number, timeoutMs = TCP_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function step<T>(
  key: SelfTestStepKey,
  steps: SelfTestStep[],
  work: () => Promise<{ ok: true; value: T } | { ok: false; code: string }>,
): Promise<T | undefined> {
  const started = Date.now();
  const r = await work();
  steps.push({
    key,
    label: selfTestStepLabels[key],
    outcome: r.ok ? 'ok' : 'fail',
    durationMs: Date.now() - started,
    code: r.ok ? null : r.code,
    hint: r.ok ? null : (selfTestHints[r.code] ?? selfTestHints.rtsp_failed!),
  });
  return r.ok ? r.value : undefined;
}

const skip = (key: SelfTestStepKey, steps: SelfTestStep[]) =>
  steps.push({ key, label: selfTestStepLabels[key], outcome: 'skipped', durationMs: 0, code: 'skipped', hint: selfTestHints.skipped! });

export const snapshotDir = (dataDir: string) => path.join(dataDir, 'camera-snapshots');

type SelfTestRow = typeof cameraSelfTests.$inferSelect;
const toSelfTest = (r: SelfTestRow): CameraSelfTest => ({
  id: r.id,
  cameraId: r.cameraId,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt.toISOString(),
  ok: r.ok,
  steps: r.steps,
  stream: r.stream ?? null,
  hasSnapshot: r.snapshotFile !== null,
});

/**
 * The installer self-test (guide §05): DNS + SSRF guard, TCP reachability of the RTSP and HTTP
 * ports, (ONVIF cameras) the stream URI the camera reports, an RTSP session with the stored
 * credentials up to the first keyframe, and one JPEG via
 * ffmpeg. Network work happens outside any transaction; the result, the camera status and the
 * audit row are written together afterwards.
 */
export async function runSelfTest(
  deps: CameraDeps,
  auth: AuthContext,
  actor: AuditActor,
  cameraId: string,
  log: Logger,
): Promise<CameraSelfTest> {
  const camera: CameraRow = await loadCamera(deps.db, selfTestScope(auth), cameraId);
  const credentials = openCredentials(deps.keys, camera);
  const startedAt = new Date();
  const steps: SelfTestStep[] = [];
  let stream: SelfTestRow['stream'] = null;
  let jpeg: Buffer | null = null;

  const addresses = await step('dns', steps, async () => {
    const v = await checkOutbound(camera.host, deps.outbound);
    return v.ok ? { ok: true, value: v.addresses } : { ok: false, code: v.reason };
  });
  const address = addresses?.[0];
  const onvif = camera.streamSource === 'onvif';
  if (!address) {
    for (const k of ['rtsp_port', 'http_port', ...(onvif ? (['onvif'] as const) : []), 'rtsp_stream', 'snapshot'] as const) skip(k, steps);
  } else {
    const [rtspOpen, httpOpen] = await Promise.all([tcpReachable(address, camera.rtspPort), tcpReachable(address, camera.httpPort)]);
    await step('rtsp_port', steps, async () => (rtspOpen ? { ok: true, value: true } : { ok: false, code: 'rtsp_port_closed' }));
    await step('http_port', steps, async () => (httpOpen ? { ok: true, value: true } : { ok: false, code: 'http_port_closed' }));
    // ONVIF: the stream URI the camera reports, on the checked address and HTTP port; only its
    // path is used, with the registered host and RTSP port (docs/cameras.md "ONVIF").
    let discovered: OnvifStreamUri | undefined;
    if (onvif && !httpOpen) skip('onvif', steps);
    else if (onvif) {
      discovered = await step('onvif', steps, async () => {
        try {
          const r = await discoverStreamUri({
            address,
            port: camera.httpPort,
            hostHeader: camera.host,
            ...(credentials ? { username: credentials.username, password: credentials.password } : {}),
            timeoutMs: 5000,
          });
          log.info({ cameraId, profile: r.profile.token }, 'camera self-test: ONVIF stream URI found');
          return { ok: true, value: r };
        } catch (err) {
          log.warn(
            { cameraId, code: isOnvifError(err) ? err.code : 'unknown', err: isOnvifError(err) ? err.message : undefined },
            'camera self-test: ONVIF discovery failed',
          );
          return { ok: false, code: isOnvifError(err) ? err.code : 'ONVIF_BAD_RESPONSE' };
        }
      });
    }
    if (!rtspOpen || (onvif && !discovered)) {
      skip('rtsp_stream', steps);
      skip('snapshot', steps);
    } else {
      const target = { address, port: camera.rtspPort, path: discovered?.path ?? camera.rtspPath, credentials };
      const probed = await step('rtsp_stream', steps, async () => {
        try {
          const r = await probeRtsp({
            url: buildRtspUrl({ ...target, credentials: null }),
            ...(credentials ? { username: credentials.username, password: credentials.password } : {}),
            connectTimeoutMs: TCP_TIMEOUT_MS,
            requestTimeoutMs: 5000,
            dataTimeoutMs: 5000,
            timeoutMs: 8000,
          });
          return { ok: true, value: r };
        } catch (err) {
          log.warn({ cameraId, code: isRtspError(err) ? err.code : 'unknown' }, 'camera self-test: RTSP probe failed');
          return { ok: false, code: isRtspError(err) ? err.code : 'rtsp_failed' };
        }
      });
      if (probed) {
        stream = {
          codec: probed.codec,
          codecString: probed.codecString,
          width: probed.width,
          height: probed.height,
          fps: probed.fps ?? null,
          bitrateKbps: null,
        };
        jpeg =
          (await step('snapshot', steps, async () => {
            const shot = await captureSnapshot(target, log.child({ cameraId }));
            return shot.ok && shot.jpeg ? { ok: true, value: shot.jpeg } : { ok: false, code: 'snapshot_failed' };
          })) ?? null;
      } else {
        skip('snapshot', steps);
      }
    }
  }

  const id = randomUUID();
  let snapshotFile: string | null = null;
  if (jpeg) {
    fs.mkdirSync(snapshotDir(deps.dataDir), { recursive: true, mode: 0o700 });
    snapshotFile = `${id}.jpg`;
    fs.writeFileSync(path.join(snapshotDir(deps.dataDir), snapshotFile), jpeg, { mode: 0o600 });
  }
  const ok = steps.every((s) => s.outcome === 'ok');
  const finishedAt = new Date();
  const row = await deps.db.transaction(async (tx) => {
    // The camera may have been deleted meanwhile; then the run is not stored.
    const [still] = await tx.select({ status: cameras.status }).from(cameras).where(eq(cameras.id, cameraId)).for('update');
    if (!still) throw new AppError('NOT_FOUND', 'Câmera não encontrada.');
    const [inserted] = await tx
      .insert(cameraSelfTests)
      .values({ id, cameraId, startedAt, finishedAt, ok, steps, stream, snapshotFile, requestedBy: auth.user.id })
      .returning();
    const status = still.status === 'disabled' ? 'disabled' : ok ? 'online' : 'offline';
    await tx.update(cameras).set({ status, lastSelfTestAt: finishedAt }).where(eq(cameras.id, cameraId));
    await recordAudit(tx, actor, {
      action: 'camera.self_test',
      targetType: 'camera',
      targetId: cameraId,
      data: { selfTestId: id, ok, status, failed: steps.filter((s) => s.outcome === 'fail').map((s) => `${s.key}:${s.code}`) },
    });
    return inserted!;
  });
  return toSelfTest(row);
}

export async function listSelfTests(db: Queryable, auth: AuthContext, cameraId: string): Promise<CameraSelfTest[]> {
  await loadCamera(db, selfTestScope(auth), cameraId);
  const rows = await db
    .select()
    .from(cameraSelfTests)
    .where(eq(cameraSelfTests.cameraId, cameraId))
    .orderBy(desc(cameraSelfTests.startedAt))
    .limit(100);
  return rows.map(toSelfTest);
}

export async function readSnapshot(deps: CameraDeps, auth: AuthContext, cameraId: string, testId: string): Promise<Buffer> {
  await loadCamera(deps.db, selfTestScope(auth), cameraId);
  const [row] = await deps.db
    .select({ file: cameraSelfTests.snapshotFile })
    .from(cameraSelfTests)
    .where(and(eq(cameraSelfTests.id, testId), eq(cameraSelfTests.cameraId, cameraId)))
    .limit(1);
  if (!row?.file) throw new AppError('NOT_FOUND', 'Imagem do autoteste não encontrada.');
  try {
    return fs.readFileSync(path.join(snapshotDir(deps.dataDir), path.basename(row.file)));
  } catch {
    throw new AppError('NOT_FOUND', 'Imagem do autoteste não encontrada.');
  }
}
