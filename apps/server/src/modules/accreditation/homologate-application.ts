import { type ApplicantKind, canManageIndirectly } from '@vigia/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cooperationTerms, projectAuthorisations } from '../../db/tables/accreditation.js';
import { AppError } from '../../http/errors.js';
import { queueMail } from '../../mail/mailer.js';
import { recordAudit } from '../audit/audit.service.js';
import { issueDocument } from '../documents/issue-document.js';
import { findPartner, type PartnerRow } from '../partners/partner-profile.js';
import { cooperationTermAct, gazetteAct, gazetteText, homologationAct, prequalificationAct } from './acts.js';
import { pointsOf, toSummaries } from './application.repository.js';
import { toTerm } from './cooperation-terms.js';
import type { AccreditationDeps, Acting } from './deps.js';
import { pointsDigest } from './requirements.js';
import { type ApplicationRow, loadInScope } from './scope.js';
import { transition } from './transition.js';

type TermKind = 'direct' | 'indirect_delegation' | 'adhesion';

/** Which term an approved application leads to (Art. 4, Art. 5, Art. 8 §1). */
function termKindOf(app: ApplicationRow, partner: PartnerRow): { kind: TermKind; covered: string[] } {
  const kind = partner.kind as ApplicantKind;
  if (app.modality === 'indirect' && canManageIndirectly(kind)) {
    return { kind: 'indirect_delegation', covered: kind === 'municipality' ? [partner.municipalityIbge] : app.consortiumMunicipalities };
  }
  if (app.handledBy === 'manager' && app.managerTermId) return { kind: 'adhesion', covered: [] };
  return { kind: 'direct', covered: [] };
}

async function nextTermNumber(tx: Tx): Promise<string> {
  const { rows } = (await tx.execute(sql`SELECT nextval('cooperation_term_number_seq')::int AS n`)) as unknown as { rows: { n: number }[] };
  const n = rows[0]!.n;
  return `${new Date().getFullYear()}/${String(n).padStart(5, '0')}`;
}

/**
 * Art. 16 §1: CIOSP homologates the approval and formally includes the partner in the program;
 * generates the homologation act, the Official Gazette text, the pre-qualification term and the
 * cooperation term (Art. 5 §2; PDF + DOCX to sign), and authorises the executive project as
 * submitted (Art. 14 §4). An extension (extendsTermId) gets a new authorisation under its term.
 */
export async function homologateApplication(deps: AccreditationDeps, who: Acting, id: string) {
  return deps.db.transaction(async (tx) => {
    const current = await loadInScope(tx, sql`true`, id, true);
    const partner = (await findPartner(tx, current.partnerId))!;
    const points = await pointsOf(tx, id);
    const row = await transition(tx, who.actor, current, 'homologated', {
      action: 'application.homologated',
      set: { homologatedAt: new Date() },
    });

    let term: typeof cooperationTerms.$inferSelect;
    if (row.extendsTermId) {
      const [existing] = await tx.select().from(cooperationTerms).where(eq(cooperationTerms.id, row.extendsTermId));
      if (!existing || existing.status !== 'active')
        throw new AppError('INVALID_STATE', 'O termo de cooperação a ampliar não está vigente.');
      term = existing;
    } else {
      const { kind, covered } = termKindOf(row, partner);
      const number = await nextTermNumber(tx);
      const [created] = await tx
        .insert(cooperationTerms)
        .values({
          number,
          partnerId: partner.id,
          applicationId: id,
          kind,
          coveredMunicipalities: covered,
          managerTermId: kind === 'adhesion' ? row.managerTermId : null,
        })
        .returning();
      term = created!;
      await issueDocument(tx, deps, who.actor, {
        kind: 'cooperation_term',
        subjectType: 'application',
        subjectId: id,
        content: cooperationTermAct(number, kind, row, partner, points, covered),
        formats: ['pdf', 'docx'],
      });
    }
    const [auth] = await tx
      .insert(projectAuthorisations)
      .values({ termId: term.id, applicationId: id, cameraPoints: points.length, pointsDigest: pointsDigest(points) })
      .returning();

    const gazette = gazetteText(row, partner, points.length, term.number);
    const subject = { subjectType: 'application', subjectId: id };
    await issueDocument(tx, deps, who.actor, {
      ...subject,
      kind: 'homologation',
      content: homologationAct(row, partner, gazette),
      formats: ['pdf'],
    });
    await issueDocument(tx, deps, who.actor, {
      ...subject,
      kind: 'gazette_text',
      content: gazetteAct(row, gazette),
      formats: ['pdf', 'docx'],
    });
    await issueDocument(tx, deps, who.actor, {
      ...subject,
      kind: 'prequalification_term',
      content: prequalificationAct(row, partner, points.length),
      formats: ['pdf'],
    });
    await recordAudit(tx, who.actor, {
      action: 'project.authorised',
      targetType: 'cooperation_term',
      targetId: term.id,
      data: { authorisationId: auth!.id, applicationId: id, cameraPoints: points.length, extension: Boolean(row.extendsTermId) },
    });
    if (partner.email) {
      await queueMail(tx, {
        to: partner.email,
        subject: `Vigia Mais MT — pedido nº ${row.number} homologado`,
        text: `O pedido nº ${row.number} foi homologado pelo CIOSP (Decreto 1.522/2022, art. 16, § 1º). ${row.extendsTermId ? `A ampliação foi autorizada no termo nº ${term.number}.` : `O Termo de Cooperação Técnica nº ${term.number} segue para assinatura.`}`,
      });
    }
    const [summary] = await toSummaries(tx, [row]);
    return { application: summary!, term: await toTerm(tx, term), gazetteText: gazette };
  });
}
