import type { AccountabilityReport, ReportFacts } from '@vigia/contracts';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db/client.js';
import { accountabilityReports } from '../../db/tables/accountability.js';
import { cooperationTerms } from '../../db/tables/accreditation.js';
import { cameras } from '../../db/tables/cameras.js';
import { inspections } from '../../db/tables/inspections.js';
import { equipmentAssets, equipmentIncidents, equipmentLoanItems, equipmentLoans } from '../../db/tables/loans.js';
import { complianceCases } from '../../db/tables/sanctions.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { type Clock, todayOn } from '../calendar/clock.js';
import { addDays, fmtDate, toCuiabaDate } from '../calendar/local-date.js';
import { issueDocument } from '../documents/issue-document.js';
import { documentsOf } from '../documents/subject-documents.js';
import { requireOwnFiles } from '../files/stored-file-access.js';
import { loadTerm, type TermRow } from '../obligations/cooperation-term.js';
import type { ObligationDeps } from '../obligations/deps.js';
import { mailAll, partnerEmailOf } from '../obligations/recipients.js';
import { ownPartnerScope, partnerScope } from '../partners/partner-scope.js';
import { monthlyScorecard } from '../sanctions/uptime.js';

export type ReportRow = typeof accountabilityReports.$inferSelect;

/** The facts the platform already has about a partner, prefilled in the report (Art. 19: "elementos"). */
export async function buildFacts(db: Queryable, partnerId: string, now: Date): Promise<ReportFacts> {
  const cams = await db.select({ status: cameras.status }).from(cameras).where(eq(cameras.partnerId, partnerId));
  const count = (s: string) => cams.filter((c) => c.status === s).length;
  const lent = await db
    .select({
      serial: equipmentAssets.serial,
      model: equipmentAssets.model,
      status: equipmentAssets.status,
      firstVideoAt: equipmentLoanItems.firstVideoAt,
    })
    .from(equipmentLoanItems)
    .innerJoin(equipmentLoans, eq(equipmentLoans.id, equipmentLoanItems.loanId))
    .innerJoin(equipmentAssets, eq(equipmentAssets.id, equipmentLoanItems.assetId))
    .where(and(eq(equipmentLoans.partnerId, partnerId), eq(equipmentLoanItems.active, 'yes')));
  const incidents = await db
    .select({
      kind: equipmentIncidents.kind,
      status: equipmentIncidents.status,
      occurredOn: equipmentIncidents.occurredOn,
      serial: equipmentAssets.serial,
    })
    .from(equipmentIncidents)
    .innerJoin(equipmentAssets, eq(equipmentAssets.id, equipmentIncidents.assetId))
    .where(eq(equipmentIncidents.partnerId, partnerId))
    .orderBy(desc(equipmentIncidents.reportedAt))
    .limit(50);
  const insp = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.partnerId, partnerId), isNotNull(inspections.recordedAt)))
    .orderBy(desc(inspections.recordedAt))
    .limit(20);
  const lastMonth = toCuiabaDate(now).slice(0, 7);
  const score = await monthlyScorecard(db, partnerId, lastMonth, now);
  return {
    generatedAt: now.toISOString(),
    cameras: {
      total: cams.length,
      online: count('online'),
      offline: count('offline'),
      pending: count('pending'),
      disabled: count('disabled'),
    },
    lentItems: lent.map((l) => ({
      serial: l.serial,
      model: l.model,
      status: l.status,
      firstVideoAt: l.firstVideoAt?.toISOString() ?? null,
    })),
    uptime: { month: lastMonth, measured: score.measured, percent: score.percent, label: score.label },
    incidents,
    inspections: insp.map((i) => ({
      recordedAt: i.recordedAt?.toISOString() ?? null,
      kind: i.kind,
      faults: i.faults,
      findings: i.findings,
    })),
  };
}

