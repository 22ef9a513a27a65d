import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { createApplication } from '../../api/accreditation-api';
import { ApplicationBasicsFields, type BasicsDraft, basicsRequest, emptyBasics } from './ApplicationBasicsFields';
import { PartnerProfileCard } from './PartnerProfileCard';
import { kindOf, usePartnerProfile } from './use-partner-kind';
import { WizardSteps } from './WizardSteps';

/** Nova habilitação, step 1: modality and property situation → creates the draft (POST). */
export function NewApplicationPage() {
  useDocumentTitle('Nova habilitação');
  const navigate = useNavigate();
  const profile = usePartnerProfile();
  const [draft, setDraft] = useState<BasicsDraft>(emptyBasics);
  const [local, setLocal] = useState<Partial<Record<keyof BasicsDraft, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.propertyOwnership) {
      setLocal({ propertyOwnership: 'Informe a situação do imóvel.' });
      return;
    }
    setLocal({});
    setBusy(true);
    setError(null);
    try {
      const created = await createApplication(basicsRequest(draft));
      void navigate(`/habilitacoes/${created.id}/editar?etapa=documentos`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Minhas habilitações', to: '/habilitacoes' }, { label: 'Nova habilitação' }]} />
      <h1>Nova habilitação</h1>
      <WizardSteps current="pedido" />
      <ApiErrorMessage error={profile.error} />
      {profile.loading && <Loading label="Carregando o cadastro do ente…" />}
      {profile.data && <PartnerProfileCard profile={profile.data} />}
      <ApiErrorMessage error={error} />
      <form onSubmit={submit} noValidate aria-label="Dados do pedido">
        <ApplicationBasicsFields kind={kindOf(profile.data)} draft={draft} onChange={setDraft} error={error} localErrors={local} />
        <button className="br-button primary mt-3" type="submit" disabled={busy}>
          {busy ? 'Criando…' : 'Criar rascunho e continuar'}
        </button>
      </form>
    </>
  );
}
