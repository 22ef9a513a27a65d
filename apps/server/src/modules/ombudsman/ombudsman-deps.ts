import { createHash, randomBytes } from 'node:crypto';
import {
  type LegalClock,
  type ManifestationFollowUp,
  type ManifestationMessage,
  manifestationStatusLabels,
  OMBUDSMAN_ANSWER_DAYS,
  OMBUDSMAN_UNIT_ANSWER_DAYS,
  type OmbudsmanQueueItem,
} from '@vigia/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Clock } from '../../config/clock.js';
import type { Config } from '../../config/config.js';
import type { Db, Queryable } from '../../db/client.js';
import { ombudsmanManifestations, ombudsmanMessages } from '../../db/tables/ombudsman.js';
import { AppError } from '../../http/errors.js';
import type { Altcha } from '../accounts/altcha.js';
import { calendarDeadlineFrom } from '../calendar/business-days.js';
import { daysBetween, toCuiabaDate } from '../calendar/local-date.js';

export interface OmbudsmanDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'accountSecurity' | 'publicUrl'>;
  altcha: Altcha;
}

export type ManifestationRow = typeof ombudsmanManifestations.$inferSelect;

/**
 * Lei 13.460/2017 art. 16: the answer within 30 days of receipt, extendable once by an equal
 * period, counted as the platform counts every legal clock (Lei 9.784/1999 art. 66: calendar days,
 * the end on a non-business day moved to the next business day). The extended deadline is the
 * 60th day from receipt, so the move of the first end never shortens the second period.
 */
export const answerDueOn = (receivedOn: string, extended: boolean) =>
  calendarDeadlineFrom(receivedOn, extended ? 2 * OMBUDSMAN_ANSWER_DAYS : OMBUDSMAN_ANSWER_DAYS);

/** The internal unit answers the ombudsman within 20 days of the routing, once more by 20. */
export const unitDueOn = (routedOn: string, extended: boolean) =>
  calendarDeadlineFrom(routedOn, extended ? 2 * OMBUDSMAN_UNIT_ANSWER_DAYS : OMBUDSMAN_UNIT_ANSWER_DAYS);

/** Days before a deadline when staff (or the unit) get an e-mail reminder. */
export const REMINDER_DAYS_BEFORE = 5;

/** Anonymous manifestations per address per hour (shared database counter). */
export const ANONYMOUS_PER_HOUR = 5;
/** Manifestations per signed-in citizen per day. */
export const CITIZEN_PER_DAY = 10;
/** Public follow-ups and replies per address per minute. */
export const FOLLOW_UPS_PER_MINUTE = 30;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The access code of a manifestation (12 characters, ~60 bits) and the hash that is stored. */
export function newAccessCode(): { code: string; hash: string } {
  const code = Array.from(randomBytes(12), (x) => CODE_ALPHABET[x % CODE_ALPHABET.length]).join('');
  return { code, hash: hashAccessCode(code) };
}

export const hashAccessCode = (code: string) =>
  createHash('sha256')
    .update(
      `ombudsman:${code
        .trim()
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')}`,
    )
    .digest('hex');

export function clockOf(dueOn: string | null, today: string, extended: boolean, reason: string | null): LegalClock | null {
  if (!dueOn) return null;
  return { dueOn, daysLeft: daysBetween(today, dueOn), extended, extensionReason: reason };
}

export const today = (clock: Clock) => toCuiabaDate(clock.now());

export async function messagesOf(db: Queryable, manifestationId: string): Promise<ManifestationMessage[]> {
  const rows = await db
    .select()
    .from(ombudsmanMessages)
    .where(eq(ombudsmanMessages.manifestationId, manifestationId))
    .orderBy(asc(ombudsmanMessages.createdAt), asc(ombudsmanMessages.seq));
  return rows.map((m) => ({ from: m.author, text: m.text, at: m.createdAt.toISOString() }));
}

export async function loadManifestation(db: Queryable, id: string, forUpdate = false): Promise<ManifestationRow> {
  const q = db.select().from(ombudsmanManifestations).where(eq(ombudsmanManifestations.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('MANIFESTATION_NOT_FOUND');
  return row;
}

export async function toFollowUp(db: Queryable, r: ManifestationRow): Promise<ManifestationFollowUp> {
  return {
    id: r.id,
    protocol: r.protocol,
    kind: r.kind,
    identity: r.identity,
    status: r.status,
    statusLabel: manifestationStatusLabels[r.status],
    subject: r.subject,
    description: r.description,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    extended: r.extendedAt !== null,
    extensionReason: r.extensionReason,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    messages: await messagesOf(db, r.id),
  };
}

export function toQueueItem(r: ManifestationRow, on: string, lastFrom: 'citizen' | 'ombudsman' | null): OmbudsmanQueueItem {
  const open = r.status !== 'answered';
  return {
    id: r.id,
    protocol: r.protocol,
    kind: r.kind,
    identity: r.identity,
    status: r.status,
    subject: r.subject,
    receivedOn: r.receivedOn,
    clock: open ? clockOf(r.dueOn, on, r.extendedAt !== null, r.extensionReason) : null,
    unit: r.unit,
    unitClock: r.status === 'with_unit' ? clockOf(r.unitDueOn, on, r.unitExtensionReason !== null, r.unitExtensionReason) : null,
    citizenWaiting: lastFrom === 'citizen',
  };
}
