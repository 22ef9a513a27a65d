import type { Loan } from '@vigia/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { cooperationTerms } from '../../db/tables/accreditation.js';
import type { LoanRow } from '../../db/tables/loans.js';
import { equipmentAssets, equipmentLoanItems, equipmentLoans } from '../../db/tables/loans.js';
import { partners } from '../../db/tables/partners.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { isBusinessDay, nextBusinessDay } from '../calendar/business-days.js';
import { type Clock, todayOn } from '../calendar/clock.js';
import { fmtDate } from '../calendar/local-date.js';
import { issueDocument } from '../documents/issue-document.js';
import { documentsOf } from '../documents/subject-documents.js';
import { requireOwnFiles } from '../files/stored-file-access.js';
import { loadActiveTerm, loadTerm } from '../obligations/cooperation-term.js';
import type { ObligationDeps } from '../obligations/deps.js';
import { mailAll, partnerEmailOf, staffEmails } from '../obligations/recipients.js';
import { ownPartnerScope, partnerScope } from '../partners/partner-scope.js';
import { CUIABA_IBGE } from '../reference/municipalities.js';
import { type AssetRow, moveAsset } from './assets.js';
import { loanTermAct, responsibilityTermAct, returnAct } from './loan-acts.js';
import { installationDueOn, loanPeriod } from './loan-period.js';

export type { LoanRow } from '../../db/tables/loans.js';

/** Guide §03: pickup in person at SESP/MT, Cuiabá. */
export const PICKUP_PLACE = 'SESP/MT — Secretaria de Estado de Segurança Pública, Cuiabá/MT';

const digits = (s: string) => s.replace(/\D/g, '');

export async function loadLoanInScope(db: Queryable, auth: AuthContext, id: string, own = false): Promise<LoanRow> {
  const scope = own ? ownPartnerScope(auth, equipmentLoans.partnerId) : partnerScope(auth, equipmentLoans.partnerId);
  const [row] = await db
    .select()
    .from(equipmentLoans)
    .where(and(eq(equipmentLoans.id, id), scope))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Cessão de uso não encontrada.');
  return row;
}

export async function toLoan(db: Queryable, clock: Clock, l: LoanRow): Promise<Loan> {
  const today = todayOn(clock);
  const [t] = await db
    .select({ number: cooperationTerms.number, status: cooperationTerms.status, partnerName: partners.name })
    .from(cooperationTerms)
    .innerJoin(partners, eq(partners.id, cooperationTerms.partnerId))
    .where(eq(cooperationTerms.id, l.termId));
  const items = await db
    .select({ item: equipmentLoanItems, asset: equipmentAssets })
    .from(equipmentLoanItems)
    .innerJoin(equipmentAssets, eq(equipmentAssets.id, equipmentLoanItems.assetId))
    .where(eq(equipmentLoanItems.loanId, l.id))
    .orderBy(asc(equipmentAssets.serial));
  const period = l.pickedUpOn && l.status === 'active' ? loanPeriod(l.pickedUpOn, today, t?.status === 'active') : null;
  return {
    id: l.id,
    number: l.number,
    partnerId: l.partnerId,
    partnerName: t?.partnerName ?? '',
    termId: l.termId,
    termNumber: t?.number ?? '',
    termStatus: t?.status ?? '',
    status: l.status,
    pickupOn: l.pickupOn,
    firstPickupOn: nextBusinessDay(today, { municipalityIbge: CUIABA_IBGE }),
    pickupPlace: l.pickupPlace,
    pickupPersonName: l.pickupPersonName,
    pickedUpOn: l.pickedUpOn,
    currentPeriodEndsOn: period?.currentPeriodEndsOn ?? null,
    renewals: period?.renewals ?? 0,
    returnDue: period?.returnDue ?? false,
    installationStatus: l.installationStatus,
    installationDueOn: l.installationDueOn,
    installationMetAt: l.installationMetAt?.toISOString() ?? null,
    remindersSent: l.remindersSent,
    returnedOn: l.returnedOn,
    items: items.map(({ item, asset }) => ({
      id: item.id,
      assetId: asset.id,
      model: asset.model,
      serial: asset.serial,
      assetTag: asset.assetTag,
      assetStatus: asset.status,
      firstVideoAt: item.firstVideoAt?.toISOString() ?? null,
      replacesItemId: item.replacesItemId,
      active: item.active === 'yes',
      returnCondition: item.returnCondition,
    })),
    documents: await documentsOf(db, 'equipment_loan', l.id),
  };
}

