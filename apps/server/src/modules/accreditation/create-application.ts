import {
  type ApplicantKind,
  type ApplicationCreateRequest,
  type ApplicationDetail,
  canManageIndirectly,
  propertyOwnershipIssue,
} from '@vigia/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { applications, cooperationTerms } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayOn } from '../calendar/clock.js';
import { actingPartnerId } from '../partners/integrator-authorisations.js';
import { findPartner } from '../partners/partner-profile.js';
import { assertNotSuspended } from '../sanctions/sanctions.service.js';
import { loadDetail } from './application.repository.js';
import type { AccreditationDeps, Acting } from './deps.js';

/**
 * A partner (or an integrator it authorised, Art. 15) opens a draft application. Always allowed, including after a rejection and archive
 * (Art. 16 §4). An extension of an active term is a new application (Art. 14 §4).
 */
export async function createApplication(deps: AccreditationDeps, who: Acting, input: ApplicationCreateRequest): Promise<ApplicationDetail> {
  const app = await deps.db.transaction(async (tx) => {
    const partnerId = await actingPartnerId(tx, who.auth, input.partnerId);
    const partner = await findPartner(tx, partnerId);
    if (!partner) throw new AppError('PARTNER_PROFILE_MISSING');
    await assertNotSuspended(tx, partnerId, todayOn(deps.clock)); // Art. 30 II: a suspended partner may not start a new partnership
    const kind = partner.kind as ApplicantKind;
    if (input.modality === 'indirect' && !canManageIndirectly(kind)) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'modality', message: 'Somente municípios e consórcios públicos podem assumir a gestão indireta (art. 4º, II).' },
      ]);
    }
    const ownershipIssue = propertyOwnershipIssue(kind, input.propertyOwnership);
    if (ownershipIssue) throw new AppError('PROPERTY_SITUATION_NOT_ADMITTED', ownershipIssue);
    if (input.extendsTermId) {
      const [term] = await tx
        .select()
        .from(cooperationTerms)
        .where(
          and(
            eq(cooperationTerms.id, input.extendsTermId),
            eq(cooperationTerms.partnerId, partnerId),
            eq(cooperationTerms.status, 'active'),
          ),
        )
        .limit(1);
      if (!term) throw new AppError('NOT_FOUND', 'Termo de cooperação vigente não encontrado para ampliação.');
    }
    const { rows } = (await tx.execute(sql`SELECT nextval('application_number_seq')::int AS n`)) as unknown as { rows: { n: number }[] };
    const n = rows[0]!.n;
    const number = `${new Date().getFullYear()}/${String(n).padStart(6, '0')}`;
    const [row] = await tx
      .insert(applications)
      .values({
        number,
        partnerId,
        modality: input.modality,
        propertyOwnership: input.propertyOwnership,
        leaseEndsOn: input.leaseEndsOn ?? null,
        consortiumMunicipalities: input.consortiumMunicipalities ?? [],
        extendsTermId: input.extendsTermId ?? null,
        createdBy: who.auth.user.id,
      })
      .returning();
    await recordAudit(tx, who.actor, {
      action: 'application.created',
      targetType: 'application',
      targetId: row!.id,
      data: { number, partnerId, modality: input.modality, extendsTermId: input.extendsTermId ?? null },
    });
    return row!;
  });
  return loadDetail(deps.db, app);
}
