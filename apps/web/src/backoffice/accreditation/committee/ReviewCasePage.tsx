import { useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { PointMap } from '../map/PointMap';
import { ApplicationFacts } from '../shared/ApplicationFacts';
import { CameraPointsTable } from '../shared/CameraPointsTable';
import { CaseTimeline } from '../shared/CaseTimeline';
import { DeficiencyNoticeView } from '../shared/DeficiencyNoticeView';
import { GeneratedDocumentsTable } from '../shared/GeneratedDocumentsTable';
import { RequiredDocumentsTable } from '../shared/RequiredDocumentsTable';
import { RispOpinionsList } from '../shared/RispOpinionsList';
import { useApplication } from '../shared/use-application';
import { ChecklistForm } from './ChecklistForm';
import { DecisionForm } from './DecisionForm';
import { DeficiencyNoticeForm } from './DeficiencyNoticeForm';
import { DirectHandlingPanel } from './DirectHandlingPanel';
import { StartAnalysisPanel } from './StartAnalysisPanel';
import { TechnicalVisitPanel } from './TechnicalVisitPanel';

interface Props {
  /** Router path of the queue (breadcrumb). */
  queuePath: string;
  queueLabel: string;
  /** Only the SESP committee decides requests for direct handling (Art. 8 §2). */
  committee: boolean;
}

/** Analysis of one application by the committee or the municipal manager: facts, checklist, actions by status. */
export function ReviewCasePage({ queuePath, queueLabel, committee }: Props) {
  const id = useParams().id ?? '';
  const { data: app, error, loading, replace } = useApplication(id);
  useDocumentTitle(app ? `Análise do pedido nº ${app.number}` : 'Análise do pedido');

  if (loading) return <Loading label="Carregando o pedido…" />;
  if (error || !app) return <ApiErrorMessage error={error} />;

  const s = app.status;
  const awaitingDirect = app.directHandling?.status === 'requested';
  return (
    <>
      <Breadcrumb items={[{ label: queueLabel, to: queuePath }, { label: `Pedido nº ${app.number}` }]} />
      <h1>Análise do pedido nº {app.number}</h1>
      <ApplicationFacts app={app} />
      <div className="row">
        <div className="col-lg-7">
          <h2 className="h4">Ações</h2>
          {committee && awaitingDirect && <DirectHandlingPanel app={app} onChange={replace} />}
          {(s === 'submitted' || s === 'remedied') && <StartAnalysisPanel app={app} onChange={replace} />}
          {s === 'in_analysis' && (
            <>
              <ChecklistForm app={app} onChange={replace} />
              <TechnicalVisitPanel app={app} onChange={replace} />
              <DeficiencyNoticeForm key={`n-${app.updatedAt}`} app={app} onChange={replace} />
            </>
          )}
          {(s === 'in_analysis' || s === 'deficiency_notice_issued') && <DecisionForm app={app} onChange={replace} />}
          {!['submitted', 'remedied', 'in_analysis', 'deficiency_notice_issued'].includes(s) && !awaitingDirect && (
            <p>Não há ação de análise para esta situação do pedido.</p>
          )}
        </div>
        <div className="col-lg-5">
          <CaseTimeline app={app} />
          <RispOpinionsList app={app} />
        </div>
      </div>
      <h2 className="h4">Notificações de falhas</h2>
      {app.deficiencyNotices.length === 0 && <p>Nenhuma notificação emitida.</p>}
      {app.deficiencyNotices.map((n, i) => (
        <DeficiencyNoticeView key={n.id} applicationId={app.id} notice={n} index={i} />
      ))}
      <h2 className="h4">Documentos do pedido</h2>
      <RequiredDocumentsTable app={app} />
      <h2 className="h4">Projeto executivo</h2>
      <PointMap
        points={app.cameraPoints.map((p) => ({ key: p.id, label: `Ponto ${p.ordinal}`, latitude: p.latitude, longitude: p.longitude }))}
        description="Pontos de videomonitoramento do projeto executivo."
      />
      <CameraPointsTable app={app} />
      <GeneratedDocumentsTable app={app} />
    </>
  );
}