export async function listLoans(db: Db, clock: Clock, auth: AuthContext): Promise<Loan[]> {
  const rows = await db
    .select()
    .from(equipmentLoans)
    .where(partnerScope(auth, equipmentLoans.partnerId))
    .orderBy(desc(equipmentLoans.createdAt))
    .limit(500);
  return Promise.all(rows.map((r) => toLoan(db, clock, r)));
}

async function activeAssets(db: Queryable, loanId: string): Promise<AssetRow[]> {
  const rows = await db
    .select({ asset: equipmentAssets })
    .from(equipmentLoanItems)
    .innerJoin(equipmentAssets, eq(equipmentAssets.id, equipmentLoanItems.assetId))
    .where(and(eq(equipmentLoanItems.loanId, loanId), eq(equipmentLoanItems.active, 'yes')))
    .orderBy(asc(equipmentAssets.serial));
  return rows.map((r) => r.asset);
}

/**
 * SESP reserves assets in stock for an ACTIVE cooperation and issues the loan term (Art. 17 sole §)
 * listing each item with its serial. The partner is told by e-mail to schedule the pickup.
 */
export async function createLoan(deps: ObligationDeps, who: Acting, input: { termId: string; assetIds: string[] }): Promise<Loan> {
  const row = await deps.db.transaction(async (tx) => {
    const { term, partner } = await loadActiveTerm(tx, input.termId);
    const { rows } = (await tx.execute(sql`SELECT nextval('equipment_loan_number_seq')::int AS n`)) as unknown as { rows: { n: number }[] };
    const n = rows[0]!.n;
    const number = `CES-${todayOn(deps.clock).slice(0, 4)}/${String(n).padStart(5, '0')}`;
    const [loan] = await tx
      .insert(equipmentLoans)
      .values({ number, partnerId: term.partnerId, termId: term.id, pickupPlace: PICKUP_PLACE, createdBy: who.auth.user.id })
      .returning();
    const assets: AssetRow[] = [];
    for (const assetId of [...new Set(input.assetIds)]) {
      assets.push(
        await moveAsset(tx, who.actor, assetId, ['in_stock'], 'reserved', { loanId: loan!.id, note: `Reservado para a cessão ${number}` }),
      );
      await tx.insert(equipmentLoanItems).values({ loanId: loan!.id, assetId });
    }
    await recordAudit(tx, who.actor, {
      action: 'equipment_loan.created',
      targetType: 'equipment_loan',
      targetId: loan!.id,
      data: { number, termId: term.id, serials: assets.map((a) => a.serial) },
    });
    const [doc] = await issueDocument(tx, deps, who.actor, {
      kind: 'loan_term',
      subjectType: 'equipment_loan',
      subjectId: loan!.id,
      content: loanTermAct(loan!, term, partner, assets),
      formats: ['pdf', 'docx'],
    });
    const to = partnerEmailOf(partner);
    if (to)
      await mailAll(
        tx,
        [to],
        `cessão de uso nº ${number}: agende a retirada`,
        `A SESP/MT reservou ${assets.length} câmera(s) para a cessão de uso nº ${number} (Termo de Cooperação nº ${term.number}). Agende a retirada no portal: ela é feita presencialmente na SESP/MT, em Cuiabá, pelo representante legal ou por pessoa autorizada por documento assinado por ele.\nTermo de cessão: código ${doc!.code}.`,
      );
    return loan!;
  });
  return toLoan(deps.db, deps.clock, row);
}

