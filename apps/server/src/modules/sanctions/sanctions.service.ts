import {
  addYears,
  type ComplianceCase,
  DEFENCE_BUSINESS_DAYS,
  type Sanction,
  type SanctionDecision,
  SUSPENSION_MAX_MONTHS,
} from '@vigia/contracts';
import { and, desc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db/client.js';
import { accountabilityReports } from '../../db/tables/accountability.js';
import { cooperationTerms } from '../../db/tables/accreditation.js';
import { inspections } from '../../db/tables/inspections.js';
import { partners } from '../../db/tables/partners.js';
import { complianceCases, sanctionProcesses, termRevocations } from '../../db/tables/sanctions.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { deadlineFrom } from '../calendar/business-days.js';
import { type Clock, todayOn } from '../calendar/clock.js';
import { addDays, fmtDate, formatLocalDate, type LocalDate, parseLocalDate, toCuiabaDate } from '../calendar/local-date.js';
import type { ActContent } from '../documents/act-content.js';
import { issueDocument } from '../documents/issue-document.js';
import { documentsOf } from '../documents/subject-documents.js';
import { requireOwnFiles } from '../files/stored-file-access.js';
import { loadActiveTerm, loadTerm, type TermRow } from '../obligations/cooperation-term.js';
import type { ObligationDeps } from '../obligations/deps.js';
import { mailAll, partnerEmailOf } from '../obligations/recipients.js';
import { ownPartnerScope, partnerScope } from '../partners/partner-scope.js';
import { CUIABA_IBGE } from '../reference/municipalities.js';
import { limitationOn } from './limitation.js';

export type SanctionRow = typeof sanctionProcesses.$inferSelect;

/** Art. 30 §1: the defence deadline, counted like every legal deadline (calendar/business-days.ts), on Cuiabá's calendar. */
export const defenceDueOn = (receivedOn: LocalDate): LocalDate =>
  deadlineFrom(receivedOn, DEFENCE_BUSINESS_DAYS, { municipalityIbge: CUIABA_IBGE });

export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return formatLocalDate(y, m, Math.min(day, last));
}

/**
 * The inputs of the limitation period of a term: the date the relevant accountability report was
 * presented (the one named, else the latest presented) and every investigating act about the term —
 * a special audit opened, an inspection recorded with faults, an earlier sanction notification.
 */
export async function limitationFor(db: Queryable, termId: string, on: LocalDate, reportId?: string | null, extraActs: LocalDate[] = []) {
  const [report] = await db
    .select({ submittedAt: accountabilityReports.submittedAt })
    .from(accountabilityReports)
    .where(
      and(
        eq(accountabilityReports.termId, termId),
        isNotNull(accountabilityReports.submittedAt),
        reportId ? eq(accountabilityReports.id, reportId) : sql`true`,
      ),
    )
    .orderBy(desc(accountabilityReports.submittedAt))
    .limit(1);
  const audits = await db
    .select({ at: accountabilityReports.createdAt })
    .from(accountabilityReports)
    .where(and(eq(accountabilityReports.termId, termId), eq(accountabilityReports.kind, 'special_audit')));
  const insp = await db
    .select({ at: inspections.recordedAt })
    .from(inspections)
    .where(and(eq(inspections.termId, termId), isNotNull(inspections.recordedAt), sql`${inspections.faults} > 0`));
  const prior = await db.select({ at: sanctionProcesses.notifiedAt }).from(sanctionProcesses).where(eq(sanctionProcesses.termId, termId));
  const acts = [...audits, ...insp, ...prior].filter((a) => a.at).map((a) => toCuiabaDate(a.at!));
  return limitationOn(report?.submittedAt ? toCuiabaDate(report.submittedAt) : null, [...acts, ...extraActs], on);
}

async function toSanction(db: Queryable, clock: Clock, s: SanctionRow): Promise<Sanction> {
  const { term, partner } = await loadTerm(db, s.termId);
  const today = todayOn(clock);
  const on = s.decidedAt ? toCuiabaDate(s.decidedAt) : today;
  return {
    id: s.id,
    number: s.number,
    partnerId: s.partnerId,
    partnerName: partner.name,
    termId: s.termId,
    termNumber: term.number,
    status: s.status,
    facts: s.facts,
    notifiedAt: s.notifiedAt.toISOString(),
    receivedOn: s.receivedOn,
    defenceDueOn: s.defenceDueOn,
    defenceOpen: s.status === 'notified' && today <= s.defenceDueOn,
    defenceText: s.defenceText,
    defenceFiledAt: s.defenceFiledAt?.toISOString() ?? null,
    decision: s.decision,
    decisionReasons: s.decisionReasons,
    suspensionEndsOn: s.suspensionEndsOn,
    decidedAt: s.decidedAt?.toISOString() ?? null,
    limitation: await limitationFor(db, s.termId, on, s.accountabilityReportId, []),
    documents: await documentsOf(db, 'sanction_process', s.id),
  };
}

