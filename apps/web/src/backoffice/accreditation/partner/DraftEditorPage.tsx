import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { useApplication } from '../shared/use-application';
import { BasicsStep } from './BasicsStep';
import { CameraPointsStep } from './CameraPointsStep';
import { DocumentsStep } from './DocumentsStep';
import { PartnerProfileCard } from './PartnerProfileCard';
import { SubmitStep } from './SubmitStep';
import { kindOf, usePartnerProfile } from './use-partner-kind';
import { type WizardStep, WizardSteps, wizardSteps } from './WizardSteps';

const isStep = (s: string | null): s is WizardStep => wizardSteps.some((w) => w.id === s);

/**
 * /habilitacoes/:id/editar?etapa=… — the wizard on a draft (all steps), or, while a deficiency
 * notice is open, the documents and executive project (that is how faults are remedied).
 */
export function DraftEditorPage() {
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: app, error, loading, replace } = useApplication(id);
  const profile = usePartnerProfile();
  const kind = kindOf(profile.data);
  const requested = params.get('etapa');
  const step: WizardStep = isStep(requested) ? requested : 'pedido';
  useDocumentTitle(app ? `Pedido nº ${app.number}` : 'Pedido de habilitação');

  if (loading) return <Loading label="Carregando o pedido…" />;
  if (error || !app) return <ApiErrorMessage error={error} />;

  const remedying = app.status === 'deficiency_notice_issued';
  const editable = app.status === 'draft' || remedying;
  const steps = remedying ? wizardSteps.filter((s) => s.id === 'documentos' || s.id === 'projeto') : wizardSteps;
  const shown = steps.some((s) => s.id === step) ? step : (steps[0]?.id ?? 'documentos');
  const index = steps.findIndex((s) => s.id === shown);
  const go = (s: WizardStep) => setParams({ etapa: s });

  return (
    <>
      <Breadcrumb
        items={[
          { label: 'Minhas habilitações', to: '/habilitacoes' },
          { label: `Pedido nº ${app.number}`, to: `/habilitacoes/${app.id}` },
          { label: remedying ? 'Sanar falhas' : 'Preencher' },
        ]}
      />
      <h1>{remedying ? `Sanar falhas — pedido nº ${app.number}` : `Nova habilitação — pedido nº ${app.number}`}</h1>
      {!editable ? (
        <Message kind="info" title="Este pedido não pode mais ser alterado.">
          <Link to={`/habilitacoes/${app.id}`}>Ver o andamento do pedido</Link>.
        </Message>
      ) : (
        <>
          {!remedying && <WizardSteps current={shown} />}
          {remedying && (
            <Message kind="warning">
              Corrija os documentos e o projeto executivo apontados e responda à notificação na página do pedido.
            </Message>
          )}
          {profile.data && shown === 'pedido' && <PartnerProfileCard profile={profile.data} />}
          {shown === 'pedido' && <BasicsStep app={app} kind={kind} onSaved={replace} />}
          {shown === 'documentos' && <DocumentsStep app={app} onChanged={replace} />}
          {shown === 'projeto' && <CameraPointsStep app={app} onSaved={replace} />}
          {shown === 'envio' && <SubmitStep app={app} kind={kind} onSubmitted={(d) => void navigate(`/habilitacoes/${d.id}?enviado=1`)} />}
          <nav className="d-flex flex-wrap mt-4" aria-label="Navegação entre etapas">
            {index > 0 && (
              <button className="br-button secondary mr-2 mb-2" type="button" onClick={() => go(steps[index - 1]!.id)}>
                Etapa anterior
              </button>
            )}
            {index < steps.length - 1 && (
              <button className="br-button secondary mb-2" type="button" onClick={() => go(steps[index + 1]!.id)}>
                Próxima etapa
              </button>
            )}
          </nav>
        </>
      )}
    </>
  );
}
