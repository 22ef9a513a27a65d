import type { ApplicantKind, ApplicationDetail } from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Message } from '../../../shared/components/Message';
import { updateApplication } from '../../api/accreditation-api';
import { ApplicationBasicsFields, type BasicsDraft, basicsOf, basicsRequest } from './ApplicationBasicsFields';

interface Props {
  app: ApplicationDetail;
  kind: ApplicantKind | null;
  onSaved: (detail: ApplicationDetail) => void;
}

/** Step 1 on an existing draft: PATCH modality, property situation, lease, consortium members. */
export function BasicsStep({ app, kind, onSaved }: Props) {
  const [draft, setDraft] = useState<BasicsDraft>(() => basicsOf(app));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const body = basicsRequest(draft);
      onSaved(await updateApplication(app.id, { ...body, leaseEndsOn: body.leaseEndsOn ?? null }));
      setSaved(true);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Dados do pedido">
      <ApiErrorMessage error={error} />
      {saved && <Message kind="success">Dados do pedido salvos.</Message>}
      <ApplicationBasicsFields kind={kind} draft={draft} onChange={setDraft} error={error} />
      <button className="br-button primary mt-3" type="submit" disabled={busy}>
        {busy ? 'Salvando…' : 'Salvar dados do pedido'}
      </button>
    </form>
  );
}