export async function loadSanctionInScope(db: Queryable, auth: AuthContext, id: string, own = false): Promise<SanctionRow> {
  const scope = own ? ownPartnerScope(auth, sanctionProcesses.partnerId) : partnerScope(auth, sanctionProcesses.partnerId);
  const [row] = await db
    .select()
    .from(sanctionProcesses)
    .where(and(eq(sanctionProcesses.id, id), scope))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Processo de sanção não encontrado.');
  return row;
}

export async function listSanctions(db: Db, clock: Clock, auth: AuthContext): Promise<Sanction[]> {
  const rows = await db
    .select()
    .from(sanctionProcesses)
    .where(partnerScope(auth, sanctionProcesses.partnerId))
    .orderBy(desc(sanctionProcesses.notifiedAt))
    .limit(500);
  return Promise.all(rows.map((r) => toSanction(db, clock, r)));
}

export const viewSanction = async (db: Db, clock: Clock, auth: AuthContext, id: string) =>
  toSanction(db, clock, await loadSanctionInScope(db, auth, id));

const notificationAct = (s: SanctionRow, term: TermRow, partnerName: string): ActContent => ({
  title: 'NOTIFICAÇÃO — PROCESSO DE APURAÇÃO E SANÇÃO',
  subtitle: `Processo nº ${s.number} — Termo de Cooperação Técnica nº ${term.number} — Decreto nº 1.522/2022, art. 30`,
  blocks: [
    {
      kind: 'paragraph',
      text: `Fica ${partnerName} notificado(a) da instauração de processo para apuração de execução da cooperação técnica em desacordo com a legislação e o regulamento do programa, pelos fatos seguintes:`,
    },
    { kind: 'paragraph', text: s.facts },
    {
      kind: 'paragraph',
      text: `É garantida a defesa prévia, no prazo de 10 (dez) dias úteis a partir do recebimento desta notificação (art. 30, § 1º): recebida em ${fmtDate(s.receivedOn)}, o prazo termina em ${fmtDate(s.defenceDueOn)} (calendário de Cuiabá). As sanções possíveis são advertência, ou suspensão temporária da participação e impedimento de celebrar nova parceria por até 2 anos (art. 30, I e II).`,
    },
    { kind: 'signature', lines: ['SESP/MT', 'Comissão técnica do Programa Vigia Mais MT'] },
  ],
});

/**
 * Opens a sanction process: the notification is an investigating act (it interrupts the limitation
 * period, Art. 30 §3) but it may not be issued once the claim is already time-barred (§2).
 */
export async function openSanctionInTx(
  deps: ObligationDeps,
  tx: Tx,
  who: Acting,
  input: { termId: string; facts: string; receivedOn?: string | undefined; accountabilityReportId?: string | null | undefined },
): Promise<SanctionRow> {
  const { term, partner } = await loadTerm(tx, input.termId);
  if (term.status === 'pending_signature') throw new AppError('COOPERATION_NOT_ACTIVE');
  const notifiedOn = todayOn(deps.clock);
  const receivedOn = input.receivedOn ?? notifiedOn;
  if (receivedOn < notifiedOn) throw new AppError('INVALID_STATE', 'O recebimento não pode ser anterior à notificação.');
  const lim = await limitationFor(tx, term.id, notifiedOn, input.accountabilityReportId);
  if (lim.timeBarred) throw new AppError('SANCTION_TIME_BARRED', `${lim.explanation} A sanção está prescrita.`);
  const { rows } = (await tx.execute(sql`SELECT nextval('sanction_process_number_seq')::int AS n`)) as unknown as { rows: { n: number }[] };
  const number = `SAN-${notifiedOn.slice(0, 4)}/${String(rows[0]!.n).padStart(5, '0')}`;
  const [s] = await tx
    .insert(sanctionProcesses)
    .values({
      number,
      partnerId: term.partnerId,
      termId: term.id,
      accountabilityReportId: input.accountabilityReportId ?? null,
      facts: input.facts,
      notifiedAt: deps.clock.now(),
      receivedOn,
      defenceDueOn: defenceDueOn(receivedOn),
      createdBy: who.auth.user.id,
    })
    .returning();
  await recordAudit(tx, who.actor, {
    action: 'sanction.notified',
    targetType: 'sanction_process',
    targetId: s!.id,
    data: { number, termId: term.id, receivedOn, defenceDueOn: s!.defenceDueOn, limitation: lim },
  });
  const [doc] = await issueDocument(tx, deps, who.actor, {
    kind: 'sanction_notification',
    subjectType: 'sanction_process',
    subjectId: s!.id,
    content: notificationAct(s!, term, partner.name),
    formats: ['pdf', 'docx'],
  });
  const to = partnerEmailOf(partner);
  if (to)
    await mailAll(
      tx,
      [to],
      `notificação — processo de sanção nº ${number} (defesa até ${fmtDate(s!.defenceDueOn)})`,
      `${s!.facts}\n\nPrazo de defesa: 10 dias úteis a partir do recebimento (art. 30, § 1º), até ${fmtDate(s!.defenceDueOn)}. Apresente a defesa no portal.\nNotificação: código ${doc!.code}.`,
    );
  return s!;
}

