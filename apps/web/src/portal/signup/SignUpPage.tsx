import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { fieldError } from '../../shared/api/field-errors';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { AccountFields } from './AccountFields';
import { AddressFields } from './AddressFields';
import { ApplicantFields } from './ApplicantFields';
import { ContactPeopleFields } from './ContactPeopleFields';
import { RepresentativeFields } from './RepresentativeFields';
import { signUpPartner } from './signup-api';
import { clientErrors, emptySignUp, type SignUpDraft, toSignUpRequest } from './signup-form';

/**
 * /cadastro — "Quero participar": registers the partner (ente proponente, Art. 3) and its first
 * account. The API validates every field (CPF/CNPJ per kind, CEP and municipality in MT) and its
 * pt-BR messages are shown next to each field. The browser first solves a small proof-of-work
 * challenge (anti-robot); on success the account waits for the link mailed to it (/confirmar-email).
 */
export function SignUpPage() {
  useDocumentTitle('Quero participar');
  const navigate = useNavigate();
  const [draft, setDraft] = useState<SignUpDraft>(emptySignUp);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const patch = (p: Partial<SignUpDraft>) => setDraft((d) => ({ ...d, ...p }));
  const errorFor = (path: string) => local[path] ?? fieldError(error, path);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = clientErrors(draft);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await signUpPartner(toSignUpRequest(draft));
      void navigate('/entrar?cadastro=ok');
    } catch (e) {
      setError(toApiError(e));
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Quero participar' }]} />
      <h1>Quero participar</h1>
      <p>
        Cadastre o ente proponente e crie a conta de acesso. Depois de entrar, você poderá montar o pedido de habilitação: documentos,
        projeto executivo com os pontos das câmeras e envio à SESP/MT (Decreto nº 1.522/2022, arts. 8º a 11).
      </p>
      <p className="text-down-01">
        Já tem conta? <Link to="/entrar">Entrar</Link>.
      </p>
      <ApiErrorMessage error={error} />
      <form onSubmit={submit} noValidate aria-label="Cadastro do ente proponente">
        <ApplicantFields draft={draft} onChange={patch} errorFor={errorFor} />
        <AddressFields address={draft.address} onChange={(address) => patch({ address })} errorFor={errorFor} />
        <RepresentativeFields
          value={draft.legalRepresentative}
          onChange={(legalRepresentative) => patch({ legalRepresentative })}
          errorFor={errorFor}
        />
        <ContactPeopleFields contacts={draft.contacts} onChange={(contacts) => patch({ contacts })} errorFor={errorFor} />
        <AccountFields account={draft.account} onChange={(account) => patch({ account })} errorFor={errorFor} />
        <button className="br-button primary" type="submit" disabled={busy}>
          {busy ? 'Verificando e enviando…' : 'Cadastrar'}
        </button>
      </form>
    </div>
  );
}
