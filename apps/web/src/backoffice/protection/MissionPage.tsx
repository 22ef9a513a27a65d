import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { ReasonedDecision } from '../../shared/components/ReasonedDecision';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { ActionPlanForm } from './ActionPlanForm';
import { ChecklistForm } from './ChecklistForm';
import { ConvocationForm } from './ConvocationForm';
import { ConvocationsTable } from './ConvocationsTable';
import { CloseForm, ExecutionLogList, LogEntryForm, PeriodForm, ReportForm, StartMissionForm } from './ExecutionForms';
import { LevelForm } from './LevelForm';
import { actPdfUrl, decideActivation, getMission } from './protection-api';
import { RouteCameras } from './RouteCameras';
import { RouteMosaic } from './RouteMosaic';
import { RouteSupport } from './RouteSupport';
import { ThreatAssessmentForm } from './ThreatAssessmentForm';
import { VehiclesForm } from './VehiclesForm';

const ACT_LABELS: Record<string, string> = {
  request: 'Pedido',
  threat_assessment: 'Avaliação de ameaça',
  activation: 'Decisão de acionamento',
  level: 'Nível de proteção',
  action_plan: 'Plano de ação',
  convocation: 'Convocação',
  convocation_ack: 'Ciência do superior',
  briefing_checklist: 'Checklist do briefing',
  start: 'Início da execução',
  post_mission_report: 'Relatório pós-missão',
  closure: 'Encerramento',
  period_extension: 'Prorrogação do período',
  period_reduction: 'Redução do período',
};

/** One mission as its reader may see it; each act downloads as a copy watermarked with the reader's name. */
export function MissionPage() {
  const { id = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getMission(id, signal), [id]);
  const { data: m, error, loading, reload } = useApiData(load);
  useDocumentTitle(m ? `Missão ${m.codeName}` : 'Missão de proteção');
  if (loading && !m) return <Loading label="Carregando missão…" />;
  if (!m) return <ApiErrorMessage error={error} />;
  // Each step shows only to whom the server lets act on it (the server checks again).
  const coordination = m.functions.includes('core_coordination') && !m.readOnly;
  const planning = m.status === 'planning' && coordination;
  const onTeam = m.convocations.some((c) => c.mine === 'officer');
  const toSign = m.status === 'planning' ? m.convocations.filter((c) => c.mine === 'officer' && c.presentedAt && !c.checklistSignedAt) : [];
  const periodOpen = ['requested', 'assessed', 'planning', 'in_progress'].includes(m.status);
  return (
    <>
      <Breadcrumb items={[{ label: 'Missões de proteção', to: '..' }, { label: m.codeName }]} />
      <h1>
        Missão {m.codeName} <small className="text-down-01">nº {m.number}</small>
      </h1>
      <p>
        <span className="br-tag text">{m.statusLabel}</span> Nível {m.level ?? '—'} · Período {m.periodStart} a {m.periodEnd}
        {m.readOnly && ' · somente leitura'}
      </p>
      {m.reminder && (
        <div className="br-message warning" role="status">
          <div className="content">
            O período de segurança termina em {m.reminder.daysToEnd} dia(s): prorrogue ou encerre (art. 11, § 1º).
          </div>
        </div>
      )}
      {m.protectee && (
        <p>
          Autoridade: {m.protectee.name} — {m.protectee.office} · Unidade solicitante: {m.requestingUnit}
        </p>
      )}
      {m.status === 'requested' && m.functions.includes('intelligence') && <ThreatAssessmentForm missionId={id} onDone={reload} />}
      {m.status === 'assessed' && m.functions.includes('director_general') && (
        <section aria-labelledby="activation-title">
          <h2 id="activation-title">Decisão de acionamento (arts. 6º e 7º)</h2>
          <ReasonedDecision
            id="activation-reason"
            approveLabel="Acionar a CORE"
            decide={(a, r) => decideActivation(id, a, r)}
            onDecided={reload}
          />
        </section>
      )}
      {m.blockers && m.blockers.length > 0 && (
        <section aria-labelledby="blockers-title">
          <h2 id="blockers-title">Pendências para iniciar a missão</h2>
          <ul>
            {m.blockers.map((b) => (
              <li key={b.path + b.message}>{b.message}</li>
            ))}
          </ul>
        </section>
      )}
      {m.status === 'in_progress' && m.route && (
        <RouteMosaic missionId={id} legs={m.route.filter((s) => s.kind === 'leg').map((s) => ({ name: s.name }))} />
      )}
      {m.route && m.route.length > 0 && <RouteCameras route={m.route} />}
      {m.support && m.support.length > 0 && <RouteSupport support={m.support} meters={m.plan?.supportDistanceMeters ?? 3000} />}
      {planning && (
        <>
          <LevelForm missionId={id} current={m.level} onDone={reload} />
          <VehiclesForm missionId={id} current={m.vehicles ?? []} onDone={reload} />
          <ActionPlanForm missionId={id} current={m.plan ?? null} onDone={reload} />
          <ConvocationForm missionId={id} onDone={reload} />
        </>
      )}
      <ConvocationsTable missionId={id} convocations={m.convocations} onChange={reload} />
      {toSign.map((c) => (
        <ChecklistForm key={c.id} missionId={id} convocationId={c.id} onDone={reload} />
      ))}
      {planning && <StartMissionForm missionId={id} onDone={reload} />}
      {m.log && <ExecutionLogList log={m.log} />}
      {m.status === 'in_progress' && (coordination || onTeam) && <LogEntryForm missionId={id} onDone={reload} />}
      {m.status === 'in_progress' && coordination && <ReportForm missionId={id} onDone={reload} />}
      {m.status === 'reported' && coordination && <CloseForm missionId={id} onDone={reload} />}
      {periodOpen && (coordination || m.functions.includes('director_general')) && (
        <PeriodForm missionId={id} periodEnd={m.periodEnd} onDone={reload} />
      )}
      <section aria-labelledby="acts-title">
        <h2 id="acts-title">Atos da missão</h2>
        <p className="text-down-01">Cada download é uma cópia controlada com o seu nome em marca d'água e lista de distribuição.</p>
        <ul>
          {m.acts.map((a) => (
            <li key={a.id}>
              <a href={actPdfUrl(id, a.id)} download>
                {ACT_LABELS[a.kind] ?? a.kind}
              </a>{' '}
              — {formatDateTime(a.issuedAt)} · código {a.code}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