export async function openSanction(
  deps: ObligationDeps,
  who: Acting,
  input: { termId: string; facts: string; receivedOn?: string | undefined; accountabilityReportId?: string | null | undefined },
): Promise<Sanction> {
  const row = await deps.db.transaction((tx) => openSanctionInTx(deps, tx, who, input));
  return toSanction(deps.db, deps.clock, row);
}

/** Art. 30 §1: accepted up to the end of the 10th business day after receipt (Cuiabá); refused after, and the refusal is recorded. */
export async function fileDefence(
  deps: ObligationDeps,
  who: Acting,
  id: string,
  input: { text: string; fileId?: string | null | undefined },
): Promise<Sanction> {
  const current = await loadSanctionInScope(deps.db, who.auth, id, true);
  if (current.status !== 'notified') throw new AppError('INVALID_STATE', 'A defesa já foi apresentada ou o processo já foi decidido.');
  const day = todayOn(deps.clock);
  if (day > current.defenceDueOn) {
    await deps.db.transaction((tx) =>
      recordAudit(tx, who.actor, {
        action: 'sanction.defence_refused_late',
        targetType: 'sanction_process',
        targetId: id,
        data: { filedOn: day, defenceDueOn: current.defenceDueOn },
      }),
    );
    throw new AppError(
      'SANCTION_DEFENCE_LATE',
      `O prazo de defesa terminou em ${fmtDate(current.defenceDueOn)} (10 dias úteis a partir do recebimento em ${fmtDate(current.receivedOn)} — Decreto 1.522/2022, art. 30, § 1º).`,
    );
  }
  const row = await deps.db.transaction(async (tx) => {
    if (input.fileId) await requireOwnFiles(tx, who.auth.user.id, [input.fileId], 'document');
    const [u] = await tx
      .update(sanctionProcesses)
      .set({ status: 'defence_filed', defenceText: input.text, defenceFileId: input.fileId ?? null, defenceFiledAt: deps.clock.now() })
      .where(and(eq(sanctionProcesses.id, id), eq(sanctionProcesses.status, 'notified')))
      .returning();
    if (!u) throw new AppError('CONFLICT');
    await recordAudit(tx, who.actor, {
      action: 'sanction.defence_filed',
      targetType: 'sanction_process',
      targetId: id,
      data: { filedOn: day, defenceDueOn: u.defenceDueOn, file: input.fileId ?? null },
    });
    return u;
  });
  return toSanction(deps.db, deps.clock, row);
}

const decisionAct = (s: SanctionRow, term: TermRow, partnerName: string): ActContent => ({
  title: 'DECISÃO — PROCESSO DE SANÇÃO',
  subtitle: `Processo nº ${s.number} — Termo de Cooperação Técnica nº ${term.number} — Decreto nº 1.522/2022, art. 30`,
  blocks: [
    { kind: 'paragraph', text: `Parceiro: ${partnerName}. Fatos: ${s.facts}` },
    {
      kind: 'paragraph',
      text: s.defenceText
        ? `Defesa apresentada em ${fmtDate(toCuiabaDate(s.defenceFiledAt!))}: ${s.defenceText}`
        : `Não houve defesa no prazo, que terminou em ${fmtDate(s.defenceDueOn)}.`,
    },
    { kind: 'paragraph', text: `Fundamentação: ${s.decisionReasons}` },
    {
      kind: 'paragraph',
      bold: true,
      text:
        s.decision === 'warning'
          ? 'Decisão: aplica-se a sanção de ADVERTÊNCIA (art. 30, I).'
          : s.decision === 'suspension'
            ? `Decisão: aplica-se a SUSPENSÃO TEMPORÁRIA da participação na cooperação técnica e o IMPEDIMENTO de celebrar nova parceria de ${fmtDate(s.suspensionStartsOn!)} a ${fmtDate(s.suspensionEndsOn!)} (art. 30, II).`
            : 'Decisão: arquivamento sem aplicação de sanção.',
    },
    { kind: 'signature', lines: ['SESP/MT'] },
  ],
});

