import { type ApplicantKind, type ApplicationDetail, isPrivateApplicant } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { submitApplication } from '../../api/accreditation-api';
import { ApplicationFacts } from '../shared/ApplicationFacts';
import { CameraPointsTable } from '../shared/CameraPointsTable';
import { RequiredDocumentsTable } from '../shared/RequiredDocumentsTable';

interface Props {
  app: ApplicationDetail;
  kind: ApplicantKind | null;
  onSubmitted: (detail: ApplicationDetail) => void;
}

/** Review and submit. The API checks everything (documents, lease, photos, points) and says what is missing. */
export function SubmitStep({ app, kind, onSubmitted }: Props) {
  const [askDirect, setAskDirect] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      onSubmitted(await submitApplication(app.id, askDirect ? reason.trim() : undefined));
    } catch (e) {
      setError(toApiError(e));
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title" className="h4">
        Revisão e envio
      </h2>
      <ApiErrorMessage error={error} />
      <ApplicationFacts app={app} />
      <RequiredDocumentsTable app={app} />
      <CameraPointsTable app={app} />
      {kind && isPrivateApplicant(kind) && (
        <div className="my-3">
          <div className="vigia-choice">
            <input id="ask-direct" type="checkbox" checked={askDirect} onChange={(e) => setAskDirect(e.target.checked)} />
            <label htmlFor="ask-direct">
              Pedir que a SESP/MT processe diretamente o pedido, por razões de ordem técnica (art. 8º, § 2º)
            </label>
          </div>
          {askDirect && (
            <TextAreaField
              id="direct-reason"
              label="Razões de ordem técnica"
              hint="Só se aplica onde há gestão indireta vigente. Mínimo de 20 caracteres."
              value={reason}
              onChange={setReason}
              error={error?.details.find((d) => d.path === 'directHandlingReason')?.message}
              maxLength={4000}
            />
          )}
        </div>
      )}
      <button className="br-button primary mt-2" type="button" onClick={() => void submit()} disabled={busy}>
        {busy ? 'Enviando…' : 'Enviar pedido de habilitação'}
      </button>
    </section>
  );
}
