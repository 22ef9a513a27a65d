import type { Incident, IncidentKind } from '@vigia/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { equipmentAssets, equipmentIncidents, equipmentLoanItems, equipmentLoans } from '../../db/tables/loans.js';
import { partners } from '../../db/tables/partners.js';
import type { Acting } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { fmtDate } from '../calendar/local-date.js';
import { issueDocument } from '../documents/issue-document.js';
import { loadTerm } from '../obligations/cooperation-term.js';
import type { ObligationDeps } from '../obligations/deps.js';
import { indirectManagerEmails, mailAll, partnerEmailOf, staffEmails } from '../obligations/recipients.js';
import { partnerScope } from '../partners/partner-scope.js';
import { moveAsset } from './assets.js';
import { replacementAct } from './loan-acts.js';
import { loadLoanInScope } from './loans.service.js';

type IncidentRow = typeof equipmentIncidents.$inferSelect;

async function toIncident(db: Queryable, i: IncidentRow): Promise<Incident> {
  const [x] = await db
    .select({ number: equipmentLoans.number, partnerName: partners.name, serial: equipmentAssets.serial })
    .from(equipmentLoans)
    .innerJoin(partners, eq(partners.id, equipmentLoans.partnerId))
    .innerJoin(equipmentAssets, eq(equipmentAssets.id, i.assetId))
    .where(eq(equipmentLoans.id, i.loanId));
  const [rep] = i.replacementAssetId
    ? await db.select({ serial: equipmentAssets.serial }).from(equipmentAssets).where(eq(equipmentAssets.id, i.replacementAssetId))
    : [];
  return {
    id: i.id,
    loanId: i.loanId,
    loanNumber: x?.number ?? '',
    partnerId: i.partnerId,
    partnerName: x?.partnerName ?? '',
    assetId: i.assetId,
    serial: x?.serial ?? '',
    kind: i.kind,
    status: i.status,
    occurredOn: i.occurredOn,
    description: i.description,
    policeReportNumber: i.policeReportNumber,
    replacementAssetId: i.replacementAssetId,
    replacementSerial: rep?.serial ?? null,
    resolution: i.resolution,
    reportedAt: i.reportedAt.toISOString(),
    closedAt: i.closedAt?.toISOString() ?? null,
  };
}

export async function listIncidents(db: Db, auth: AuthContext): Promise<Incident[]> {
  const rows = await db
    .select()
    .from(equipmentIncidents)
    .where(partnerScope(auth, equipmentIncidents.partnerId))
    .orderBy(desc(equipmentIncidents.reportedAt))
    .limit(500);
  return Promise.all(rows.map((r) => toIncident(db, r)));
}