/**
 * Reasoned decision after the defence (or after its deadline): warning, suspension up to 2 years
 * with a ban on new partnerships, or dismissal. Refused while the defence deadline runs, and when
 * the claim became time-barred (the notification counts as an interrupting act).
 */
export async function decideSanction(
  deps: ObligationDeps,
  who: Acting,
  id: string,
  input: { decision: SanctionDecision; reasons: string; suspensionMonths?: number | undefined },
): Promise<Sanction> {
  const row = await deps.db.transaction(async (tx) => {
    const s = await loadSanctionInScope(tx, who.auth, id);
    if (s.status === 'decided') throw new AppError('INVALID_STATE', 'Processo já decidido.');
    const day = todayOn(deps.clock);
    if (s.status === 'notified' && day <= s.defenceDueOn)
      throw new AppError('SANCTION_DEFENCE_RUNNING', `A defesa pode ser apresentada até ${fmtDate(s.defenceDueOn)} (art. 30, § 1º).`);
    if (input.decision !== 'dismissed') {
      const lim = await limitationFor(tx, s.termId, day, s.accountabilityReportId);
      if (lim.timeBarred) throw new AppError('SANCTION_TIME_BARRED', lim.explanation);
    }
    let starts: string | null = null;
    let ends: string | null = null;
    if (input.decision === 'suspension') {
      if (!input.suspensionMonths) throw new AppError('VALIDATION_FAILED', 'Informe a duração da suspensão em meses.');
      starts = day;
      ends = addDays(addMonths(day, input.suspensionMonths), -1);
      if (input.suspensionMonths > SUSPENSION_MAX_MONTHS || ends > addDays(addYears(day, 2), -1))
        throw new AppError('SANCTION_SUSPENSION_TOO_LONG');
    }
    const [u] = await tx
      .update(sanctionProcesses)
      .set({
        status: 'decided',
        decision: input.decision,
        decisionReasons: input.reasons,
        suspensionStartsOn: starts,
        suspensionEndsOn: ends,
        decidedBy: who.auth.user.id,
        decidedAt: deps.clock.now(),
      })
      .where(and(eq(sanctionProcesses.id, id), sql`${sanctionProcesses.status} <> 'decided'`))
      .returning();
    await recordAudit(tx, who.actor, {
      action: `sanction.decided`,
      targetType: 'sanction_process',
      targetId: id,
      reason: input.reasons,
      data: { decision: input.decision, suspensionStartsOn: starts, suspensionEndsOn: ends, defenceFiled: !!s.defenceFiledAt },
    });
    const { term, partner } = await loadTerm(tx, s.termId);
    const [doc] = await issueDocument(tx, deps, who.actor, {
      kind: 'sanction_decision',
      subjectType: 'sanction_process',
      subjectId: id,
      content: decisionAct(u!, term, partner.name),
      formats: ['pdf', 'docx'],
    });
    const to = partnerEmailOf(partner);
    if (to)
      await mailAll(
        tx,
        [to],
        `decisão no processo de sanção nº ${s.number}`,
        `Foi proferida decisão no processo nº ${s.number}: ${input.decision === 'warning' ? 'advertência' : input.decision === 'suspension' ? `suspensão até ${fmtDate(ends!)}, com impedimento de nova parceria` : 'arquivamento'}.\nFundamentação: ${input.reasons}\nDecisão: código ${doc!.code}.`,
      );
    return u!;
  });
  return toSanction(deps.db, deps.clock, row);
}

/** Art. 30 II: a suspension running on `on` bans new partnerships. Used by accreditation (create/submit). */
export async function activeSuspension(db: Queryable, partnerId: string, on: LocalDate): Promise<SanctionRow | undefined> {
  const [s] = await db
    .select()
    .from(sanctionProcesses)
    .where(
      and(
        eq(sanctionProcesses.partnerId, partnerId),
        eq(sanctionProcesses.decision, 'suspension'),
        lte(sanctionProcesses.suspensionStartsOn, on),
        gte(sanctionProcesses.suspensionEndsOn, on),
      ),
    )
    .limit(1);
  return s;
}

