import type { ComplaintPublic } from '@vigia/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { TextField } from '../../shared/components/TextField';
import { formatDate } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { lookupComplaint } from './complaints-api';

/** /denuncia/acompanhar — status and published outcome of a complaint, by protocol only. */
export function ComplaintLookupPage() {
  useDocumentTitle('Acompanhar denúncia');
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('protocolo') ?? '';
  const [protocol, setProtocol] = useState(fromUrl);
  const [result, setResult] = useState<ComplaintPublic | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!fromUrl) return;
    const controller = new AbortController();
    setBusy(true);
    setError(null);
    lookupComplaint(fromUrl.trim(), controller.signal)
      .then(setResult, (e: unknown) => {
        if (!controller.signal.aborted) {
          setResult(null);
          setError(toApiError(e));
        }
      })
      .finally(() => !controller.signal.aborted && setBusy(false));
    return () => controller.abort();
  }, [fromUrl]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setParams({ protocolo: protocol.trim() });
  }

  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={[{ label: 'Denúncia', to: '/denuncia' }, { label: 'Acompanhar' }]} />
      <h1>Acompanhar denúncia</h1>
      <p>Informe o número do protocolo recebido ao enviar a denúncia. A consulta mostra apenas a situação e o resultado publicado.</p>
      <form
        onSubmit={submit}
        noValidate
        aria-label="Consultar protocolo"
        className="d-flex flex-wrap align-items-end"
        style={{ gap: '1rem' }}
      >
        <TextField
          id="complaint-protocol"
          label="Número do protocolo"
          value={protocol}
          onChange={setProtocol}
          required
          autoComplete="off"
        />
        <button className="br-button primary" type="submit" disabled={busy || protocol.trim().length < 8}>
          Consultar
        </button>
      </form>
      <div className="mt-3">
        <ApiErrorMessage error={error} />
        {result && (
          <section className="br-card p-3" aria-labelledby="complaint-result-title">
            <h2 id="complaint-result-title" className="h4 mt-0">
              Protocolo {result.protocol}
            </h2>
            <dl className="vigia-facts">
              <dt>Situação</dt>
              <dd data-testid="complaint-status">{result.statusLabel}</dd>
              <dt>Recebida em</dt>
              <dd>{formatDate(result.receivedOn)}</dd>
              <dt>Resultado</dt>
              <dd data-testid="complaint-outcome">
                {result.outcome
                  ? `${result.outcome}${result.outcomePublishedOn ? ` (publicado em ${formatDate(result.outcomePublishedOn)})` : ''}`
                  : 'Ainda não publicado.'}
              </dd>
            </dl>
          </section>
        )}
      </div>
    </div>
  );
}