async function loadIncident(db: Queryable, auth: AuthContext, id: string): Promise<IncidentRow> {
  const [row] = await db
    .select()
    .from(equipmentIncidents)
    .where(and(eq(equipmentIncidents.id, id), partnerScope(auth, equipmentIncidents.partnerId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Ocorrência não encontrada.');
  return row;
}

const ASSET_AFTER: Record<IncidentKind, 'stolen' | 'under_repair'> = {
  theft: 'stolen',
  third_party_damage: 'under_repair',
  partner_damage: 'under_repair',
  warranty_defect: 'under_repair',
};

/**
 * Art. 18 §1: theft or third-party damage is communicated at once to CIOSP/SESP and to the indirect
 * manager, with the police report number (e-mail via the outbox; the incident is in their queue).
 * §2: damage by the partner opens a repair obligation tracked to closure. §3: a warranty defect
 * waits for SESP's replacement.
 */
export async function reportIncident(
  deps: ObligationDeps,
  who: Acting,
  loanId: string,
  input: { assetId: string; kind: IncidentKind; occurredOn: string; description: string; policeReportNumber?: string | null | undefined },
): Promise<Incident> {
  const row = await deps.db.transaction(async (tx) => {
    const loan = await loadLoanInScope(tx, who.auth, loanId, true);
    if (loan.status !== 'active') throw new AppError('INVALID_STATE', 'Ocorrências são registradas para cessões em curso.');
    const [item] = await tx
      .select()
      .from(equipmentLoanItems)
      .where(
        and(eq(equipmentLoanItems.loanId, loanId), eq(equipmentLoanItems.assetId, input.assetId), eq(equipmentLoanItems.active, 'yes')),
      );
    if (!item) throw new AppError('NOT_FOUND', 'Equipamento não encontrado nesta cessão.');
    const police = input.policeReportNumber?.trim() || null;
    if ((input.kind === 'theft' || input.kind === 'third_party_damage') && !police) throw new AppError('POLICE_REPORT_REQUIRED');
    const asset = await moveAsset(tx, who.actor, input.assetId, ['lent'], ASSET_AFTER[input.kind], {
      loanId,
      note: `Ocorrência: ${input.kind}`,
    });
    const [inc] = await tx
      .insert(equipmentIncidents)
      .values({
        loanId,
        partnerId: loan.partnerId,
        assetId: input.assetId,
        kind: input.kind,
        status: input.kind === 'partner_damage' ? 'repair_pending' : 'open',
        occurredOn: input.occurredOn,
        description: input.description,
        policeReportNumber: police,
        reportedBy: who.auth.user.id,
      })
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'equipment_incident.reported',
      targetType: 'equipment_incident',
      targetId: inc!.id,
      data: { loanId, serial: asset.serial, kind: input.kind, policeReportNumber: police },
    });
    const { term, partner } = await loadTerm(tx, loan.termId);
    const what = {
      theft: 'subtração (roubo/furto)',
      third_party_damage: 'dano causado por terceiros',
      partner_damage: 'dano causado pelo parceiro',
      warranty_defect: 'defeito coberto pela garantia',
    }[input.kind];
    const text = `${partner.name} comunicou ${what} do equipamento série ${asset.serial} (patrimônio ${asset.assetTag}), cessão nº ${loan.number}, ocorrido em ${fmtDate(input.occurredOn)}.${police ? `\nBoletim de ocorrência nº ${police}.` : ''}\n\n${input.description}`;
    const recipients = [...(await staffEmails(tx, ['committee_member', 'admin']))];
    if (input.kind === 'theft' || input.kind === 'third_party_damage') recipients.push(...(await indirectManagerEmails(tx, term)));
    await mailAll(tx, recipients, `ocorrência com equipamento cedido — ${what} (cessão nº ${loan.number})`, text);
    if (input.kind === 'partner_damage') {
      const to = partnerEmailOf(partner);
      if (to)
        await mailAll(
          tx,
          [to],
          `reparo obrigatório — equipamento ${asset.serial}`,
          `O parceiro que causar danos aos dispositivos é obrigado a repará-los (Decreto 1.522/2022, art. 18, § 2º). A ocorrência ficará aberta até a SESP/MT confirmar o reparo.`,
        );
    }
    return inc!;
  });
  return toIncident(deps.db, row);
}

/** Art. 18 §3: a warranty defect may be replaced; the new serial is linked to the replaced item. */
export async function replaceUnderWarranty(
  deps: ObligationDeps,
  who: Acting,
  id: string,
  input: { newAssetId: string; note?: string | undefined },
): Promise<Incident> {
  const row = await deps.db.transaction(async (tx) => {
    const inc = await loadIncident(tx, who.auth, id);
    if (inc.kind !== 'warranty_defect' || inc.status !== 'open')
      throw new AppError(
        'INVALID_STATE',
        'Substituição em garantia só se aplica a ocorrência aberta de defeito coberto pela garantia (art. 18, § 3º).',
      );
    const [old] = await tx.select().from(equipmentAssets).where(eq(equipmentAssets.id, inc.assetId));
    if (!old!.warrantyEndsOn || old!.warrantyEndsOn < inc.occurredOn) throw new AppError('WARRANTY_EXPIRED');
    const loan = await loadLoanInScope(tx, who.auth, inc.loanId);
    const [oldItem] = await tx
      .select()
      .from(equipmentLoanItems)
      .where(
        and(eq(equipmentLoanItems.loanId, loan.id), eq(equipmentLoanItems.assetId, inc.assetId), eq(equipmentLoanItems.active, 'yes')),
      );
    const fresh = await moveAsset(tx, who.actor, input.newAssetId, ['in_stock'], 'lent', {
      loanId: loan.id,
      note: `Substitui ${old!.serial} em garantia — cessão ${loan.number}`,
    });
    await moveAsset(tx, who.actor, old!.id, ['under_repair'], 'under_repair', {
      loanId: null,
      note: `Substituído por ${fresh.serial}; enviado à garantia do fabricante`,
    });
    await tx.update(equipmentLoanItems).set({ active: 'no' }).where(eq(equipmentLoanItems.id, oldItem!.id));
    await tx.insert(equipmentLoanItems).values({ loanId: loan.id, assetId: fresh.id, replacesItemId: oldItem!.id });
    const [closed] = await tx
      .update(equipmentIncidents)
      .set({
        status: 'closed',
        replacementAssetId: fresh.id,
        resolution: input.note ?? `Substituído pelo equipamento série ${fresh.serial}.`,
        closedAt: new Date(),
      })
      .where(and(eq(equipmentIncidents.id, id), eq(equipmentIncidents.status, 'open')))
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'equipment_incident.replaced',
      targetType: 'equipment_incident',
      targetId: id,
      data: { oldSerial: old!.serial, newSerial: fresh.serial, loanId: loan.id },
    });
    const { partner } = await loadTerm(tx, loan.termId);
    await issueDocument(tx, deps, who.actor, {
      kind: 'warranty_replacement',
      subjectType: 'equipment_loan',
      subjectId: loan.id,
      content: replacementAct(loan, partner, old!, fresh),
      formats: ['pdf'],
    });
    const to = partnerEmailOf(partner);
    if (to)
      await mailAll(
        tx,
        [to],
        `equipamento substituído em garantia (cessão nº ${loan.number})`,
        `O equipamento série ${old!.serial} foi substituído pelo série ${fresh.serial} (Decreto 1.522/2022, art. 18, § 3º).`,
      );
    return closed!;
  });
  return toIncident(deps.db, row);
}

