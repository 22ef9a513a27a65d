import { type Inspection, type InspectionChecklistKey, inspectionChecklistLabels } from '@vigia/contracts';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { inspections } from '../../db/tables/inspections.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayOn } from '../calendar/clock.js';
import { fmtDate, toCuiabaDate } from '../calendar/local-date.js';
import { issueDocument } from '../documents/issue-document.js';
import { documentsOf } from '../documents/subject-documents.js';
import { requireOwnFiles } from '../files/stored-file-access.js';
import { loadActiveTerm, loadTerm } from '../obligations/cooperation-term.js';
import type { ObligationDeps } from '../obligations/deps.js';
import { mailAll, partnerEmailOf } from '../obligations/recipients.js';
import { partnerScope, SESP_SEES_EVERY_PARTNER } from '../partners/partner-scope.js';

type InspectionRow = typeof inspections.$inferSelect;

/**
 * What a user may see. A partner never sees an unannounced inspection before it is recorded (that
 * would announce it); afterwards it sees the findings.
 */
function inspectionScope(auth: AuthContext) {
  const base = partnerScope(auth, inspections.partnerId);
  if (auth.roles.some((r) => SESP_SEES_EVERY_PARTNER.has(r))) return base;
  return and(base, or(eq(inspections.kind, 'scheduled'), sql`${inspections.status} <> 'scheduled'`))!;
}

async function toInspection(db: Queryable, i: InspectionRow): Promise<Inspection> {
  const { term, partner } = await loadTerm(db, i.termId);
  return {
    id: i.id,
    partnerId: i.partnerId,
    partnerName: partner.name,
    termId: i.termId,
    termNumber: term.number,
    kind: i.kind,
    status: i.status,
    scheduledFor: i.scheduledFor.toISOString(),
    place: i.place,
    checklist: i.checklist,
    faults: i.faults,
    findings: i.findings,
    photoFileIds: i.photoFileIds,
    followUpDueOn: i.followUpDueOn,
    followUpNote: i.followUpNote,
    recordedAt: i.recordedAt?.toISOString() ?? null,
    documents: await documentsOf(db, 'inspection', i.id),
  };
}

export async function loadInspectionInScope(db: Queryable, auth: AuthContext, id: string): Promise<InspectionRow> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), inspectionScope(auth)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Vistoria não encontrada.');
  return row;
}

export async function listInspections(db: Db, auth: AuthContext): Promise<Inspection[]> {
  const rows = await db.select().from(inspections).where(inspectionScope(auth)).orderBy(desc(inspections.scheduledFor)).limit(500);
  return Promise.all(rows.map((r) => toInspection(db, r)));
}

export const viewInspection = async (db: Db, auth: AuthContext, id: string) => toInspection(db, await loadInspectionInScope(db, auth, id));

/** Art. 28 §1: the partner must allow inspections. A scheduled one is announced by e-mail; an unannounced one is not. */
export async function scheduleInspection(
  deps: ObligationDeps,
  who: Acting,
  input: { termId: string; kind: 'scheduled' | 'unannounced'; scheduledFor: string; place: string },
): Promise<Inspection> {
  const row = await deps.db.transaction(async (tx) => {
    const { term, partner } = await loadActiveTerm(tx, input.termId);
    const [i] = await tx
      .insert(inspections)
      .values({
        partnerId: term.partnerId,
        termId: term.id,
        kind: input.kind,
        scheduledFor: new Date(input.scheduledFor),
        place: input.place,
        createdBy: who.auth.user.id,
        createdAt: deps.clock.now(),
      })
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'inspection.scheduled',
      targetType: 'inspection',
      targetId: i!.id,
      data: { kind: input.kind, scheduledFor: input.scheduledFor, termId: term.id },
    });
    const to = partnerEmailOf(partner);
    if (input.kind === 'scheduled' && to) {
      await mailAll(
        tx,
        [to],
        `vistoria agendada para ${fmtDate(new Date(input.scheduledFor))}`,
        `A SESP/MT fará vistoria dos equipamentos, infraestrutura e locais de instalação (Decreto 1.522/2022, art. 28, § 1º) em ${new Date(input.scheduledFor).toLocaleString('pt-BR', { timeZone: 'America/Cuiaba' })}, em ${input.place}.`,
      );
    }
    return i!;
  });
  return toInspection(deps.db, row);
}

