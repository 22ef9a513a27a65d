import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { ApplicationFacts } from '../shared/ApplicationFacts';
import { CameraPointsTable } from '../shared/CameraPointsTable';
import { CaseTimeline } from '../shared/CaseTimeline';
import { DeficiencyNoticeView } from '../shared/DeficiencyNoticeView';
import { GeneratedDocumentsTable } from '../shared/GeneratedDocumentsTable';
import { RequiredDocumentsTable } from '../shared/RequiredDocumentsTable';
import { useApplication } from '../shared/use-application';
import { DeficiencyAnswerForm } from './DeficiencyAnswerForm';

/** /habilitacoes/:id — the partner's view of one application: status, history, notices, acts. */
export function PartnerCasePage() {
  const id = useParams().id ?? '';
  const [params] = useSearchParams();
  const { data: app, error, loading, replace } = useApplication(id);
  useDocumentTitle(app ? `Pedido nº ${app.number}` : 'Pedido de habilitação');

  if (loading) return <Loading label="Carregando o pedido…" />;
  if (error || !app) return <ApiErrorMessage error={error} />;

  const openNotice = app.deficiencyNotices.find((n) => n.status === 'open');
  return (
    <>
      <Breadcrumb items={[{ label: 'Minhas habilitações', to: '/habilitacoes' }, { label: `Pedido nº ${app.number}` }]} />
      <h1>Pedido de habilitação nº {app.number}</h1>
      {params.get('enviado') && app.status !== 'draft' && (
        <Message kind="success" title="Pedido enviado.">
          Os anexos foram gerados e você receberá as comunicações por e-mail.
        </Message>
      )}
      {app.status === 'draft' && (
        <Message kind="info" title="Rascunho.">
          <Link to={`/habilitacoes/${app.id}/editar`}>Continuar o preenchimento</Link>.
        </Message>
      )}
      <ApplicationFacts app={app} />
      <CaseTimeline app={app} />
      <section aria-labelledby="notices-title">
        <h2 id="notices-title" className="h4">
          Notificações de falhas
        </h2>
        {app.deficiencyNotices.length === 0 && <p>Nenhuma notificação de falhas.</p>}
        {app.deficiencyNotices.map((n, i) => (
          <DeficiencyNoticeView key={n.id} applicationId={app.id} notice={n} index={i} />
        ))}
        {openNotice && (
          <>
            <p>
              Se as falhas envolvem documentos ou o projeto executivo,{' '}
              <Link to={`/habilitacoes/${app.id}/editar?etapa=documentos`}>corrija-os aqui</Link> antes de responder.
            </p>
            <DeficiencyAnswerForm applicationId={app.id} notice={openNotice} onAnswered={replace} />
          </>
        )}
      </section>
      <GeneratedDocumentsTable app={app} />
      <h2 className="h4">Documentos anexados</h2>
      <RequiredDocumentsTable app={app} />
      <h2 className="h4">Projeto executivo</h2>
      <CameraPointsTable app={app} />
    </>
  );
}
