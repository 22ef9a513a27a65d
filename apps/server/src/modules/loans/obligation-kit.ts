import type { ObligationDocument } from '@vigia/contracts';
import { type AnyColumn, and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { cooperationTerms } from '../../db/tables/accreditation.js';
import { generatedDocuments } from '../../db/tables/documents.js';
import { storedFiles } from '../../db/tables/files.js';
import { partners } from '../../db/tables/partners.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type LocalDate, todayInCuiaba } from '../calendar/local-date.js';
import type { DocumentsDeps } from '../documents/issue-document.js';
import type { FileStorage } from '../files/file-storage.js';

/**
 * Shared pieces of the obligations modules (loans, accountability, inspections, complaints,
 * sanctions): the clock, partner scope in SQL, cooperation-term lookup, generated-act listing and
 * download, and who is told about what (outbox mail only, never inside a send).
 */

/** The time source of every obligation deadline. Tests move it; production never does. */
export const clock = { now: (): Date => new Date() };
export const today = (): LocalDate => todayInCuiaba(clock.now());

export interface ObligationDeps extends DocumentsDeps {
  db: Db;
}

export type TermRow = typeof cooperationTerms.$inferSelect;
export type PartnerRow = typeof partners.$inferSelect;

/** SESP roles that see every partner's obligations. */
export const SESP_VIEWERS = new Set(['committee_member', 'admin', 'auditor']);

export const partnerIdsOf = (auth: AuthContext): string[] =>
  auth.grants.filter((g) => g.role === 'partner_user' && g.partnerId).map((g) => g.partnerId!);

/**
 * Rows whose `partnerColumn` the caller may see: SESP all; a partner its own; a municipal manager
 * the partners under an adhesion term covering its municipality (indirect management, Art. 8 §1).
 */
export function partnerScope(auth: AuthContext, partnerColumn: AnyColumn): SQL {
  if (auth.roles.some((r) => SESP_VIEWERS.has(r))) return sql`true`;
  const conds: SQL[] = [];
  const ids = partnerIdsOf(auth);
  if (ids.length) conds.push(inArray(partnerColumn, ids));
  const munis = auth.grants.filter((g) => g.role === 'municipal_manager' && g.municipalityIbge).map((g) => g.municipalityIbge!);
  for (const m of munis) {
    conds.push(
      sql`${partnerColumn} IN (SELECT ${cooperationTerms.partnerId} FROM ${cooperationTerms} WHERE ${cooperationTerms.kind} = 'adhesion' AND ${cooperationTerms.coveredMunicipalities} @> ${JSON.stringify([m])}::jsonb)`,
    );
  }
  if (!conds.length) return sql`false`;
  return conds.length === 1 ? conds[0]! : sql`(${sql.join(conds, sql` OR `)})`;
}

/** Only the partner's own rows (for the partner's own actions). */
export function ownPartnerScope(auth: AuthContext, partnerColumn: AnyColumn): SQL {
  const ids = partnerIdsOf(auth);
  return ids.length ? inArray(partnerColumn, ids) : sql`false`;
}

export async function loadTerm(db: Queryable, termId: string): Promise<{ term: TermRow; partner: PartnerRow }> {
  const [row] = await db
    .select({ term: cooperationTerms, partner: partners })
    .from(cooperationTerms)
    .innerJoin(partners, eq(partners.id, cooperationTerms.partnerId))
    .where(eq(cooperationTerms.id, termId))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Termo de cooperação não encontrado.');
  return row;
}

export async function loadActiveTerm(db: Queryable, termId: string): Promise<{ term: TermRow; partner: PartnerRow }> {
  const found = await loadTerm(db, termId);
  if (found.term.status !== 'active') throw new AppError('COOPERATION_NOT_ACTIVE');
  return found;
}

export async function documentsOf(db: Queryable, subjectType: string, subjectId: string): Promise<ObligationDocument[]> {
  const rows = await db
    .select()
    .from(generatedDocuments)
    .where(and(eq(generatedDocuments.subjectType, subjectType), eq(generatedDocuments.subjectId, subjectId)))
    .orderBy(desc(generatedDocuments.issuedAt));
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    title: d.title,
    format: d.format,
    code: d.code,
    issuedAt: d.issuedAt.toISOString(),
    superseded: d.supersededById !== null,
  }));
}

