import type { ApplicationSummary } from '@vigia/contracts';
import { useState } from 'react';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { type HomologationResult, homologateApplication } from '../../api/accreditation-api';

/** Homologation (CIOSP, Art. 16 §1): issues the gazette text and the cooperation term. */
export function HomologateButton({ app, onDone }: { app: ApplicationSummary; onDone: (r: HomologationResult) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      onDone(await homologateApplication(app.id));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button className="br-button primary small" type="button" disabled={busy} onClick={() => void run()}>
        {busy ? 'Homologando…' : `Homologar pedido nº ${app.number}`}
      </button>
      <ApiErrorMessage error={error} />
    </>
  );
}