/** Guide §03: the partner picks a business day; someone other than the legal representative needs a signed authorisation. */
export async function schedulePickup(
  deps: ObligationDeps,
  who: Acting,
  id: string,
  input: { pickupOn: string; personName: string; personCpf: string; authorisationFileId?: string | null | undefined },
): Promise<Loan> {
  const row = await deps.db.transaction(async (tx) => {
    const loan = await loadLoanInScope(tx, who.auth, id, true);
    if (loan.status !== 'reserved' && loan.status !== 'pickup_scheduled')
      throw new AppError('INVALID_STATE', 'A retirada desta cessão já foi registrada ou cancelada.');
    if (input.pickupOn < todayOn(deps.clock)) throw new AppError('INVALID_STATE', 'Escolha uma data a partir de hoje.');
    if (!isBusinessDay(input.pickupOn, { municipalityIbge: CUIABA_IBGE }))
      throw new AppError('INVALID_STATE', 'A retirada é feita em dia útil na SESP/MT (Cuiabá): escolha outra data.');
    const [p] = await tx.select().from(partners).where(eq(partners.id, loan.partnerId));
    const isRepresentative = !!p?.legalRepresentative?.cpf && digits(p.legalRepresentative.cpf) === digits(input.personCpf);
    if (!isRepresentative) {
      if (!input.authorisationFileId) throw new AppError('PICKUP_AUTHORISATION_REQUIRED');
      await requireOwnFiles(tx, who.auth.user.id, [input.authorisationFileId], 'document');
    }
    const [updated] = await tx
      .update(equipmentLoans)
      .set({
        status: 'pickup_scheduled',
        pickupOn: input.pickupOn,
        pickupPersonName: input.personName,
        pickupPersonCpf: digits(input.personCpf),
        pickupAuthorisationFileId: isRepresentative ? null : input.authorisationFileId!,
      })
      .where(and(eq(equipmentLoans.id, id), inArray(equipmentLoans.status, ['reserved', 'pickup_scheduled'])))
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'equipment_loan.pickup_scheduled',
      targetType: 'equipment_loan',
      targetId: id,
      data: { pickupOn: input.pickupOn, legalRepresentative: isRepresentative },
    });
    await mailAll(
      tx,
      await staffEmails(tx, ['committee_member', 'admin']),
      `retirada agendada — cessão nº ${loan.number}`,
      `${p?.name} agendou a retirada da cessão nº ${loan.number} para ${fmtDate(input.pickupOn)} (${isRepresentative ? 'representante legal' : 'pessoa autorizada, com autorização anexada'}).`,
    );
    return updated!;
  });
  return toLoan(deps.db, deps.clock, row);
}

/** SESP records the pickup: assets lent, responsibility term signed at pickup, 90-day installation deadline starts (guide §04). */
export async function recordPickup(deps: ObligationDeps, who: Acting, id: string, pickedUpOn: string = todayOn(deps.clock)): Promise<Loan> {
  const row = await deps.db.transaction(async (tx) => {
    const loan = await loadLoanInScope(tx, who.auth, id);
    if (loan.status !== 'pickup_scheduled') throw new AppError('INVALID_STATE', 'Agende a retirada antes de registrá-la.');
    if (pickedUpOn > todayOn(deps.clock)) throw new AppError('INVALID_STATE', 'A retirada não pode ter data futura.');
    const { term, partner } = await loadActiveTerm(tx, loan.termId);
    const assets = await activeAssets(tx, id);
    for (const a of assets)
      await moveAsset(tx, who.actor, a.id, ['reserved'], 'lent', { loanId: id, note: `Retirado — cessão ${loan.number}` });
    const [updated] = await tx
      .update(equipmentLoans)
      .set({ status: 'active', pickedUpOn, installationStatus: 'pending', installationDueOn: installationDueOn(pickedUpOn) })
      .where(and(eq(equipmentLoans.id, id), eq(equipmentLoans.status, 'pickup_scheduled')))
      .returning();
    if (!updated) throw new AppError('CONFLICT');
    await recordAudit(tx, who.actor, {
      action: 'equipment_loan.picked_up',
      targetType: 'equipment_loan',
      targetId: id,
      data: { pickedUpOn, installationDueOn: updated.installationDueOn, person: updated.pickupPersonName },
    });
    const [doc] = await issueDocument(tx, deps, who.actor, {
      kind: 'responsibility_term',
      subjectType: 'equipment_loan',
      subjectId: id,
      content: responsibilityTermAct(updated, term, partner, assets),
      formats: ['pdf', 'docx'],
    });
    const to = partnerEmailOf(partner);
    if (to)
      await mailAll(
        tx,
        [to],
        `câmeras retiradas — instale até ${fmtDate(updated.installationDueOn!)}`,
        `As câmeras da cessão nº ${loan.number} foram retiradas em ${fmtDate(pickedUpOn)}. O prazo para instalação e integração das imagens à plataforma é de 90 dias, até ${fmtDate(updated.installationDueOn!)} (guia, §04). A instalação só é considerada concluída quando as imagens chegam à plataforma.\nTermo de responsabilidade: código ${doc!.code}.`,
      );
    return updated;
  });
  return toLoan(deps.db, deps.clock, row);
}

