import type { ExportJob } from '@vigia/contracts';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { SelectField } from '../../shared/components/SelectField';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { TextField } from '../../shared/components/TextField';
import { formatBytes, formatDateTime } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { listCameraOptions } from '../api/cameras-api';
import { CameraSearch } from '../cameras/CameraSearch';
import { useCameraNames } from '../cameras/use-camera-names';
import { useCameraPages } from '../cameras/use-camera-pages';
import { listExports, requestExport } from './exports-api';

const statusLabel: Record<ExportJob['status'], string> = { queued: 'Na fila', running: 'Montando', ready: 'Pronto', failed: 'Falhou' };

/** `datetime-local` value (Cuiabá, UTC−4; seconds optional) → ISO UTC. */
const cuiabaToIso = (v: string) => new Date(`${v.length === 16 ? `${v}:00` : v}-04:00`).toISOString();
const isoToCuiaba = (d: Date) => new Date(d.getTime() - 4 * 3_600_000).toISOString().slice(0, 19);

/** Evidence export: request (camera + period + reason), progress, download of the signed ZIP. */
export function ExportsPage() {
  useDocumentTitle('Exportação de gravações');
  const [params] = useSearchParams();
  const cams = useCameraPages(listCameraOptions);
  const [jobs, setJobs] = useState<ExportJob[] | null>(null);
  const preset = params.get('camera') ?? '';
  const presetName = useCameraNames([preset]);
  const [cameraId, setCameraId] = useState(preset);
  const now = Date.now();
  const [from, setFrom] = useState(
    params.get('from') ? isoToCuiaba(new Date(params.get('from')!)) : isoToCuiaba(new Date(now - 3_600_000)),
  );
  const [to, setTo] = useState(params.get('to') ? isoToCuiaba(new Date(params.get('to')!)) : isoToCuiaba(new Date(now - 3_000_000)));
  const [reason, setReason] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const refresh = useCallback(() => listExports().then(setJobs, (e: unknown) => setError(toApiError(e))), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const busy = jobs?.some((j) => j.status === 'queued' || j.status === 'running') ?? false;
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(() => void refresh(), 2000);
    return () => clearInterval(t);
  }, [busy, refresh]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await requestExport({
        cameraIds: [cameraId],
        from: cuiabaToIso(from),
        to: cuiabaToIso(to),
        reason,
        ...(caseNumber.trim() ? { caseNumber } : {}),
      });
      setReason('');
      await refresh();
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <>
      <h1>Exportação de gravações</h1>
      <p>
        O pacote traz o vídeo MP4 de cada câmera (cópia exata, sem recodificação), o manifesto com o SHA-256 de cada arquivo assinado
        digitalmente (Ed25519), a cadeia de custódia e as instruções de verificação. Cada pedido e cada download ficam registrados na
        auditoria.
      </p>
      <form onSubmit={submit} noValidate className="mb-4" aria-label="Pedir exportação">
        <CameraSearch id="export-camera-search" pages={cams} />
        {cams.loading && !cams.data ? (
          <Loading label="Carregando câmeras…" />
        ) : (
          <SelectField
            id="export-camera"
            label="Câmera"
            value={cameraId}
            onChange={setCameraId}
            placeholder="Escolha a câmera"
            options={[
              // The camera the page was opened for (?camera=), even beyond the first page.
              ...(preset && !cams.data?.some((c) => c.id === preset) ? [{ value: preset, label: presetName(preset) }] : []),
              ...(cams.data ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
            error={error?.fieldMessage('cameraIds')}
            required
          />
        )}
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="export-from"
              type="datetime-local"
              step={1}
              label="Início (horário de Cuiabá)"
              value={from}
              onChange={setFrom}
              error={error?.fieldMessage('from')}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="export-to"
              type="datetime-local"
              step={1}
              label="Fim (horário de Cuiabá)"
              value={to}
              onChange={setTo}
              error={error?.fieldMessage('to')}
              hint="Até 7 dias por pacote."
            />
          </div>
        </div>
        <TextAreaField
          id="export-reason"
          label="Motivo"
          value={reason}
          onChange={setReason}
          error={error?.fieldMessage('reason')}
          required
          maxLength={2000}
        />
        <TextField id="export-case" label="Número do processo / ocorrência (opcional)" value={caseNumber} onChange={setCaseNumber} />
        <ApiErrorMessage error={error} />
        <button className="br-button primary mt-2" type="submit">
          Pedir exportação
        </button>
      </form>

      <h2 className="h4">Minhas exportações</h2>
      {!jobs ? (
        <Loading label="Carregando exportações…" />
      ) : jobs.length === 0 ? (
        <p>Nenhuma exportação pedida.</p>
      ) : (
        <div className="br-table">
          <table>
            <caption className="sr-only">Exportações pedidas</caption>
            <thead>
              <tr>
                <th scope="col">Câmeras</th>
                <th scope="col">Período</th>
                <th scope="col">Motivo</th>
                <th scope="col">Situação</th>
                <th scope="col">Pacote</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id} data-testid="export-row">
                  <td>{j.cameraNames.join(', ')}</td>
                  <td>
                    {formatDateTime(j.from)} – {formatDateTime(j.to)}
                  </td>
                  <td>
                    {j.reason}
                    {j.caseNumber ? ` (${j.caseNumber})` : ''}
                  </td>
                  <td>
                    {statusLabel[j.status]}
                    {(j.status === 'queued' || j.status === 'running') && (
                      <progress className="d-block" max={100} value={j.progress} aria-label={`Progresso ${j.progress}%`}>
                        {j.progress}%
                      </progress>
                    )}
                    {j.status === 'failed' && <span className="d-block text-danger">{j.error}</span>}
                  </td>
                  <td>
                    {j.downloadUrl ? (
                      <a className="br-button secondary small" href={j.downloadUrl} download>
                        <i className="fas fa-download mr-1" aria-hidden="true" />
                        Baixar ZIP{j.sizeBytes ? ` (${formatBytes(j.sizeBytes)})` : ''}
                      </a>
                    ) : j.releaseDeliveryId ? (
                      'Entregue ao requerente'
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
