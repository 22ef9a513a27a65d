import type { SelfTestBatch } from '@vigia/contracts';
import { useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { SelectField } from '../../shared/components/SelectField';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { getSelfTestBatch, listClients, startSelfTestBatch } from '../api/integrator-api';

const TITLE = 'Teste de câmeras em lote';

/**
 * /integradora/testes — the installer self-test over the clients' cameras, one camera at a time, with
 * a progress bar and one line per camera (failing step and what to do). Issue 18, "bulk work".
 */
export function SelfTestBatchPage() {
  useDocumentTitle(TITLE);
  const { data: clients } = useApiData(listClients);
  const [clientId, setClientId] = useState('');
  const [batch, setBatch] = useState<SelfTestBatch | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  // Follow the batch until it ends (the server tests one camera at a time).
  useEffect(() => {
    if (!batch || batch.finishedAt) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getSelfTestBatch(batch.id, controller.signal)
        .then(setBatch)
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setError(toApiError(e));
        });
    }, 1000);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [batch]);

  return (
    <>
      <Breadcrumb items={[{ label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>
        Verifica, câmera por câmera, se as portas respondem, se o RTSP autentica, qual é o vídeo (codec, resolução, quadros) e captura uma
        imagem — o mesmo autoteste da câmera, para todos os clientes ou para um só.
      </p>
      <form
        className="br-card p-3 mb-4"
        aria-label="Iniciar teste em lote"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          startSelfTestBatch(clientId || undefined)
            .then(setBatch)
            .catch((err: unknown) => setError(toApiError(err)));
        }}
      >
        <SelectField
          id="batch-client"
          label="Câmeras de"
          value={clientId}
          onChange={setClientId}
          placeholder="Todos os clientes"
          options={(clients ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <button type="submit" className="br-button primary mt-2" disabled={Boolean(batch && !batch.finishedAt)}>
          Testar câmeras
        </button>
      </form>
      <ApiErrorMessage error={error} />
      {batch && <BatchReport batch={batch} />}
    </>
  );
}

function BatchReport({ batch }: { batch: SelfTestBatch }) {
  const ok = batch.cameras.filter((c) => c.ok === true).length;
  return (
    <section aria-labelledby="batch-report">
      <h2 className="h5" id="batch-report">
        {batch.finishedAt ? 'Resultado do lote' : 'Testando…'}
      </h2>
      <label htmlFor="batch-progress">
        {batch.done} de {batch.total} câmeras testadas
      </label>
      <progress id="batch-progress" className="d-block w-100 mb-3" max={batch.total} value={batch.done} />
      {batch.finishedAt && (
        <Message kind={ok === batch.total ? 'success' : 'warning'}>
          {ok} de {batch.total} câmeras passaram no teste.
        </Message>
      )}
      <div className="br-table">
        <table>
          <caption>Resultado por câmera</caption>
          <thead>
            <tr>
              <th scope="col">Cliente</th>
              <th scope="col">Câmera</th>
              <th scope="col">Resultado</th>
              <th scope="col">O que fazer</th>
            </tr>
          </thead>
          <tbody>
            {batch.cameras.map((c) => (
              <tr key={c.cameraId} data-camera-id={c.cameraId}>
                <td>{c.clientName}</td>
                <td>{c.cameraName}</td>
                <td>
                  {c.ok === null ? (
                    <span className="br-tag text">Aguardando</span>
                  ) : c.ok ? (
                    <span className="br-tag text success">Passou</span>
                  ) : (
                    <span className="br-tag text danger">Falhou: {c.failedStep?.label ?? 'teste'}</span>
                  )}
                </td>
                <td>{c.failedStep?.hint ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
