import type { PtzApprovedView, PtzStatus, PtzVelocityInput } from '@vigia/contracts';
import type { OnvifPtz } from '@vigia/media';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cameraPtz, ptzSessions } from '../../db/tables/ptz.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { type CameraRow, loadCamera, playbackScope, selfTestScope } from '../cameras/cameras.scope.js';
import { recordCameraEvent } from '../events/events.service.js';
import { command, type PtzDeps, ptzOf } from './ptz-device.js';
import { decideLock, ptzRank } from './ptz-lock.js';

type Session = typeof ptzSessions.$inferSelect;
const fmt = (d: Date) => d.toLocaleTimeString('pt-BR', { timeZone: 'America/Cuiaba' });
const authority = (a: Acting) => a.auth.roles.some((r) => r === 'operator' || r === 'regional_operator' || r === 'admin');

/**
 * A camera the caller may drive: in their playback scope (operators' areas, a regional operator's
 * region, a partner's own cameras; else 404). A partner never drives a program camera, and drives
 * its own only where the program allows it (PTZ_PARTNER_DRIVES_OWN).
 */
async function drivable(deps: PtzDeps, who: Acting, cameraId: string): Promise<CameraRow> {
  const camera = await loadCamera(deps.db, playbackScope(who.auth), cameraId);
  if (!authority(who)) {
    if (camera.kind === 'program_loan') throw new AppError('PTZ_NOT_ALLOWED');
    if (!deps.cfg.partnerDrivesOwn) throw new AppError('PTZ_NOT_ALLOWED', 'O programa não permite que parceiros comandem câmeras PTZ.');
  }
  return camera;
}

/** The PTZ service of a camera that reports one, recording whether it does; else PTZ_NOT_SUPPORTED. */
async function supportedPtz(deps: PtzDeps, camera: CameraRow): Promise<OnvifPtz> {
  const ptz = await ptzOf(deps, camera);
  const now = deps.clock.now();
  await deps.db
    .insert(cameraPtz)
    .values({ cameraId: camera.id, supported: ptz !== null, checkedAt: now })
    .onConflictDoUpdate({ target: cameraPtz.cameraId, set: { supported: ptz !== null, checkedAt: now } });
  if (!ptz) throw new AppError('PTZ_NOT_SUPPORTED');
  return ptz;
}

async function currentSession(tx: Tx | PtzDeps['db'], cameraId: string, forUpdate = false) {
  const q = tx
    .select({ state: cameraPtz, session: ptzSessions })
    .from(cameraPtz)
    .leftJoin(ptzSessions, eq(ptzSessions.id, cameraPtz.sessionId))
    .where(eq(cameraPtz.cameraId, cameraId));
  const [row] = forUpdate ? await q.for('update', { of: cameraPtz }) : await q;
  return row;
}

const lapsed = (deps: PtzDeps, s: Session | null | undefined, now: Date) =>
  !s || now.getTime() - s.lastActivityAt.getTime() >= deps.cfg.lockIdleMs;

/** Ends a move session and audits it (who, when, duration, moves, presets used, why it ended). */
export async function endSession(
  tx: Tx,
  actor: AuditActor,
  s: Session,
  at: Date,
  reason: 'released' | 'expired' | 'taken_over',
  by?: { id: string; name: string },
): Promise<void> {
  await tx
    .update(ptzSessions)
    .set({ endedAt: at, endReason: reason, takenOverBy: by?.id ?? null, takenOverByName: by?.name ?? null })
    .where(eq(ptzSessions.id, s.id));
  await tx
    .update(cameraPtz)
    .set({ sessionId: null })
    .where(and(eq(cameraPtz.cameraId, s.cameraId), eq(cameraPtz.sessionId, s.id)));
  await recordAudit(tx, actor, {
    action: 'ptz.session_ended',
    targetType: 'camera',
    targetId: s.cameraId,
    data: {
      sessionId: s.id,
      userId: s.userId,
      userName: s.userName,
      startedAt: s.startedAt.toISOString(),
      endedAt: at.toISOString(),
      durationSeconds: Math.round((at.getTime() - s.startedAt.getTime()) / 1000),
      moves: s.moves,
      presetsUsed: s.presetsUsed,
      reason,
      ...(by ? { takenOverBy: by.id, takenOverByName: by.name } : {}),
    },
  });
}

/** The camera's presets, or null when it reports no PTZ. */
async function presetsIfSupported(deps: PtzDeps, camera: CameraRow): Promise<PtzStatus['presets'] | null> {
  let ptz: OnvifPtz;
  try {
    ptz = await supportedPtz(deps, camera);
  } catch (err) {
    if (err instanceof AppError && err.code === 'PTZ_NOT_SUPPORTED') return null;
    throw err;
  }
  return command(camera, () => ptz.presets());
}