/** Opens a report due on `dueOn` with the facts prefilled (idempotent for `final`/`installation` by unique index). */
export async function openReport(
  tx: Tx,
  clock: Clock,
  actor: AuditActor,
  input: {
    term: TermRow;
    kind: ReportRow['kind'];
    dueOn: string;
    reason?: string | null;
    sourceLoanId?: string | null;
    createdBy?: string | null;
  },
): Promise<ReportRow | null> {
  const [row] = await tx
    .insert(accountabilityReports)
    .values({
      partnerId: input.term.partnerId,
      termId: input.term.id,
      kind: input.kind,
      dueOn: input.dueOn,
      requestReason: input.reason ?? null,
      sourceLoanId: input.sourceLoanId ?? null,
      facts: await buildFacts(tx, input.term.partnerId, clock.now()),
      createdBy: input.createdBy ?? null,
      createdAt: clock.now(),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await recordAudit(tx, actor, {
    action: 'accountability_report.opened',
    targetType: 'accountability_report',
    targetId: row.id,
    reason: input.reason ?? null,
    data: { kind: input.kind, dueOn: input.dueOn, termId: input.term.id },
  });
  const { partner } = await loadTerm(tx, input.term.id);
  const to = partnerEmailOf(partner);
  const what = {
    installation: 'comprovação da instalação',
    requested: 'prestação de contas solicitada pela SESP/MT',
    final: 'prestação de contas final (art. 19, § 1º)',
    special_audit: 'tomada de contas especial (art. 19, § 1º)',
  }[input.kind];
  if (to)
    await mailAll(
      tx,
      [to],
      `prestação de contas — ${what} (prazo: ${fmtDate(input.dueOn)})`,
      `Apresente no portal a ${what}, do Termo de Cooperação nº ${input.term.number}, até ${fmtDate(input.dueOn)}. Os dados que a plataforma já tem (câmeras, situação, ocorrências, vistorias) vêm preenchidos; descreva as atividades realizadas e os resultados alcançados (Decreto 1.522/2022, art. 19).${input.reason ? `\nMotivo: ${input.reason}` : ''}`,
    );
  return row;
}

export async function toReport(db: Queryable, clock: Clock, r: ReportRow): Promise<AccountabilityReport> {
  const { term, partner } = await loadTerm(db, r.termId);
  return {
    id: r.id,
    partnerId: r.partnerId,
    partnerName: partner.name,
    termId: r.termId,
    termNumber: term.number,
    kind: r.kind,
    status: r.status,
    dueOn: r.dueOn,
    overdue: (r.status === 'pending' || r.status === 'corrections_requested') && todayOn(clock) > r.dueOn,
    requestReason: r.requestReason,
    facts: r.facts,
    activities: r.activities,
    results: r.results,
    photoFileIds: r.photoFileIds,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewNote: r.reviewNote,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    sanctionProcessId: r.sanctionProcessId,
    documents: await documentsOf(db, 'accountability_report', r.id),
  };
}

export async function loadReportInScope(db: Queryable, auth: AuthContext, id: string, own = false): Promise<ReportRow> {
  const scope = own ? ownPartnerScope(auth, accountabilityReports.partnerId) : partnerScope(auth, accountabilityReports.partnerId);
  const [row] = await db
    .select()
    .from(accountabilityReports)
    .where(and(eq(accountabilityReports.id, id), scope))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Prestação de contas não encontrada.');
  return row;
}

export async function listReports(db: Db, clock: Clock, auth: AuthContext): Promise<AccountabilityReport[]> {
  const rows = await db
    .select()
    .from(accountabilityReports)
    .where(partnerScope(auth, accountabilityReports.partnerId))
    .orderBy(desc(accountabilityReports.createdAt))
    .limit(500);
  return Promise.all(rows.map((r) => toReport(db, clock, r)));
}

/** SESP asks for a report with a deadline, or opens a special audit at any time (Art. 19 §1). */
export async function requestReport(
  deps: ObligationDeps,
  who: Acting,
  input: { termId: string; kind: 'requested' | 'special_audit'; dueOn: string; reason: string },
): Promise<AccountabilityReport> {
  if (input.dueOn <= todayOn(deps.clock)) throw new AppError('INVALID_STATE', 'O prazo deve ser uma data futura.');
  const row = await deps.db.transaction(async (tx) => {
    const { term } = await loadTerm(tx, input.termId);
    if (term.status === 'pending_signature') throw new AppError('COOPERATION_NOT_ACTIVE');
    return (await openReport(tx, deps.clock, who.actor, {
      term,
      kind: input.kind,
      dueOn: input.dueOn,
      reason: input.reason,
      createdBy: who.auth.user.id,
    }))!;
  });
  return toReport(deps.db, deps.clock, row);
}

/** The partner writes activities and results and attaches photos; the facts are refreshed. */
export async function saveDraft(
  deps: ObligationDeps,
  who: Acting,
  id: string,
  input: { activities: string; results: string; photoFileIds: string[] },
): Promise<AccountabilityReport> {
  const row = await deps.db.transaction(async (tx) => {
    const r = await loadReportInScope(tx, who.auth, id, true);
    if (r.status !== 'pending' && r.status !== 'corrections_requested')
      throw new AppError('INVALID_STATE', 'Esta prestação de contas já foi enviada.');
    const added = input.photoFileIds.filter((f) => !r.photoFileIds.includes(f));
    await requireOwnFiles(tx, who.auth.user.id, added, 'photo');
    const [u] = await tx
      .update(accountabilityReports)
      .set({
        activities: input.activities,
        results: input.results,
        photoFileIds: input.photoFileIds,
        facts: await buildFacts(tx, r.partnerId, deps.clock.now()),
      })
      .where(eq(accountabilityReports.id, id))
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'accountability_report.draft_saved',
      targetType: 'accountability_report',
      targetId: id,
      data: { photos: input.photoFileIds.length },
    });
    return u!;
  });
  return toReport(deps.db, deps.clock, row);
}