export interface FileDownload {
  data: Buffer;
  mediaType: string;
  filename: string;
}

/** A generated act of a subject the caller already proved it may see. */
export async function downloadDocument(
  db: Queryable,
  storage: FileStorage,
  subjectType: string,
  subjectId: string,
  docId: string,
): Promise<FileDownload> {
  const [doc] = await db
    .select()
    .from(generatedDocuments)
    .where(
      and(eq(generatedDocuments.id, docId), eq(generatedDocuments.subjectType, subjectType), eq(generatedDocuments.subjectId, subjectId)),
    )
    .limit(1);
  if (!doc) throw new AppError('NOT_FOUND');
  return { data: await storage.read(doc.storageKey), mediaType: doc.mediaType, filename: `${doc.kind}-${doc.code}.${doc.format}` };
}

/** An uploaded file referenced by a subject the caller may see. */
export async function downloadStoredFile(db: Queryable, storage: FileStorage, fileId: string): Promise<FileDownload> {
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId)).limit(1);
  if (!file) throw new AppError('NOT_FOUND');
  return { data: await storage.read(file.storageKey), mediaType: file.mediaType, filename: file.originalName };
}

/** Uploads the user made themselves (photos must be JPEG/PNG): the only files they may attach. */
export async function requireOwnFiles(db: Queryable, userId: string, ids: string[], kind: 'photo' | 'document'): Promise<void> {
  if (!ids.length) return;
  const rows = await db
    .select()
    .from(storedFiles)
    .where(and(inArray(storedFiles.id, ids), eq(storedFiles.uploadedBy, userId)));
  for (const id of ids) {
    const f = rows.find((r) => r.id === id);
    if (!f) throw new AppError('NOT_FOUND', 'Arquivo não encontrado entre os seus envios.');
    if (kind === 'photo' && !['image/jpeg', 'image/png'].includes(f.mediaType))
      throw new AppError('FILE_TYPE_NOT_ALLOWED', 'As fotos devem ser imagens JPEG ou PNG.');
  }
}

/** E-mail of every active user holding one of the roles (SESP staff: committee, administrators). */
export async function staffEmails(db: Queryable, roles: string[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(inArray(roleGrants.role, roles), eq(users.status, 'active')));
  return rows.map((r) => r.email);
}

export function partnerEmailOf(p: PartnerRow): string | null {
  return p.email ?? p.legalRepresentative?.email ?? null;
}

/** The indirect manager of an adhesion term (Art. 8 §1): the manager partner and its municipal users. */
export async function indirectManagerEmails(db: Queryable, term: TermRow): Promise<string[]> {
  if (term.kind !== 'adhesion') return [];
  const out = new Set<string>();
  if (term.managerTermId) {
    const [m] = await db
      .select({ email: partners.email })
      .from(cooperationTerms)
      .innerJoin(partners, eq(partners.id, cooperationTerms.partnerId))
      .where(eq(cooperationTerms.id, term.managerTermId));
    if (m?.email) out.add(m.email);
  }
  if (term.coveredMunicipalities.length) {
    const rows = await db
      .selectDistinct({ email: users.email })
      .from(users)
      .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
      .where(
        and(
          eq(roleGrants.role, 'municipal_manager'),
          inArray(roleGrants.municipalityIbge, term.coveredMunicipalities),
          eq(users.status, 'active'),
        ),
      );
    for (const r of rows) out.add(r.email);
  }
  return [...out];
}

export async function mailAll(tx: Queryable, to: Iterable<string>, subject: string, text: string): Promise<number> {
  let n = 0;
  for (const addr of new Set(to)) {
    await queueMail(tx, { to: addr, subject: `Vigia Mais MT — ${subject}`, text });
    n++;
  }
  return n;
}

export const fmtDate = (d: LocalDate | Date): string =>
  typeof d === 'string' ? d.split('-').reverse().join('/') : d.toLocaleDateString('pt-BR', { timeZone: 'America/Cuiaba' });

export const isNullCol = isNull;