/** SESP closes an incident: repair done (§2), damage repaired, or theft settled; with the asset outcome. */
export async function closeIncident(
  deps: ObligationDeps,
  who: Acting,
  id: string,
  input: { resolution: string; assetOutcome: 'back_in_service' | 'written_off' | 'unchanged' },
): Promise<Incident> {
  const row = await deps.db.transaction(async (tx) => {
    const inc = await loadIncident(tx, who.auth, id);
    if (inc.status === 'closed') throw new AppError('INVALID_STATE', 'Ocorrência já encerrada.');
    if (input.assetOutcome === 'back_in_service')
      await moveAsset(tx, who.actor, inc.assetId, ['under_repair', 'stolen'], 'lent', {
        loanId: inc.loanId,
        note: `Ocorrência encerrada: ${input.resolution}`,
      });
    if (input.assetOutcome === 'written_off') {
      await moveAsset(tx, who.actor, inc.assetId, ['under_repair', 'stolen'], 'written_off', {
        loanId: null,
        note: `Ocorrência encerrada: ${input.resolution}`,
      });
      await tx
        .update(equipmentLoanItems)
        .set({ active: 'no' })
        .where(and(eq(equipmentLoanItems.loanId, inc.loanId), eq(equipmentLoanItems.assetId, inc.assetId)));
    }
    const [closed] = await tx
      .update(equipmentIncidents)
      .set({ status: 'closed', resolution: input.resolution, closedAt: new Date() })
      .where(eq(equipmentIncidents.id, id))
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'equipment_incident.closed',
      targetType: 'equipment_incident',
      targetId: id,
      reason: input.resolution,
      data: { kind: inc.kind, assetOutcome: input.assetOutcome },
    });
    return closed!;
  });
  return toIncident(deps.db, row);
}
