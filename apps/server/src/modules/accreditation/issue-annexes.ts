import type { Tx } from '../../db/client.js';
import type { AuditActor } from '../audit/audit.service.js';
import { issueDocument } from '../documents/issue-document.js';
import type { PartnerRow } from '../partners/partner-profile.js';
import { annex1, annex3, annex4, annex5 } from './acts.js';
import { latestUnsupersededDoc, type PointRow } from './application.repository.js';
import type { AccreditationDeps } from './deps.js';
import { pointsDigest } from './requirements.js';
import type { ApplicationRow } from './scope.js';

/**
 * Generates annexes 1, 3, 4 and 5 from the application's rows, all stamped with the same
 * `sourceDigest` of the camera points, superseding earlier versions. Skipped when the current
 * annexes were generated from identical rows. Anexo 5 is also issued as DOCX: it is signed outside.
 */
export async function issueAnnexes(
  tx: Tx,
  deps: AccreditationDeps,
  actor: AuditActor,
  app: ApplicationRow,
  partner: PartnerRow,
  points: PointRow[],
): Promise<string> {
  const digest = pointsDigest(points);
  const current = await latestUnsupersededDoc(tx, app.id, 'annex_3');
  if (current?.sourceDigest === digest) return digest;
  const common = { subjectType: 'application', subjectId: app.id, sourceDigest: digest, supersedes: true };
  await issueDocument(tx, deps, actor, { ...common, kind: 'annex_1', content: annex1(app, partner, points), formats: ['pdf'] });
  await issueDocument(tx, deps, actor, { ...common, kind: 'annex_3', content: annex3(app, partner, points), formats: ['pdf'] });
  await issueDocument(tx, deps, actor, { ...common, kind: 'annex_4', content: annex4(app, partner, points), formats: ['pdf'] });
  await issueDocument(tx, deps, actor, { ...common, kind: 'annex_5', content: annex5(app, partner, points), formats: ['pdf', 'docx'] });
  return digest;
}
