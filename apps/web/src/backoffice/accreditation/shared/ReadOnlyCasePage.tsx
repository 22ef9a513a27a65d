import { useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { ApplicationFacts } from './ApplicationFacts';
import { CameraPointsTable } from './CameraPointsTable';
import { CaseTimeline } from './CaseTimeline';
import { GeneratedDocumentsTable } from './GeneratedDocumentsTable';
import { RequiredDocumentsTable } from './RequiredDocumentsTable';
import { RispOpinionsList } from './RispOpinionsList';
import { useApplication } from './use-application';

/** One application, read-only (admin after homologation). */
export function ReadOnlyCasePage({ backPath, backLabel }: { backPath: string; backLabel: string }) {
  const id = useParams().id ?? '';
  const { data: app, error, loading } = useApplication(id);
  useDocumentTitle(app ? `Pedido nº ${app.number}` : 'Pedido de habilitação');
  if (loading) return <Loading label="Carregando o pedido…" />;
  if (error || !app) return <ApiErrorMessage error={error} />;
  return (
    <>
      <Breadcrumb items={[{ label: backLabel, to: backPath }, { label: `Pedido nº ${app.number}` }]} />
      <h1>Pedido de habilitação nº {app.number}</h1>
      <ApplicationFacts app={app} />
      <GeneratedDocumentsTable app={app} />
      <CaseTimeline app={app} />
      <RispOpinionsList app={app} />
      <h2 className="h4">Documentos do pedido</h2>
      <RequiredDocumentsTable app={app} />
      <h2 className="h4">Projeto executivo</h2>
      <CameraPointsTable app={app} />
    </>
  );
}
