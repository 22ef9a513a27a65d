import type { ApplicationDetail } from '@vigia/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roleGrants, users } from '../../db/tables/accounts.js';
import { rispOpinions } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { loadDetail, pointsOf, regionsOfPoints } from './application.repository.js';
import type { AccreditationDeps, Acting } from './deps.js';
import { type ApplicationRow, loadInScope, reviewerCondition } from './scope.js';
import { transition } from './transition.js';

/**
 * Art. 12: asks the RISP coordination of every security region containing a camera point for its
 * opinion (one row per region, created once), and e-mails its coordinators. Municipalities with no
 * known region are not guessed: they are reported to the committee in the application detail.
 */
export async function requestRispOpinions(tx: Tx, actor: AuditActor, app: ApplicationRow): Promise<{ created: number; gaps: string[] }> {
  const points = await pointsOf(tx, app.id);
  const { regions, gaps } = await regionsOfPoints(tx, points);
  let created = 0;
  for (const [regionId, region] of regions) {
    const inserted = await tx
      .insert(rispOpinions)
      .values({ applicationId: app.id, securityRegionId: regionId })
      .onConflictDoNothing()
      .returning({ id: rispOpinions.id });
    if (inserted.length === 0) continue;
    created++;
    const coordinators = await tx
      .select({ email: users.email })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, 'risp_coordinator'), eq(roleGrants.securityRegionId, regionId), eq(users.status, 'active')));
    for (const c of coordinators) {
      await queueMail(tx, {
        to: c.email,
        subject: `Vigia Mais MT — parecer da RISP solicitado (pedido nº ${app.number})`,
        text: `A comissão técnica solicita o parecer de interesse de segurança pública (Decreto 1.522/2022, art. 12) da ${region.name} sobre ${region.municipalities.length} município(s) do pedido nº ${app.number}.`,
      });
    }
  }
  await recordAudit(tx, actor, {
    action: 'application.risp_opinions_requested',
    targetType: 'application',
    targetId: app.id,
    data: { created, regions: [...regions.keys()], gaps },
  });
  return { created, gaps };
}

/** The committee (or the manager, in its queue) starts the analysis of a submitted or remedied application. */
export async function startAnalysis(deps: AccreditationDeps, who: Acting, id: string): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, reviewerCondition(who.auth), id, true);
    if (current.directHandlingStatus === 'requested') {
      throw new AppError('INVALID_STATE', 'Decida antes o pedido de processamento direto pela SESP (art. 8º, § 2º).');
    }
    const row = await transition(tx, who.actor, current, 'in_analysis', { action: 'application.analysis_started' });
    await requestRispOpinions(tx, who.actor, row);
    return row;
  });
  return loadDetail(deps.db, app);
}