function reportAct(r: ReportRow, term: TermRow, partnerName: string, title: string, lines: string[]) {
  return {
    title,
    subtitle: `Termo de Cooperação Técnica nº ${term.number} — Decreto nº 1.522/2022, art. 19`,
    blocks: [
      { kind: 'paragraph' as const, text: `Parceiro: ${partnerName}. Modalidade: ${r.kind}. Prazo: ${fmtDate(r.dueOn)}.` },
      { kind: 'heading' as const, text: 'Dados da plataforma' },
      {
        kind: 'list' as const,
        items: [
          `Câmeras cadastradas: ${r.facts.cameras.total} (online ${r.facts.cameras.online}, offline ${r.facts.cameras.offline}, pendentes ${r.facts.cameras.pending}).`,
          `Disponibilidade (${r.facts.uptime.month}): ${r.facts.uptime.label}.`,
          `Equipamentos cedidos em uso: ${r.facts.lentItems.length}. Ocorrências: ${r.facts.incidents.length}. Vistorias registradas: ${r.facts.inspections.length}.`,
        ],
      },
      ...lines.map((text) => ({ kind: 'paragraph' as const, text })),
    ],
  };
}

/** Submission: activities and results are required (Art. 19 "descrição pormenorizada … comprovação das metas"). */
export async function submitReport(deps: ObligationDeps, who: Acting, id: string): Promise<AccountabilityReport> {
  const row = await deps.db.transaction(async (tx) => {
    const r = await loadReportInScope(tx, who.auth, id, true);
    if (r.status !== 'pending' && r.status !== 'corrections_requested')
      throw new AppError('INVALID_STATE', 'Esta prestação de contas já foi enviada.');
    if (r.activities.trim().length < 20 || r.results.trim().length < 10) throw new AppError('REPORT_INCOMPLETE');
    const [u] = await tx
      .update(accountabilityReports)
      .set({ status: 'submitted', submittedAt: deps.clock.now(), facts: await buildFacts(tx, r.partnerId, deps.clock.now()) })
      .where(eq(accountabilityReports.id, id))
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'accountability_report.submitted',
      targetType: 'accountability_report',
      targetId: id,
      data: { kind: r.kind, late: todayOn(deps.clock) > r.dueOn },
    });
    const { term, partner } = await loadTerm(tx, r.termId);
    await issueDocument(tx, deps, who.actor, {
      kind: 'accountability_report',
      subjectType: 'accountability_report',
      subjectId: id,
      content: reportAct(u!, term, partner.name, 'PRESTAÇÃO DE CONTAS', [
        `Atividades realizadas: ${u!.activities}`,
        `Resultados alcançados: ${u!.results}`,
        `Fotos anexadas: ${u!.photoFileIds.length}.`,
      ]),
      formats: ['pdf'],
      supersedes: true,
    });
    return u!;
  });
  return toReport(deps.db, deps.clock, row);
}

/**
 * Review: approve, ask for corrections, or reject with reasons. Rejection may end the cooperation
 * (Art. 19 §3) and open a sanction process (§4, Art. 30) — both in the same transaction.
 */
