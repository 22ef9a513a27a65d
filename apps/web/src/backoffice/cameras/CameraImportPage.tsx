import {
  type CameraImportReport,
  cameraImportColumns,
  cameraImportLimits,
  cameraImportOutcomeLabels,
  clientImportColumns,
} from '@vigia/contracts';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Message } from '../../shared/components/Message';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { importSpreadsheet, importTemplateUrl } from '../api/cameras-api';
import { useSession } from '../session/session-context';
import { ImportReportTable } from './ImportReportTable';
import { PartnerChoice } from './PartnerChoice';

type Phase = { kind: 'idle' } | { kind: 'uploading'; fraction: number } | { kind: 'checking' };

/**
 * Bulk import of the installer's spreadsheet (guide §05). All or nothing: the server validates
 * every row first and creates the cameras only if all rows pass; the report says row by row why.
 * An integrator imports, by default, the spreadsheet of its clients and their cameras (issue 18):
 * the client columns come first, each client is created or linked and asked to consent by e-mail.
 */
export function CameraImportPage() {
  useDocumentTitle('Importar planilha de câmeras');
  const { me, activeRole } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [partnerId, setPartnerId] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [report, setReport] = useState<CameraImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = phase.kind !== 'idle';
  const integrator = activeRole === 'integrator';
  const [clients, setClients] = useState(true);
  const withClients = integrator && clients;
  const columns = withClients ? [...clientImportColumns, ...cameraImportColumns] : cameraImportColumns;

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setReport(null);
    if (file.size > cameraImportLimits.maxBytes) {
      setError(
        new ApiError(
          413,
          'PAYLOAD_TOO_LARGE',
          `A planilha excede o tamanho máximo permitido (${cameraImportLimits.maxBytes / 1048576} MB).`,
        ),
      );
      return;
    }
    setPhase({ kind: 'uploading', fraction: 0 });
    try {
      const result = await importSpreadsheet(file, { dryRun, clients: withClients, ...(partnerId ? { partnerId } : {}) }, (fraction) =>
        setPhase(fraction >= 1 ? { kind: 'checking' } : { kind: 'uploading', fraction }),
      );
      setReport(result);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  const percent = phase.kind === 'uploading' ? Math.round(phase.fraction * 100) : phase.kind === 'checking' ? 100 : 0;

  return (
    <>
      <Breadcrumb items={[{ label: 'Câmeras', to: '/cameras' }, { label: 'Importar planilha' }]} />
      <h1>Importar planilha de câmeras</h1>
      <p>
        Peça ao técnico que instalou as câmeras que preencha o modelo, uma câmera por linha (até {cameraImportLimits.maxRows} linhas,
        arquivo de até {cameraImportLimits.maxBytes / 1048576} MB). <strong>Se alguma linha tiver problema, nada é importado</strong>: o
        relatório mostra cada linha recusada e o motivo; corrija e envie de novo.
      </p>
      {integrator && (
        <fieldset className="mb-3">
          <legend className="h6">O que a planilha traz</legend>
          <div className="br-radio">
            <input
              id="import-kind-clients"
              type="radio"
              name="import-kind"
              checked={clients}
              onChange={() => {
                setClients(true);
                setReport(null);
              }}
            />
            <label htmlFor="import-kind-clients">Clientes e suas câmeras (com as colunas do cliente)</label>
          </div>
          <div className="br-radio">
            <input
              id="import-kind-own"
              type="radio"
              name="import-kind"
              checked={!clients}
              onChange={() => {
                setClients(false);
                setReport(null);
              }}
            />
            <label htmlFor="import-kind-own">Câmeras próprias da empresa</label>
          </div>
          {clients && (
            <p className="text-down-01 mt-1">
              Cada cliente (pessoa por CPF, empresa ou condomínio por CNPJ) é incluído na carteira — um CPF/CNPJ já cadastrado é vinculado —
              e recebe por e-mail o link para autorizar o compartilhamento. As câmeras só transmitem depois da autorização do cliente.
            </p>
          )}
        </fieldset>
      )}
      <div className="d-flex flex-wrap mb-3">
        <a className="br-button secondary mr-2 mb-2" href={importTemplateUrl('xlsx', withClients)} download>
          <i className="fas fa-file-excel mr-1" aria-hidden="true" />
          Baixar modelo (XLSX)
        </a>
        <a className="br-button secondary mb-2" href={importTemplateUrl('csv', withClients)} download>
          <i className="fas fa-file-csv mr-1" aria-hidden="true" />
          Baixar modelo (CSV)
        </a>
      </div>
      <details className="mb-3">
        <summary>Colunas do modelo</summary>
        <div className="br-table">
          <table aria-label="Colunas do modelo">
            <thead>
              <tr>
                <th scope="col">Coluna</th>
                <th scope="col">Obrigatória</th>
                <th scope="col">O que informar</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => (
                <tr key={c.key}>
                  <td>{c.header}</td>
                  <td>{c.required ? 'Sim' : 'Não'}</td>
                  <td>{c.help}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <form onSubmit={onSubmit} aria-label="Enviar planilha">
        {!withClients && <PartnerChoice id="import-partner" me={me} role={activeRole} value={partnerId} onChange={setPartnerId} />}
        <div className="br-upload mb-3">
          <label className="upload-label" htmlFor="import-file">
            Planilha preenchida (XLSX ou CSV)
          </label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setError(null);
            }}
            disabled={busy}
          />
        </div>
        <div className="d-flex flex-wrap mb-3">
          <button type="button" className="br-button secondary mr-2" disabled={!file || busy} onClick={() => void send(true)}>
            Somente validar
          </button>
          <button type="submit" className="br-button primary" disabled={!file || busy}>
            <i className="fas fa-file-import mr-1" aria-hidden="true" />
            Importar
          </button>
        </div>
      </form>

      {busy && (
        <div className="mb-3" role="status" aria-live="polite">
          <label htmlFor="import-progress" className="d-block">
            {phase.kind === 'uploading' ? `Enviando a planilha… ${percent}%` : 'Validando todas as linhas…'}
          </label>
          <progress id="import-progress" className="vigia-progress" max={100} value={phase.kind === 'checking' ? undefined : percent} />
        </div>
      )}

      <ApiErrorMessage error={error} />
      {report && (
        <section aria-labelledby="import-report-title">
          <h2 id="import-report-title" className="h4">
            Relatório da importação
          </h2>
          <Message kind={report.outcome === 'refused' ? 'danger' : 'success'} title={cameraImportOutcomeLabels[report.outcome]}>
            {report.totalRows} linha(s) lida(s) de {report.fileName}; {report.createdCount} câmera(s) cadastrada(s); {report.refusedCount}{' '}
            linha(s) recusada(s).
          </Message>
          {report.outcome === 'imported' && !report.clients && (
            <p>
              <Link to="/cameras">Ver as câmeras cadastradas</Link> e executar o autoteste de cada uma.
            </p>
          )}
          {report.clients && report.clients.length > 0 && (
            <div className="br-table mb-3">
              <table aria-label="Clientes da planilha">
                <thead>
                  <tr>
                    <th scope="col">Cliente</th>
                    <th scope="col">CPF/CNPJ</th>
                    <th scope="col">Câmeras</th>
                    <th scope="col">Cadastro</th>
                    <th scope="col">Autorização</th>
                  </tr>
                </thead>
                <tbody>
                  {report.clients.map((c) => (
                    <tr key={c.document}>
                      <td>{c.name}</td>
                      <td>{c.document}</td>
                      <td>{c.cameraCount}</td>
                      <td>{c.created === null ? '—' : c.created ? 'Novo cliente' : 'Já cadastrado (vinculado)'}</td>
                      <td>{c.consentId ? `Link enviado para ${c.email} — aguardando o cliente` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {report.outcome === 'imported' && report.clients && (
            <p>
              <Link to="/integradora/parceiros">Acompanhar as autorizações dos clientes</Link> e executar os autotestes em lote.
            </p>
          )}
          <ImportReportTable report={report} />
        </section>
      )}
    </>
  );
}
