import type { CameraSelfTest } from '@vigia/contracts';
import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { listSelfTests, runSelfTest, snapshotUrl } from '../api/cameras-api';

const outcomeIcon = {
  ok: 'fa-check-circle text-success',
  fail: 'fa-times-circle text-danger',
  skipped: 'fa-minus-circle text-muted',
} as const;
const outcomeLabel = { ok: 'OK', fail: 'Falhou', skipped: 'Não executado' } as const;

/**
 * The installer self-test (replaces "try the IP and port in a browser", guide §05): runs on the
 * server, shows each step with its pt-BR hint, the stream found and the snapshot.
 */
export function SelfTestPanel({ cameraId, onDone }: { cameraId: string; onDone?: (test: CameraSelfTest) => void }) {
  const load = useCallback((signal: AbortSignal) => listSelfTests(cameraId, signal), [cameraId]);
  const history = useApiData(load);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = history.data?.[0] ?? null;

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const test = await runSelfTest(cameraId);
      history.setData((all) => [test, ...(all ?? [])]);
      onDone?.(test);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="my-4" aria-labelledby="self-test-title">
      <div className="d-flex flex-wrap align-items-center justify-content-between">
        <h2 id="self-test-title" className="h4">
          Autoteste de conectividade
        </h2>
        <button type="button" className="br-button primary" onClick={() => void run()} disabled={running}>
          <i className="fas fa-plug mr-1" aria-hidden="true" />
          {running ? 'Testando…' : 'Executar autoteste'}
        </button>
      </div>
      <p className="text-down-01">
        O servidor testa o endereço, as portas RTSP e HTTP, o login e o vídeo da câmera e captura uma imagem. Leva até uns 20 segundos.
      </p>
      {running && (
        <div className="d-flex align-items-center my-2" role="status">
          <span className="br-loading small mr-2" aria-hidden="true" />
          <span>Testando a câmera…</span>
        </div>
      )}
      <ApiErrorMessage error={error} />
      {latest && <SelfTestResult cameraId={cameraId} test={latest} />}
      {!latest && !history.loading && <p>Nenhum autoteste executado ainda.</p>}
    </section>
  );
}

function SelfTestResult({ cameraId, test }: { cameraId: string; test: CameraSelfTest }) {
  return (
    <div data-testid="self-test-result" data-ok={String(test.ok)}>
      {test.ok ? (
        <Message kind="success" title="Câmera aprovada no autoteste.">
          Testada em {formatDateTime(test.finishedAt)}.
        </Message>
      ) : (
        <Message kind="warning" title="A câmera não passou no autoteste.">
          Testada em {formatDateTime(test.finishedAt)}. Veja abaixo o que corrigir.
        </Message>
      )}
      <ol className="list-unstyled" aria-label="Etapas do autoteste">
        {test.steps.map((s) => (
          <li key={s.key} className="mb-2" data-step={s.key} data-outcome={s.outcome}>
            <i className={`fas ${outcomeIcon[s.outcome]} mr-2`} aria-hidden="true" />
            <strong>{s.label}</strong>: {outcomeLabel[s.outcome]}
            <span className="text-down-01 ml-1">({Math.round(s.durationMs)} ms)</span>
            {s.hint && <div className="text-down-01 ml-4">{s.hint}</div>}
          </li>
        ))}
      </ol>
      {test.stream && (
        <p>
          Vídeo: <strong>{test.stream.codec.toUpperCase()}</strong> {test.stream.width}×{test.stream.height}
          {test.stream.fps ? `, ${test.stream.fps} quadros/s` : ''}
        </p>
      )}
      {test.hasSnapshot && (
        <figure>
          <img
            src={snapshotUrl(cameraId, test.id)}
            alt="Imagem capturada pela câmera no autoteste"
            style={{ maxWidth: '100%', maxHeight: 360 }}
          />
          <figcaption className="text-down-01">Imagem capturada no autoteste.</figcaption>
        </figure>
      )}
    </div>
  );
}
