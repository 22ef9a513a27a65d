import { and, asc, eq, gt, inArray, isNotNull, isNull, min, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { cameraSelfTests, cameras } from '../../db/tables/cameras.js';
import { equipmentAssets, equipmentLoanItems, equipmentLoans } from '../../db/tables/loans.js';
import { complianceCases } from '../../db/tables/sanctions.js';
import type { Sweep } from '../../jobs/sweep.js';
import { openReport } from '../accountability/accountability.service.js';
import { recordAudit, systemActor } from '../audit/audit.service.js';
import type { Clock } from '../calendar/clock.js';
import { addDays, fmtDate, todayInCuiaba } from '../calendar/local-date.js';
import { loadTerm } from '../obligations/cooperation-term.js';
import { mailAll, partnerEmailOf, staffEmails } from '../obligations/recipients.js';
import { remindersDue } from './loan-period.js';

const actor = systemActor('sweep:loan-installation');

/**
 * First video of a lent camera: the camera registered with the asset's serial (kind program_loan,
 * same partner). `camera.first_video_at` is the signal (the media node sets it when it receives
 * video); until it does, the first successful self-test that captured a snapshot counts — the
 * snapshot is a decoded frame of the camera's stream fetched by the platform. The sweep copies that
 * time into `first_video_at` so both sources agree from then on.
 */
export async function firstVideoOf(tx: Tx, partnerId: string, serial: string): Promise<Date | null> {
  const [cam] = await tx
    .select({ id: cameras.id, firstVideoAt: cameras.firstVideoAt })
    .from(cameras)
    .where(and(eq(cameras.partnerId, partnerId), eq(cameras.kind, 'program_loan'), eq(cameras.assetSerial, serial)))
    .limit(1);
  if (!cam) return null;
  if (cam.firstVideoAt) return cam.firstVideoAt;
  const [first] = await tx
    .select({ at: min(cameraSelfTests.finishedAt) })
    .from(cameraSelfTests)
    .where(and(eq(cameraSelfTests.cameraId, cam.id), eq(cameraSelfTests.ok, true), isNotNull(cameraSelfTests.snapshotFile)));
  if (!first?.at) return null;
  const at = new Date(first.at);
  await tx
    .update(cameras)
    .set({ firstVideoAt: at })
    .where(and(eq(cameras.id, cam.id), isNull(cameras.firstVideoAt)));
  await recordAudit(tx, actor, {
    action: 'camera.first_video',
    targetType: 'camera',
    targetId: cam.id,
    data: { at: at.toISOString(), source: 'self_test_snapshot', serial },
  });
  return at;
}

/** One loan: video check → met; else deadline passed → missed + committee case; else reminders. Idempotent. */
export async function checkInstallation(db: Db, clock: Clock, loanId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [loan] = await tx.select().from(equipmentLoans).where(eq(equipmentLoans.id, loanId)).for('update');
    if (!loan || loan.status !== 'active' || !['pending', 'missed'].includes(loan.installationStatus)) return;
    const items = await tx
      .select({ item: equipmentLoanItems, serial: equipmentAssets.serial, status: equipmentAssets.status })
      .from(equipmentLoanItems)
      .innerJoin(equipmentAssets, eq(equipmentAssets.id, equipmentLoanItems.assetId))
      .where(and(eq(equipmentLoanItems.loanId, loanId), eq(equipmentLoanItems.active, 'yes')));
    let last: Date | null = null;
    let allVideo = items.length > 0;
    for (const { item, serial } of items) {
      let at = item.firstVideoAt;
      if (!at) {
        at = await firstVideoOf(tx, loan.partnerId, serial);
        if (at) {
          await tx.update(equipmentLoanItems).set({ firstVideoAt: at }).where(eq(equipmentLoanItems.id, item.id));
          await recordAudit(tx, actor, {
            action: 'equipment_loan.item_first_video',
            targetType: 'equipment_loan',
            targetId: loanId,
            data: { serial, at: at.toISOString() },
          });
        }
      }
      if (!at) allVideo = false;
      else if (!last || at > last) last = at;
    }
    const today = todayInCuiaba(clock.now());
    const { term, partner } = await loadTerm(tx, loan.termId);
    const partnerMail = partnerEmailOf(partner);
    if (allVideo && last) {
      const late = todayInCuiaba(last) > loan.installationDueOn!;
      await tx.update(equipmentLoans).set({ installationStatus: 'met', installationMetAt: last }).where(eq(equipmentLoans.id, loanId));
      await recordAudit(tx, actor, {
        action: 'equipment_loan.installation_met',
        targetType: 'equipment_loan',
        targetId: loanId,
        data: { at: last.toISOString(), dueOn: loan.installationDueOn, late },
      });
      // guide §09: the accountability report "como prova da instalação" — due 30 days after the video arrived.
      await openReport(tx, clock, actor, {
        term,
        kind: 'installation',
        dueOn: addDays(today, 30),
        reason: `Comprovação da instalação — cessão nº ${loan.number}`,
        sourceLoanId: loanId,
      });
      if (partnerMail)
        await mailAll(
          tx,
          [partnerMail],
          `instalação concluída — cessão nº ${loan.number}`,
          `Todas as câmeras da cessão nº ${loan.number} já enviam imagens à plataforma${late ? ' (após o prazo de 90 dias)' : ', dentro do prazo de 90 dias'}. Apresente a prestação de contas de comprovação da instalação no portal.`,
        );
      return;
    }
    if (loan.installationStatus === 'pending' && today > loan.installationDueOn!) {
      await tx
        .update(equipmentLoans)
        .set({ installationStatus: 'missed' })
        .where(and(eq(equipmentLoans.id, loanId), eq(equipmentLoans.installationStatus, 'pending')));
      const description = `Prazo de 90 dias para instalação e integração (guia §04) da cessão nº ${loan.number} terminou em ${fmtDate(loan.installationDueOn!)}: ${items.filter((i) => !i.item.firstVideoAt).length} de ${items.length} câmera(s) sem imagens na plataforma.`;
      const [kase] = await tx
        .insert(complianceCases)
        .values({
          partnerId: loan.partnerId,
          kind: 'installation_deadline_missed',
          subjectType: 'equipment_loan',
          subjectId: loanId,
          description,
        })
        .returning();
      await recordAudit(tx, actor, {
        action: 'equipment_loan.installation_missed',
        targetType: 'equipment_loan',
        targetId: loanId,
        data: { dueOn: loan.installationDueOn, caseId: kase!.id },
      });
      await mailAll(tx, await staffEmails(tx, ['committee_member']), `prazo de instalação vencido — ${partner.name}`, description);
      if (partnerMail)
        await mailAll(
          tx,
          [partnerMail],
          `prazo de instalação vencido — cessão nº ${loan.number}`,
          `${description}\nO caso foi encaminhado à comissão técnica da SESP/MT.`,
        );
      return;
    }
    if (loan.installationStatus !== 'pending') return;
    for (const r of remindersDue(loan.pickedUpOn!, today, loan.remindersSent)) {
      const [marked] = await tx
        .update(equipmentLoans)
        .set({ remindersSent: sql`${equipmentLoans.remindersSent} || ${JSON.stringify([r])}::jsonb` })
        .where(and(eq(equipmentLoans.id, loanId), sql`NOT (${equipmentLoans.remindersSent} @> ${JSON.stringify([r])}::jsonb)`))
        .returning({ id: equipmentLoans.id });
      if (!marked) continue;
      await recordAudit(tx, actor, {
        action: 'equipment_loan.installation_reminder',
        targetType: 'equipment_loan',
        targetId: loanId,
        data: { day: r, dueOn: loan.installationDueOn },
      });
      if (partnerMail)
        await mailAll(
          tx,
          [partnerMail],
          `lembrete: ${r} dias da retirada — instale até ${fmtDate(loan.installationDueOn!)}`,
          `Passaram-se ${r} dias da retirada das câmeras da cessão nº ${loan.number}. O prazo de 90 dias para instalação e integração das imagens à plataforma termina em ${fmtDate(loan.installationDueOn!)} (guia, §04). A instalação só é considerada concluída quando as imagens chegam à plataforma.`,
        );
    }
  });
}

/**
 * Every 30 s: every loan whose installation is open, walked by id in bounded batches (keyset
 * cursor). Frequent because the deadline is met "automatically when the camera first delivers
 * video" (guide §04) — a partner should see it within a minute; the query touches only open loans.
 */
export function loanInstallationSweep(db: Db, clock: Clock): Sweep {
  let after = '00000000-0000-0000-0000-000000000000';
  return {
    name: 'loan-installation',
    everySeconds: 30,
    batchSize: 50,
    async runBatch(limit) {
      const due = await db
        .select({ id: equipmentLoans.id })
        .from(equipmentLoans)
        .where(
          and(
            eq(equipmentLoans.status, 'active'),
            inArray(equipmentLoans.installationStatus, ['pending', 'missed']),
            gt(equipmentLoans.id, after),
          ),
        )
        .orderBy(asc(equipmentLoans.id))
        .limit(limit);
      for (const { id } of due) await checkInstallation(db, clock, id);
      after = due.length < limit ? '00000000-0000-0000-0000-000000000000' : due[due.length - 1]!.id;
      return due.length;
    },
  };
}
