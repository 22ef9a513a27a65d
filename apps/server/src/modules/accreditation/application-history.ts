import { type ApplicationHistoryEvent, type ApplicationStatus, applicationStatusSchema } from '@vigia/contracts';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/tables/accounts.js';
import { cooperationTerms } from '../../db/tables/accreditation.js';
import { auditEvents } from '../../db/tables/audit.js';
import type { AuthContext } from '../accounts/session.service.js';
import { loadInScope, viewCondition } from './scope.js';

/** pt-BR description of each audited action of an application (and of its cooperation terms). */
const descriptions: Record<string, string> = {
  'application.created': 'Pedido aberto como rascunho.',
  'application.updated': 'Dados do pedido alterados.',
  'application.camera_points_set': 'Pontos de videomonitoramento (projeto executivo, Anexo 3) registrados.',
  'application.document_attached': 'Documento anexado.',
  'application.submitted': 'Pedido enviado.',
  'application.direct_handling_accepted': 'SESP aceitou conduzir o pedido diretamente (art. 8º, § 2º).',
  'application.direct_handling_returned': 'SESP devolveu o pedido ao gestor municipal (art. 8º, § 2º).',
  'application.analysis_started': 'Análise iniciada pela comissão.',
  'application.risp_opinions_requested': 'Parecer da coordenação regional (RISP) solicitado (art. 12).',
  'application.checklist_recorded': 'Verificação de requisitos registrada.',
  'application.technical_visit_scheduled': 'Visita técnica agendada (art. 14, § 2º).',
  'application.technical_visit_recorded': 'Constatações da visita técnica registradas.',
  'application.deficiency_notice_issued': 'Notificação de falhas emitida (art. 16, § 2º).',
  'application.deficiencies_answered': 'Falhas respondidas pelo proponente.',
  'application.approved': 'Pedido deferido (art. 16).',
  'application.rejected': 'Pedido indeferido (art. 16).',
  'application.archived': 'Pedido arquivado (art. 16, § 3º).',
  'application.homologated': 'Pedido homologado pelo CIOSP (art. 16, § 1º).',
  'deficiency_notice.expired': 'Prazo da notificação de falhas terminou sem resposta (art. 16, § 3º).',
  'risp_opinion.favourable': 'Parecer favorável da RISP (art. 12).',
  'risp_opinion.unfavourable': 'Parecer desfavorável da RISP (art. 12).',
  'cooperation_term.signed': 'Termo de cooperação assinado.',
  'cooperation_term.ended': 'Cooperação encerrada.',
  'project.authorised': 'Projeto executivo autorizado (art. 14, § 4º).',
};

const status = (v: unknown): ApplicationStatus | null => {
  const parsed = applicationStatusSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
};

/**
 * The case history, read from the audit trail (the same rows written with every change): status
 * changes with time and actor, opinions, notices, terms. Scope as for the application (404 outside).
 */
export async function applicationHistory(db: Db, auth: AuthContext, id: string): Promise<ApplicationHistoryEvent[]> {
  await loadInScope(db, viewCondition(auth), id);
  const terms = (await db.select({ id: cooperationTerms.id }).from(cooperationTerms).where(eq(cooperationTerms.applicationId, id))).map(
    (t) => t.id,
  );
  const target = terms.length
    ? or(
        and(eq(auditEvents.targetType, 'application'), eq(auditEvents.targetId, id)),
        and(eq(auditEvents.targetType, 'cooperation_term'), inArray(auditEvents.targetId, terms)),
      )
    : and(eq(auditEvents.targetType, 'application'), eq(auditEvents.targetId, id));
  const rows = await db
    .select({ e: auditEvents, name: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(target)
    .orderBy(asc(auditEvents.seq))
    .limit(1000);
  return rows
    .filter(({ e }) => e.action in descriptions)
    .map(({ e, name }) => ({
      at: e.at.toISOString(),
      action: e.action,
      description: descriptions[e.action]!,
      fromStatus: status(e.data?.from),
      toStatus: status(e.data?.to),
      actorName: name ?? (e.actorId ? 'Usuário' : 'Sistema'),
      reason: e.reason,
    }));
}
