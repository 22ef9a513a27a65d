import { createHash, randomBytes } from 'node:crypto';
import { type Complaint, type ComplaintPublic, complaintStatusLabels } from '@vigia/contracts';
import { and, count, desc, eq, gte } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { cooperationTerms } from '../../db/tables/accreditation.js';
import { complaints } from '../../db/tables/complaints.js';
import { partners } from '../../db/tables/partners.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import type { Clock } from '../calendar/clock.js';
import { toCuiabaDate } from '../calendar/local-date.js';
import { loadTerm } from '../obligations/cooperation-term.js';
import { mailAll, staffEmails } from '../obligations/recipients.js';

type ComplaintRow = typeof complaints.$inferSelect;

/** Public form limits: per client address, per hour. The address is kept only as a salted hash. */
export const COMPLAINTS_PER_HOUR = 5;
const PROTOCOL_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newProtocol(now: Date): string {
  const b = randomBytes(10);
  const code = Array.from(b, (x) => PROTOCOL_ALPHABET[x % PROTOCOL_ALPHABET.length]).join('');
  return `DEN-${toCuiabaDate(now).slice(0, 4)}-${code.slice(0, 5)}-${code.slice(5)}`;
}

const sourceHashOf = (ip: string, now: Date) =>
  createHash('sha256')
    .update(`complaint:${toCuiabaDate(now)}:${ip}`)
    .digest('hex');

/**
 * Art. 28 §2: any citizen may report irregularities, anonymously or identified. Returns only the
 * protocol. Limited per address (salted hash, never the address) and by size (schema + body limit).
 */
export async function fileComplaint(
  db: Db,
  clock: Clock,
  actor: AuditActor,
  ip: string,
  input: {
    anonymous: boolean;
    name?: string | undefined;
    email?: string | undefined;
    about: 'site' | 'partner';
    subject: string;
    municipalityIbge?: string | undefined;
    description: string;
  },
): Promise<{ protocol: string; message: string }> {
  const now = clock.now();
  const sourceHash = sourceHashOf(ip, now);
  return db.transaction(async (tx) => {
    const [recent] = await tx
      .select({ n: count() })
      .from(complaints)
      .where(and(eq(complaints.sourceHash, sourceHash), gte(complaints.createdAt, new Date(now.getTime() - 3_600_000))));
    if ((recent?.n ?? 0) >= COMPLAINTS_PER_HOUR)
      throw new AppError('RATE_LIMITED', 'Muitas denúncias enviadas deste endereço na última hora. Tente novamente mais tarde.');
    const protocol = newProtocol(now);
    const [c] = await tx
      .insert(complaints)
      .values({
        protocol,
        anonymous: input.anonymous,
        name: input.anonymous ? null : (input.name ?? null),
        email: input.anonymous ? null : input.email || null,
        about: input.about,
        subject: input.subject,
        municipalityIbge: input.municipalityIbge || null,
        description: input.description,
        sourceHash,
        createdAt: now,
      })
      .returning();
    // Audit without the complainant's identity or text (LGPD): the row itself is the record.
    await recordAudit(
      tx,
      { ...actor, origin: 'portal público' },
      {
        action: 'complaint.filed',
        targetType: 'complaint',
        targetId: c!.id,
        data: { protocol, anonymous: input.anonymous, about: input.about },
      },
    );
    await mailAll(
      tx,
      await staffEmails(tx, ['committee_member']),
      `nova denúncia ${protocol}`,
      `Denúncia recebida pelo portal (art. 28, § 2º) sobre: ${input.subject}. Faça a triagem no sistema.`,
    );
    return { protocol, message: 'Denúncia registrada. Guarde o protocolo para acompanhar o andamento.' };
  });
}

/** Public lookup: status and the published outcome only — never names, partner data or the complaint text. */
export async function lookupComplaint(db: Queryable, protocol: string): Promise<ComplaintPublic> {
  const [c] = await db.select().from(complaints).where(eq(complaints.protocol, protocol.trim().toUpperCase())).limit(1);
  if (!c) throw new AppError('COMPLAINT_NOT_FOUND');
  return {
    protocol: c.protocol,
    status: c.status,
    statusLabel: complaintStatusLabels[c.status],
    receivedOn: toCuiabaDate(c.createdAt),
    outcome: c.outcomePublishedAt ? c.outcome : null,
    outcomePublishedOn: c.outcomePublishedAt ? toCuiabaDate(c.outcomePublishedAt) : null,
  };
}