export async function assertNotSuspended(db: Queryable, partnerId: string, on: LocalDate): Promise<void> {
  const s = await activeSuspension(db, partnerId, on);
  if (s)
    throw new AppError(
      'PARTNER_SUSPENDED',
      `O parceiro está suspenso e impedido de celebrar nova parceria até ${fmtDate(s.suspensionEndsOn!)} (processo nº ${s.number}; Decreto 1.522/2022, art. 30, II).`,
    );
}

/** Art. 29: the Secretary revokes the accreditation and the cooperation for supervening public interest, with reasons. */
export async function revokeCooperation(deps: ObligationDeps, who: Acting, input: { termId: string; reasons: string }) {
  return deps.db.transaction(async (tx) => {
    const { term, partner } = await loadActiveTerm(tx, input.termId);
    const [ended] = await tx
      .update(cooperationTerms)
      .set({
        status: 'ended',
        endedAt: deps.clock.now(),
        endReason: `Revogação por interesse público decorrente de fato superveniente (art. 29): ${input.reasons}`,
      })
      .where(and(eq(cooperationTerms.id, term.id), eq(cooperationTerms.status, 'active')))
      .returning();
    if (!ended) throw new AppError('CONFLICT');
    const [rev] = await tx
      .insert(termRevocations)
      .values({ termId: term.id, reasons: input.reasons, revokedBy: who.auth.user.id, revokedAt: deps.clock.now() })
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'cooperation_term.revoked',
      targetType: 'cooperation_term',
      targetId: term.id,
      reason: input.reasons,
      data: { number: term.number, basis: 'art. 29' },
    });
    const [doc] = await issueDocument(tx, deps, who.actor, {
      kind: 'revocation',
      subjectType: 'cooperation_term',
      subjectId: term.id,
      content: {
        title: 'ATO DE REVOGAÇÃO DA HABILITAÇÃO E DA COOPERAÇÃO TÉCNICA',
        subtitle: `Termo de Cooperação Técnica nº ${term.number} — Decreto nº 1.522/2022, art. 29`,
        blocks: [
          {
            kind: 'paragraph',
            text: `O Secretário de Estado de Segurança Pública revoga a habilitação de ${partner.name} no Programa Vigia Mais MT e a consequente cooperação técnica, por razões de interesse público decorrente de fato superveniente:`,
          },
          { kind: 'paragraph', text: input.reasons },
          {
            kind: 'paragraph',
            text: 'Os equipamentos cedidos devem ser devolvidos (art. 18) e a prestação de contas final apresentada em até 90 dias (art. 19, § 1º).',
          },
          { kind: 'signature', lines: ['Secretário de Estado de Segurança Pública'] },
        ],
      },
      formats: ['pdf', 'docx'],
    });
    const to = partnerEmailOf(partner);
    if (to)
      await mailAll(
        tx,
        [to],
        `revogação do Termo de Cooperação nº ${term.number}`,
        `${input.reasons}\n\nAto de revogação (art. 29): código ${doc!.code}. Devolva os equipamentos cedidos e apresente a prestação de contas final em até 90 dias (art. 19, § 1º).`,
      );
    return {
      termId: term.id,
      termNumber: term.number,
      reasons: rev!.reasons,
      revokedAt: rev!.revokedAt.toISOString(),
      documents: await documentsOf(tx, 'cooperation_term', term.id).then((d) => d.filter((x) => x.kind === 'revocation')),
    };
  });
}

export async function listCases(db: Db, auth: AuthContext): Promise<ComplianceCase[]> {
  const rows = await db
    .select({ c: complianceCases, partnerName: partners.name })
    .from(complianceCases)
    .innerJoin(partners, eq(partners.id, complianceCases.partnerId))
    .where(partnerScope(auth, complianceCases.partnerId))
    .orderBy(desc(complianceCases.createdAt))
    .limit(500);
  return rows.map(({ c, partnerName }) => ({
    id: c.id,
    partnerId: c.partnerId,
    partnerName,
    kind: c.kind,
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    description: c.description,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    closedNote: c.closedNote,
  }));
}

export async function closeCase(db: Db, clock: Clock, who: Acting, id: string, note: string): Promise<ComplianceCase> {
  await db.transaction(async (tx) => {
    const [c] = await tx
      .update(complianceCases)
      .set({ status: 'closed', closedNote: note, closedAt: clock.now() })
      .where(and(eq(complianceCases.id, id), eq(complianceCases.status, 'open')))
      .returning();
    if (!c) throw new AppError('NOT_FOUND', 'Caso não encontrado ou já encerrado.');
    await recordAudit(tx, who.actor, { action: 'compliance_case.closed', targetType: 'compliance_case', targetId: id, reason: note });
  });
  return (await listCases(db, who.auth)).find((c) => c.id === id)!;
}
