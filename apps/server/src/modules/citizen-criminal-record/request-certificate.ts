import { randomUUID } from 'node:crypto';
import { type CertificateRequest, meetsLevel, requiredLevelOf } from '@vigia/contracts';
import { criminalRecordCertificates } from '../../db/tables/criminal-record.js';
import type { CitizenContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { hitRateLimit } from '../accounts/rate-limit.js';
import { type AuditActor, type AuditEntry, recordAudits } from '../audit/audit.service.js';
import { newCitizenProtocol } from '../citizen-accounts/citizen-protocol.js';
import { ANALYSIS_DEADLINE_DAYS, type CertificateDeps, DAY_MS, toCertificateRequest } from './certificate-deps.js';
import { certificateIssue } from './issue-certificate.js';

/**
 * A citizen asks for a criminal-record certificate (free; gov.br prata or ouro). No entry on the
 * CPF and no homonym: issued at once. Otherwise the request waits for a Politec analyst, with
 * the legal deadline (Lei 9.051/1995, 15 days) visible to the citizen. The PDF is rendered after
 * commit (`pdfReady` turns true then).
 */
export async function requestCertificate(
  deps: CertificateDeps,
  who: CitizenContext,
  actor: AuditActor,
  input: { purpose: string },
): Promise<CertificateRequest> {
  const { citizen } = who;
  if (!meetsLevel(citizen.level, requiredLevelOf('criminal_record_certificate'))) throw new AppError('CITIZEN_LEVEL_TOO_LOW');
  const limit = await hitRateLimit(deps.db, 'criminal-certificate', citizen.id, {
    max: deps.config.citizen.certificatesPerDay,
    windowMs: DAY_MS,
  });
  if (!limit.allowed) throw new AppError('RATE_LIMITED', 'Limite diário de pedidos de certidão atingido. Tente novamente amanhã.');

  const found = await deps.records(deps.db).search({ cpf: citizen.cpf, name: citizen.name });
  const atOnce = found.entries.length === 0 && found.homonyms === 0;
  const now = deps.clock.now();
  const requested = {
    id: randomUUID(),
    protocol: newCitizenProtocol('CAC', now),
    citizenId: citizen.id,
    cpf: citizen.cpf,
    name: citizen.name,
    purpose: input.purpose,
    requestedAt: now,
  };
  const row = await deps.db.transaction(async (tx) => {
    // Issued at once: the row is written issued (one insert), and the document's and the
    // certificate's audit entries go in one multi-row insert, last, so the chain lock is held only
    // until commit.
    const audit: AuditEntry[] = [];
    const issued = atOnce ? await certificateIssue(tx, deps, actor, requested, [], audit) : null;
    const [row] = await tx
      .insert(criminalRecordCertificates)
      .values(
        issued
          ? { ...requested, ...issued }
          : {
              ...requested,
              status: 'in_analysis',
              analysisReason: found.entries.length ? 'record' : 'homonym',
              deadlineAt: new Date(now.getTime() + ANALYSIS_DEADLINE_DAYS * DAY_MS),
            },
      )
      .returning();
    audit.push({
      action: issued ? 'criminal_certificate.issued' : 'criminal_certificate.requested',
      targetType: 'criminal_record_certificate',
      targetId: row!.id,
      data: issued
        ? { protocol: row!.protocol, atOnce: true, code: issued.code, result: issued.result }
        : { protocol: row!.protocol, atOnce: false },
    });
    await recordAudits(tx, actor, audit);
    return row!;
  });
  if (row.documentId) deps.renders.schedule([row.documentId]);
  return toCertificateRequest(row);
}