/** PTZ state for the caller: support, lock, who took it over from them, presets, approved preset. */
export async function ptzStatus(deps: PtzDeps, who: Acting, cameraId: string): Promise<PtzStatus> {
  const camera = await drivable(deps, who, cameraId);
  const presets = await presetsIfSupported(deps, camera);
  if (!presets) return { supported: false, lock: null, takenOverBy: null, presets: [], approvedPresetToken: null };
  const now = deps.clock.now();
  const row = await currentSession(deps.db, cameraId);
  const s = row?.session;
  const lock =
    s && !lapsed(deps, s, now)
      ? {
          holderName: s.userName,
          mine: s.userId === who.auth.user.id,
          since: s.startedAt.toISOString(),
          expiresAt: new Date(s.lastActivityAt.getTime() + deps.cfg.lockIdleMs).toISOString(),
        }
      : null;
  const [last] = await deps.db
    .select()
    .from(ptzSessions)
    .where(and(eq(ptzSessions.cameraId, cameraId), eq(ptzSessions.userId, who.auth.user.id)))
    .orderBy(desc(ptzSessions.startedAt))
    .limit(1);
  return {
    supported: true,
    lock,
    takenOverBy: last?.endReason === 'taken_over' && !lock?.mine ? last.takenOverByName : null,
    presets,
    approvedPresetToken: row?.state.approvedPresetToken ?? null,
  };
}

/**
 * Takes the camera's lock: free or lapsed → a new move session; mine → renewed; held by a lower
 * priority → taken over (the other session ends `taken_over`, naming who; a `ptz_takeover` event);
 * otherwise PTZ_LOCKED naming the holder.
 */
export async function acquireLock(deps: PtzDeps, who: Acting, cameraId: string): Promise<PtzStatus> {
  const camera = await drivable(deps, who, cameraId);
  await supportedPtz(deps, camera);
  const me = { id: who.auth.user.id, name: who.auth.user.name, rank: ptzRank(who.auth, deps.cfg.priority) };
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await currentSession(tx, cameraId, true);
    const held = row?.session && !row.session.endedAt ? row.session : null;
    const decision = decideLock(held, { userId: me.id, rank: me.rank }, now, deps.cfg.lockIdleMs);
    if (decision === 'refuse')
      throw new AppError('PTZ_LOCKED', `${held!.userName} está controlando esta câmera desde ${fmt(held!.startedAt)}.`);
    if (decision === 'keep') {
      await tx.update(ptzSessions).set({ lastActivityAt: now }).where(eq(ptzSessions.id, held!.id));
      return;
    }
    if (held) {
      if (decision === 'take_over') await endSession(tx, who.actor, held, now, 'taken_over', me);
      else await endSession(tx, who.actor, held, now, 'expired');
    }
    const [s] = await tx
      .insert(ptzSessions)
      .values({ cameraId, userId: me.id, userName: me.name, rank: me.rank, startedAt: now, lastActivityAt: now })
      .returning();
    await tx.update(cameraPtz).set({ sessionId: s!.id, lastActivityAt: now }).where(eq(cameraPtz.cameraId, cameraId));
    await recordAudit(tx, who.actor, {
      action: decision === 'take_over' ? 'ptz.taken_over' : 'ptz.session_started',
      targetType: 'camera',
      targetId: cameraId,
      data: {
        sessionId: s!.id,
        rank: me.rank,
        ...(decision === 'take_over' ? { fromUserId: held!.userId, fromName: held!.userName } : {}),
      },
    });
    if (decision === 'take_over')
      await recordCameraEvent(tx, {
        cameraId,
        kind: 'ptz_takeover',
        occurredAt: now,
        actorUserId: me.id,
        data: { byName: me.name, fromName: held!.userName, sessionId: s!.id },
        dedupeKey: `ptz:${s!.id}:takeover`,
      });
  });
  return ptzStatus(deps, who, cameraId);
}

/** Releases the caller's lock (nothing when they do not hold it). */
export async function releaseLock(deps: PtzDeps, who: Acting, cameraId: string): Promise<void> {
  await drivable(deps, who, cameraId);
  await deps.db.transaction(async (tx) => {
    const row = await currentSession(tx, cameraId, true);
    const s = row?.session;
    if (s && s.userId === who.auth.user.id && !s.endedAt) await endSession(tx, who.actor, s, deps.clock.now(), 'released');
  });
}

/**
 * Runs one command for the lock holder (else PTZ_LOCK_REQUIRED, or PTZ_LOCKED naming who drives),
 * then counts it in the move session and keeps the lock alive.
 */
