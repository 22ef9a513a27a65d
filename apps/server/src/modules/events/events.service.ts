import type { CameraEvent, CameraEventKind, CameraEventQuery } from '@vigia/contracts';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cameras } from '../../db/tables/cameras.js';
import { cameraEvents } from '../../db/tables/events.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { playbackScope } from '../cameras/cameras.scope.js';

export interface NewCameraEvent {
  cameraId: string;
  kind: CameraEventKind;
  occurredAt: Date;
  actorUserId?: string | null;
  data?: Record<string, unknown> | null;
  /** Unique when set: a producer that runs twice records the event once. */
  dedupeKey?: string | null;
}

/** Records one event (inside the caller's transaction); false when its dedupe key was already used. */
export async function recordCameraEvent(db: Queryable, e: NewCameraEvent): Promise<boolean> {
  const rows = await db
    .insert(cameraEvents)
    .values({
      cameraId: e.cameraId,
      kind: e.kind,
      occurredAt: e.occurredAt,
      actorUserId: e.actorUserId ?? null,
      data: e.data ?? null,
      dedupeKey: e.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: cameraEvents.id });
  return rows.length > 0;
}

const causeLabel: Record<string, string> = {
  camera_unreachable: 'câmera inacessível',
  auth_failed: 'falha de autenticação na câmera',
  stream_stalled: 'vídeo parado',
  node_lost: 'nó de mídia sem comunicação',
};

/** The one-line pt-BR detail of an event, from its kind-specific data. */
function detailOf(kind: CameraEventKind, data: Record<string, unknown> | null): string | null {
  const d = data ?? {};
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  switch (kind) {
    case 'camera_down':
      return str('cause') ? `Causa: ${causeLabel[str('cause')!] ?? str('cause')}` : null;
    case 'camera_up':
      return typeof d.minutes === 'number' ? `Após ${d.minutes} min sem vídeo` : null;
    case 'ptz_takeover':
      return `${str('byName') ?? 'Operador'} assumiu o controle de ${str('fromName') ?? 'outro operador'}`;
    case 'view_changed':
      return typeof d.distance === 'number' ? `Imagem diferente da vista aprovada (distância ${d.distance} de 64)` : null;
    default:
      return str('topic') ? `Enviado pela câmera (${str('topic')})` : null;
  }
}

/** Back-office paths of an event: the camera live, and its recordings at the event's instant. */
export const eventLinks = (cameraId: string, at: Date) => ({
  live: `/app/operacoes/ao-vivo/${cameraId}`,
  playback: `/app/operacoes/gravacoes/${cameraId}?em=${encodeURIComponent(at.toISOString())}`,
});

function select(db: Queryable, where: SQL) {
  return db
    .select({ e: cameraEvents, cameraName: cameras.name, partnerName: partners.name })
    .from(cameraEvents)
    .innerJoin(cameras, eq(cameras.id, cameraEvents.cameraId))
    .leftJoin(partners, eq(partners.id, cameras.partnerId))
    .where(where);
}

type Row = Awaited<ReturnType<typeof select>>[number];
const toEvent = ({ e, cameraName, partnerName }: Row): CameraEvent => ({
  id: e.id,
  kind: e.kind,
  cameraId: e.cameraId,
  cameraName,
  partnerName: partnerName ?? null,
  occurredAt: e.occurredAt.toISOString(),
  detail: detailOf(e.kind, e.data),
  links: eventLinks(e.cameraId, e.occurredAt),
  images:
    e.kind === 'view_changed' && e.data?.referenceFile && e.data?.currentFile
      ? { reference: `/api/events/${e.id}/images/reference`, current: `/api/events/${e.id}/images/current` }
      : null,
});

/**
 * Cameras whose events a user sees: those whose recordings they may reach (an operator's areas, a
 * regional operator's region, a partner's own cameras) — an event links to playback, and other
 * partners' cameras open to the public are live-only for a partner (Art. 26 §2).
 */
const eventScope = (auth: AuthContext): SQL => playbackScope(auth);

/** Events of the cameras in the caller's scope (`eventScope`), newest first. */
export async function listCameraEvents(db: Queryable, auth: AuthContext, q: CameraEventQuery): Promise<CameraEvent[]> {
  const where = and(
    eventScope(auth),
    q.cameraId ? eq(cameraEvents.cameraId, q.cameraId) : undefined,
    q.kind ? eq(cameraEvents.kind, q.kind) : undefined,
    q.from ? gte(cameraEvents.occurredAt, new Date(q.from)) : undefined,
    q.to ? lt(cameraEvents.occurredAt, new Date(q.to)) : undefined,
  )!;
  const rows = await select(db, where).orderBy(desc(cameraEvents.occurredAt)).limit(q.limit);
  return rows.map(toEvent);
}

/** One event in scope, else 404 (an event of a camera out of scope does not exist for this user). */
export async function getCameraEvent(
  db: Queryable,
  auth: AuthContext,
  id: string,
): Promise<CameraEvent & { data: Record<string, unknown> }> {
  const [row] = await select(db, and(eq(cameraEvents.id, id), eventScope(auth))!).limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Evento não encontrado.');
  return { ...toEvent(row), data: row.e.data ?? {} };
}