async function toComplaint(db: Queryable, c: ComplaintRow): Promise<Complaint> {
  let termNumber: string | null = null;
  let partnerName: string | null = null;
  if (c.termId) {
    const [t] = await db
      .select({ number: cooperationTerms.number, name: partners.name })
      .from(cooperationTerms)
      .innerJoin(partners, eq(partners.id, cooperationTerms.partnerId))
      .where(eq(cooperationTerms.id, c.termId));
    termNumber = t?.number ?? null;
    partnerName = t?.name ?? null;
  }
  return {
    id: c.id,
    protocol: c.protocol,
    status: c.status,
    anonymous: c.anonymous,
    name: c.name,
    email: c.email,
    about: c.about,
    subject: c.subject,
    municipalityIbge: c.municipalityIbge,
    description: c.description,
    termId: c.termId,
    termNumber,
    partnerName,
    triageNote: c.triageNote,
    outcome: c.outcome,
    createdAt: c.createdAt.toISOString(),
    outcomePublishedAt: c.outcomePublishedAt?.toISOString() ?? null,
  };
}

export async function listComplaints(db: Db): Promise<Complaint[]> {
  const rows = await db.select().from(complaints).orderBy(desc(complaints.createdAt)).limit(500);
  return Promise.all(rows.map((r) => toComplaint(db, r)));
}

async function loadComplaint(db: Queryable, id: string): Promise<ComplaintRow> {
  const [c] = await db.select().from(complaints).where(eq(complaints.id, id));
  if (!c) throw new AppError('NOT_FOUND', 'Denúncia não encontrada.');
  return c;
}

export const viewComplaint = async (db: Db, id: string) => toComplaint(db, await loadComplaint(db, id));

/** Triage: investigate (optionally linked to a cooperation) or dismiss, with a note. */
export async function triageComplaint(
  db: Db,
  who: Acting,
  id: string,
  input: { status: 'investigating' | 'dismissed'; termId?: string | null | undefined; note: string },
): Promise<Complaint> {
  const row = await db.transaction(async (tx) => {
    const c = await loadComplaint(tx, id);
    if (c.status !== 'received' && c.status !== 'investigating') throw new AppError('INVALID_STATE', 'Denúncia já concluída.');
    if (input.termId) await loadTerm(tx, input.termId);
    const [u] = await tx
      .update(complaints)
      .set({ status: input.status, termId: input.termId ?? c.termId, triageNote: input.note })
      .where(eq(complaints.id, id))
      .returning();
    await recordAudit(tx, who.actor, {
      action: `complaint.${input.status}`,
      targetType: 'complaint',
      targetId: id,
      reason: input.note,
      data: { termId: input.termId ?? null },
    });
    return u!;
  });
  return toComplaint(db, row);
}

/** Publishes the outcome to the complainant (public lookup; e-mail when identified). */
export async function publishOutcome(db: Db, clock: Clock, who: Acting, id: string, outcome: string): Promise<Complaint> {
  const row = await db.transaction(async (tx) => {
    const c = await loadComplaint(tx, id);
    if (c.status === 'closed') throw new AppError('INVALID_STATE', 'Resultado já publicado.');
    const [u] = await tx
      .update(complaints)
      .set({ status: c.status === 'dismissed' ? 'dismissed' : 'closed', outcome, outcomePublishedAt: clock.now() })
      .where(eq(complaints.id, id))
      .returning();
    await recordAudit(tx, who.actor, { action: 'complaint.outcome_published', targetType: 'complaint', targetId: id, reason: outcome });
    if (c.email)
      await mailAll(
        tx,
        [c.email],
        `resultado da denúncia ${c.protocol}`,
        `Resultado da apuração da sua denúncia (protocolo ${c.protocol}):\n\n${outcome}`,
      );
    return u!;
  });
  return toComplaint(db, row);
}