async function drive<T>(
  deps: PtzDeps,
  who: Acting,
  cameraId: string,
  work: (ptz: OnvifPtz, camera: CameraRow) => Promise<T>,
  note: { move?: boolean; preset?: string; away?: boolean } = {},
): Promise<T> {
  const camera = await drivable(deps, who, cameraId);
  const row = await currentSession(deps.db, cameraId);
  const s = row?.session;
  const now = deps.clock.now();
  if (!s || s.endedAt || lapsed(deps, s, now)) throw new AppError('PTZ_LOCK_REQUIRED');
  if (s.userId !== who.auth.user.id) throw new AppError('PTZ_LOCKED', `${s.userName} assumiu o controle desta câmera.`);
  const ptz = await supportedPtz(deps, camera);
  const result = await command(camera, () => work(ptz, camera));
  const at = deps.clock.now();
  await deps.db
    .update(ptzSessions)
    .set({
      lastActivityAt: at,
      moves: sql`${ptzSessions.moves} + ${note.move ? 1 : 0}`,
      ...(note.preset ? { presetsUsed: sql`${ptzSessions.presetsUsed} || ${JSON.stringify([note.preset])}::jsonb` } : {}),
    })
    .where(eq(ptzSessions.id, s.id));
  await deps.db
    .update(cameraPtz)
    .set({ lastActivityAt: at, ...(note.away !== undefined ? { awayFromApproved: note.away } : {}) })
    .where(eq(cameraPtz.cameraId, cameraId));
  return result;
}

export const ptzMove = (deps: PtzDeps, who: Acting, cameraId: string, v: PtzVelocityInput) =>
  drive(deps, who, cameraId, (p) => p.continuousMove(v), { move: true, away: true });
export const ptzStop = (deps: PtzDeps, who: Acting, cameraId: string) => drive(deps, who, cameraId, (p) => p.stop());
export const ptzHome = (deps: PtzDeps, who: Acting, cameraId: string) =>
  drive(deps, who, cameraId, (p) => p.gotoHome(), { move: true, away: true });

export async function ptzGotoPreset(deps: PtzDeps, who: Acting, cameraId: string, token: string): Promise<void> {
  const approved = (await currentSession(deps.db, cameraId))?.state.approvedPresetToken;
  await drive(deps, who, cameraId, (p) => p.gotoPreset(token), { move: true, preset: token, away: token !== approved });
}

export async function ptzSetPreset(deps: PtzDeps, who: Acting, cameraId: string, name: string): Promise<{ token: string }> {
  const token = await drive(deps, who, cameraId, (p) => p.setPreset(name));
  await deps.db.transaction((tx) =>
    recordAudit(tx, who.actor, { action: 'ptz.preset_saved', targetType: 'camera', targetId: cameraId, data: { token, name } }),
  );
  return { token };
}

export async function ptzRemovePreset(deps: PtzDeps, who: Acting, cameraId: string, token: string): Promise<void> {
  const approved = (await currentSession(deps.db, cameraId))?.state.approvedPresetToken;
  if (token === approved) throw new AppError('INVALID_STATE', 'Este preset é a vista aprovada da câmera e não pode ser removido.');
  await drive(deps, who, cameraId, (p) => p.removePreset(token));
  await deps.db.transaction((tx) =>
    recordAudit(tx, who.actor, { action: 'ptz.preset_removed', targetType: 'camera', targetId: cameraId, data: { token } }),
  );
}

/** Registers the preset of the camera's approved view (admin, committee); it must exist on the camera. */
/** The approved view for the committee and admins: the camera's presets and the registered one (no lock needed). */
export async function approvedView(deps: PtzDeps, who: Acting, cameraId: string): Promise<PtzApprovedView> {
  const camera = await loadCamera(deps.db, selfTestScope(who.auth), cameraId);
  const presets = await presetsIfSupported(deps, camera);
  if (!presets) return { supported: false, presets: [], approvedPresetToken: null };
  const row = await currentSession(deps.db, cameraId);
  return { supported: true, presets, approvedPresetToken: row?.state.approvedPresetToken ?? null };
}

export async function setApprovedPreset(deps: PtzDeps, who: Acting, cameraId: string, token: string): Promise<void> {
  const camera = await loadCamera(deps.db, selfTestScope(who.auth), cameraId);
  const ptz = await supportedPtz(deps, camera);
  const presets = await command(camera, () => ptz.presets());
  if (!presets.some((p) => p.token === token))
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'token', message: 'Preset inexistente na câmera.' }]);
  await deps.db.transaction(async (tx) => {
    await tx.update(cameraPtz).set({ approvedPresetToken: token }).where(eq(cameraPtz.cameraId, cameraId));
    await recordAudit(tx, who.actor, { action: 'ptz.approved_preset_set', targetType: 'camera', targetId: cameraId, data: { token } });
  });
}