/** Records checklist, photos and findings; any fault needs a follow-up deadline. Issues the inspection report. */
export async function recordInspection(
  deps: ObligationDeps,
  who: Acting,
  id: string,
  input: {
    checklist: Partial<Record<InspectionChecklistKey, 'ok' | 'fault' | 'not_applicable'>>;
    findings: string;
    photoFileIds: string[];
    followUpDueOn?: string | null | undefined;
  },
): Promise<Inspection> {
  const row = await deps.db.transaction(async (tx) => {
    const i = await loadInspectionInScope(tx, who.auth, id);
    if (i.status !== 'scheduled') throw new AppError('INVALID_STATE', 'Vistoria já registrada.');
    const keys = Object.keys(inspectionChecklistLabels) as InspectionChecklistKey[];
    const missing = keys.filter((k) => !input.checklist[k]);
    if (missing.length)
      throw new AppError(
        'VALIDATION_FAILED',
        'Responda a todos os itens da vistoria.',
        missing.map((k) => ({ path: `checklist.${k}`, message: 'Obrigatório.' })),
      );
    const faults = keys.filter((k) => input.checklist[k] === 'fault').length;
    if (faults && !input.followUpDueOn)
      throw new AppError('VALIDATION_FAILED', 'Com pendências, informe o prazo para saná-las.', [
        { path: 'followUpDueOn', message: 'Obrigatório quando há pendências.' },
      ]);
    if (input.followUpDueOn && input.followUpDueOn <= todayOn(deps.clock))
      throw new AppError('VALIDATION_FAILED', 'O prazo deve ser uma data futura.', [{ path: 'followUpDueOn', message: 'Data futura.' }]);
    await requireOwnFiles(tx, who.auth.user.id, input.photoFileIds, 'photo');
    const [u] = await tx
      .update(inspections)
      .set({
        status: 'recorded',
        checklist: input.checklist,
        faults,
        findings: input.findings,
        photoFileIds: input.photoFileIds,
        followUpDueOn: faults ? input.followUpDueOn! : null,
        recordedBy: who.auth.user.id,
        recordedAt: deps.clock.now(),
      })
      .where(and(eq(inspections.id, id), eq(inspections.status, 'scheduled')))
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'inspection.recorded',
      targetType: 'inspection',
      targetId: id,
      data: { faults, followUpDueOn: u!.followUpDueOn, photos: input.photoFileIds.length },
    });
    const { term, partner } = await loadTerm(tx, i.termId);
    const verdict = { ok: 'Conforme', fault: 'NÃO CONFORME', not_applicable: 'Não se aplica' };
    const [doc] = await issueDocument(tx, deps, who.actor, {
      kind: 'inspection_report',
      subjectType: 'inspection',
      subjectId: id,
      content: {
        title: 'RELATÓRIO DE VISTORIA',
        subtitle: `Termo de Cooperação Técnica nº ${term.number} — Decreto nº 1.522/2022, art. 28, § 1º`,
        blocks: [
          {
            kind: 'paragraph',
            text: `Parceiro: ${partner.name}. Vistoria ${i.kind === 'scheduled' ? 'agendada' : 'sem aviso prévio'} em ${fmtDate(toCuiabaDate(u!.recordedAt!))}, local: ${i.place}.`,
          },
          {
            kind: 'table',
            headers: ['Item', 'Resultado'],
            rows: keys.map((k) => [inspectionChecklistLabels[k], verdict[input.checklist[k]!]]),
          },
          { kind: 'paragraph', text: `Constatações: ${input.findings}` },
          { kind: 'paragraph', text: faults ? `Pendências a sanar até ${fmtDate(u!.followUpDueOn!)}.` : 'Sem pendências.' },
          { kind: 'signature', lines: ['Vistoriador — SESP/MT'] },
        ],
      },
      formats: ['pdf'],
    });
    const to = partnerEmailOf(partner);
    if (to)
      await mailAll(
        tx,
        [to],
        `resultado da vistoria${faults ? ` — ${faults} pendência(s)` : ''}`,
        `Vistoria registrada: ${input.findings}${faults ? `\nPendências a sanar até ${fmtDate(u!.followUpDueOn!)}.` : ''}\nRelatório: código ${doc!.code}.`,
      );
    return u!;
  });
  return toInspection(deps.db, row);
}

export async function closeFollowUp(deps: ObligationDeps, who: Acting, id: string, note: string): Promise<Inspection> {
  const row = await deps.db.transaction(async (tx) => {
    const i = await loadInspectionInScope(tx, who.auth, id);
    if (i.status !== 'recorded' || !i.followUpDueOn) throw new AppError('INVALID_STATE', 'Não há pendências em aberto nesta vistoria.');
    const [u] = await tx
      .update(inspections)
      .set({ status: 'follow_up_closed', followUpNote: note })
      .where(and(eq(inspections.id, id), eq(inspections.status, 'recorded')))
      .returning();
    await recordAudit(tx, who.actor, { action: 'inspection.follow_up_closed', targetType: 'inspection', targetId: id, reason: note });
    return u!;
  });
  return toInspection(deps.db, row);
}