/** Return at the end of the cooperation (Art. 18 caput), each item's condition checked. */
export async function recordReturn(
  deps: ObligationDeps,
  who: Acting,
  id: string,
  input: {
    returnedOn?: string | undefined;
    items: { assetId: string; condition: 'good' | 'damaged' | 'missing'; note?: string | undefined }[];
  },
): Promise<Loan> {
  const row = await deps.db.transaction(async (tx) => {
    const loan = await loadLoanInScope(tx, who.auth, id);
    if (loan.status !== 'active') throw new AppError('INVALID_STATE', 'Somente uma cessão em curso pode ser devolvida.');
    const returnedOn = input.returnedOn ?? todayOn(deps.clock);
    const items = await tx
      .select()
      .from(equipmentLoanItems)
      .where(and(eq(equipmentLoanItems.loanId, id), eq(equipmentLoanItems.active, 'yes')));
    const listed = new Map(input.items.map((i) => [i.assetId, i]));
    if (items.some((i) => !listed.has(i.assetId)) || input.items.some((i) => !items.find((x) => x.assetId === i.assetId))) {
      throw new AppError('INVALID_STATE', 'Informe a condição de cada equipamento em cessão, e somente deles.');
    }
    const rows: { asset: AssetRow; condition: string; note?: string | undefined }[] = [];
    for (const item of items) {
      const r = listed.get(item.assetId)!;
      const to = r.condition === 'good' ? 'returned' : r.condition === 'damaged' ? 'under_repair' : 'written_off';
      const asset = await moveAsset(tx, who.actor, item.assetId, ['lent', 'under_repair', 'stolen'], to, {
        loanId: null,
        note: `Devolução da cessão ${loan.number}: ${r.condition}${r.note ? ` — ${r.note}` : ''}`,
      });
      await tx
        .update(equipmentLoanItems)
        .set({ active: 'no', returnCondition: r.condition, returnNote: r.note ?? null })
        .where(eq(equipmentLoanItems.id, item.id));
      rows.push({ asset, condition: r.condition, note: r.note });
    }
    const [updated] = await tx
      .update(equipmentLoans)
      .set({ status: 'returned', returnedOn })
      .where(and(eq(equipmentLoans.id, id), eq(equipmentLoans.status, 'active')))
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'equipment_loan.returned',
      targetType: 'equipment_loan',
      targetId: id,
      data: { returnedOn, items: input.items },
    });
    const { partner } = await loadTerm(tx, loan.termId);
    await issueDocument(tx, deps, who.actor, {
      kind: 'return_term',
      subjectType: 'equipment_loan',
      subjectId: id,
      content: returnAct(loan, partner, rows, returnedOn),
      formats: ['pdf'],
    });
    return updated!;
  });
  return toLoan(deps.db, deps.clock, row);
}