export async function reviewReport(
  deps: ObligationDeps,
  who: Acting,
  id: string,
  input: { decision: 'approve' | 'request_corrections' | 'reject'; reasons: string; endCooperation: boolean; openSanction: boolean },
  openSanction: (tx: Tx, who: Acting, termId: string, facts: string, reportId: string) => Promise<string>,
): Promise<AccountabilityReport> {
  if (input.decision !== 'approve' && input.reasons.trim().length < 10)
    throw new AppError('VALIDATION_FAILED', 'Fundamente a decisão com pelo menos 10 caracteres.');
  if (input.decision !== 'reject' && (input.endCooperation || input.openSanction))
    throw new AppError('INVALID_STATE', 'Rescisão e processo de sanção só decorrem da rejeição (art. 19, §§ 3º e 4º).');
  const row = await deps.db.transaction(async (tx) => {
    const r = await loadReportInScope(tx, who.auth, id);
    if (r.status !== 'submitted') throw new AppError('INVALID_STATE', 'Somente prestação de contas enviada pode ser analisada.');
    const status = input.decision === 'approve' ? 'approved' : input.decision === 'reject' ? 'rejected' : 'corrections_requested';
    const [u] = await tx
      .update(accountabilityReports)
      .set({ status, reviewNote: input.reasons || null, reviewedBy: who.auth.user.id, reviewedAt: deps.clock.now() })
      .where(and(eq(accountabilityReports.id, id), eq(accountabilityReports.status, 'submitted')))
      .returning();
    await recordAudit(tx, who.actor, {
      action: `accountability_report.${status}`,
      targetType: 'accountability_report',
      targetId: id,
      reason: input.reasons || null,
      data: { endCooperation: input.endCooperation, openSanction: input.openSanction },
    });
    const { term, partner } = await loadTerm(tx, r.termId);
    const title = {
      approved: 'DECISÃO — PRESTAÇÃO DE CONTAS APROVADA',
      rejected: 'DECISÃO — PRESTAÇÃO DE CONTAS REJEITADA',
      corrections_requested: 'DESPACHO — CORREÇÕES NA PRESTAÇÃO DE CONTAS',
    }[status];
    const lines = [input.reasons ? `Fundamentação: ${input.reasons}` : 'Prestação de contas aprovada.'];
    let sanctionId: string | null = null;
    if (status === 'rejected') {
      await tx.insert(complianceCases).values({
        partnerId: r.partnerId,
        kind: 'accountability_rejected',
        subjectType: 'accountability_report',
        subjectId: id,
        description: `Prestação de contas rejeitada: ${input.reasons}`,
        status: input.openSanction ? 'closed' : 'open',
        closedNote: input.openSanction ? 'Processo de sanção instaurado.' : null,
      });
      if (input.endCooperation) {
        const [ended] = await tx
          .update(cooperationTerms)
          .set({
            status: 'ended',
            endedAt: deps.clock.now(),
            endReason: `Rescisão por rejeição da prestação de contas (art. 19, § 3º): ${input.reasons}`,
          })
          .where(and(eq(cooperationTerms.id, r.termId), eq(cooperationTerms.status, 'active')))
          .returning();
        if (ended) {
          await recordAudit(tx, who.actor, {
            action: 'cooperation_term.ended',
            targetType: 'cooperation_term',
            targetId: r.termId,
            reason: input.reasons,
            data: { number: term.number, basis: 'art. 19 §3' },
          });
          lines.push(
            'Verificado o mau uso dos dispositivos cedidos, a cooperação técnica é rescindida (art. 19, § 3º); os equipamentos devem ser devolvidos e a prestação de contas final apresentada em até 90 dias (art. 19, § 1º).',
          );
        }
      }
      if (input.openSanction) {
        sanctionId = await openSanction(tx, who, r.termId, `Rejeição da prestação de contas (art. 19, § 4º): ${input.reasons}`, id);
        await tx.update(accountabilityReports).set({ sanctionProcessId: sanctionId }).where(eq(accountabilityReports.id, id));
        lines.push('Instaurado processo de sanção (art. 30), com prazo de defesa de 10 dias úteis.');
      }
    }
    await issueDocument(tx, deps, who.actor, {
      kind: `accountability_${status}`,
      subjectType: 'accountability_report',
      subjectId: id,
      content: reportAct(u!, term, partner.name, title, lines),
      formats: ['pdf'],
    });
    const to = partnerEmailOf(partner);
    if (to)
      await mailAll(
        tx,
        [to],
        `prestação de contas — ${{ approved: 'aprovada', rejected: 'rejeitada', corrections_requested: 'correções solicitadas' }[status]}`,
        `${lines.join('\n')}\nTermo de Cooperação nº ${term.number}.`,
      );
    return { ...u!, sanctionProcessId: sanctionId };
  });
  return toReport(deps.db, deps.clock, row);
}

/** Art. 19 §1: within 90 days after the cooperation ends. Opens the final report of every ended term (idempotent). */
export async function openFinalReports(db: Db, clock: Clock, actor: AuditActor, limit: number): Promise<number> {
  const ended = await db
    .select()
    .from(cooperationTerms)
    .where(
      and(
        eq(cooperationTerms.status, 'ended'),
        sql`NOT EXISTS (SELECT 1 FROM ${accountabilityReports} WHERE ${accountabilityReports.termId} = ${cooperationTerms.id} AND ${accountabilityReports.kind} = 'final')`,
      ),
    )
    .limit(limit);
  for (const term of ended) {
    await db.transaction(async (tx) => {
      const endedOn = toCuiabaDate(term.endedAt ?? clock.now());
      await openReport(tx, clock, actor, {
        term,
        kind: 'final',
        dueOn: finalReportDueOn(endedOn),
        reason: `Término da vigência do Termo de Cooperação em ${fmtDate(endedOn)}`,
      });
    });
  }
  return ended.length;
}

/** Art. 19 §1: "até 90 (noventa) dias após o término da vigência" — calendar days. */
export const finalReportDueOn = (endedOn: string): string => addDays(endedOn, 90);
