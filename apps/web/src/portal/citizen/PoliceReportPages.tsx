import { type PoliceReport, policeReportKindLabels, policeReportKinds } from '@vigia/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../shared/api/api-error';
import { ApiErrorMessage } from '../../shared/components/ApiErrorMessage';
import { Loading } from '../../shared/components/Loading';
import { Message } from '../../shared/components/Message';
import { TextAreaField } from '../../shared/components/TextAreaField';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../shared/layout/Breadcrumb';
import { CodeVerificationForm } from './CodeVerificationForm';
import {
  fetchCitizenSession,
  fetchMyPoliceReport,
  fetchMyPoliceReports,
  policeReportPdfUrl,
  signInUrl,
  verifyPoliceReport,
  writeToStation,
} from './citizen-api';
import { QuickExit } from './QuickExit';
import { useVerificationByCode } from './use-verification-by-code';

const crumbs = (last?: string) => [
  { label: 'Serviços ao cidadão', to: '/cidadao' },
  ...(last ? [{ label: 'Delegacia Virtual', to: '/cidadao/ocorrencias' }, { label: last }] : [{ label: 'Delegacia Virtual' }]),
];

/** The clocks both sides see: the station's analysis, the citizen's answer, CPP art. 38 and Lei 11.340. */
export function PoliceReportClocks({ r }: { r: PoliceReport }) {
  return (
    <dl className="vigia-facts">
      {r.urgent && (r.status === 'submitted' || r.status === 'info_requested') && (
        <>
          <dt>Prioridade</dt>
          <dd>Urgente — atendimento imediato, sem prazo de espera (Lei 13.812/2019)</dd>
        </>
      )}
      {r.deadlineAt && !r.urgent && (
        <>
          <dt>{r.status === 'info_requested' ? 'Responda até' : 'Análise da delegacia até'}</dt>
          <dd>{formatDateTime(r.deadlineAt)}</dd>
        </>
      )}
      {r.representationDeadlineAt && (
        <>
          <dt>Prazo para representar (CPP, art. 38)</dt>
          <dd data-testid="representation-deadline">
            Até {formatDateTime(r.representationDeadlineAt)}: 6 meses contados do fato (ou do dia em que você soube quem é o autor). Sem a
            representação, o autor não pode ser processado.
          </dd>
        </>
      )}
      {r.protectiveMeasureDueAt && (
        <>
          <dt>Medidas protetivas (Lei 11.340, art. 12, III)</dt>
          <dd>
            {r.protectiveMeasureForwardedAt
              ? `Pedido remetido ao juiz em ${formatDateTime(r.protectiveMeasureForwardedAt)}`
              : `A delegacia remete o pedido ao juiz até ${formatDateTime(r.protectiveMeasureDueAt)}`}
          </dd>
        </>
      )}
    </dl>
  );
}

/** /cidadao/ocorrencias — the kinds of report and the citizen's own reports. */
export function PoliceReportsHome() {
  useDocumentTitle('Delegacia Virtual');
  const session = useApiData(useCallback((signal: AbortSignal) => fetchCitizenSession(signal), []));
  const signedIn = !!session.data?.citizen;
  const load = useCallback(
    (signal: AbortSignal) => (signedIn ? fetchMyPoliceReports(signal) : Promise.resolve({ reports: [] })),
    [signedIn],
  );
  const mine = useApiData(load);
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={crumbs()} />
      <h1>Delegacia Virtual da Polícia Civil</h1>
      <p>
        Registre pela internet um boletim de ocorrência ou faça o pré-registro de outra ocorrência, que será concluída na delegacia que você
        escolher. Em emergência, ligue 190.
      </p>
      {!session.loading && !signedIn && (
        <p>
          <a className="br-button primary" href={signInUrl('/cidadao/ocorrencias')}>
            Entrar com gov.br
          </a>
        </p>
      )}
      <h2>Registrar</h2>
      <ul>
        {policeReportKinds.map((k) => (
          <li key={k}>
            <Link to={`/cidadao/ocorrencias/nova?tipo=${k}`}>{policeReportKindLabels[k]}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/cidadao/ocorrencias/verificar">Autenticar um boletim de ocorrência</Link>
      </p>
      {signedIn && (
        <>
          <h2>Meus boletins de ocorrência</h2>
          <ApiErrorMessage error={mine.error} />
          {mine.loading ? (
            <Loading />
          ) : mine.data?.reports.length ? (
            <table className="br-table">
              <thead>
                <tr>
                  <th>Protocolo</th>
                  <th>Tipo</th>
                  <th>Situação</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {mine.data.reports.map((r) => (
                  <tr key={r.id}>
                    <td>{r.protocol}</td>
                    <td>{r.kindLabel}</td>
                    <td>{r.statusLabel}</td>
                    <td>
                      <Link to={r.status === 'draft' ? `/cidadao/ocorrencias/nova?rascunho=${r.id}` : `/cidadao/ocorrencias/${r.id}`}>
                        {r.status === 'draft' ? 'Continuar' : 'Abrir'}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>Nenhum boletim de ocorrência.</p>
          )}
        </>
      )}
    </div>
  );
}

/** /cidadao/ocorrencias/:id — one own report: situation, clocks, messages with the station, PDF. */
export function PoliceReportDetail() {
  const { id = '' } = useParams();
  useDocumentTitle('Boletim de ocorrência');
  const [r, setR] = useState<PoliceReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(() => fetchMyPoliceReport(id).then(setR, (e) => setError(toApiError(e))), [id]);
  useEffect(() => {
    // The citizen session also gives this page its CSRF token (for the messages).
    void fetchCitizenSession().then(refresh, (e) => setError(toApiError(e)));
  }, [refresh]);
  // The PDF is rendered after the validation: read the report again until it is ready.
  useEffect(() => {
    if (r?.status !== 'validated' || r.pdfReady) return;
    const timer = setTimeout(() => void refresh(), 2000);
    return () => clearTimeout(timer);
  }, [r, refresh]);
  async function send() {
    setBusy(true);
    setError(null);
    try {
      setR(await writeToStation(id, text));
      setText('');
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  if (!r) return error ? <ApiErrorMessage error={error} /> : <Loading />;
  const open = r.status === 'submitted' || r.status === 'info_requested';
  return (
    <div className="container-lg vigia-main-area">
      {r.content.domesticViolence && <QuickExit />}
      <Breadcrumb items={crumbs(r.protocol)} />
      <h1>
        {r.kindLabel} — protocolo {r.protocol}
      </h1>
      <p>
        Situação: <strong data-testid="police-report-status">{r.statusLabel}</strong>
        {r.station && ` — ${r.station.name}, ${r.station.municipality}`}
      </p>
      <PoliceReportClocks r={r} />
      {r.status === 'refused' && (
        <Message kind="warning" title="Motivos">
          {r.answer}
        </Message>
      )}
      {r.status === 'validated' && (
        <Message kind="success" title="Boletim de ocorrência registrado">
          Nº <strong data-testid="police-report-number">{r.reportNumber}</strong>, código de autenticação{' '}
          <strong data-testid="police-report-code">{r.code}</strong>.{' '}
          {r.pdfReady ? <a href={policeReportPdfUrl(r.id)}>Baixar PDF</a> : 'PDF em geração…'}
        </Message>
      )}
      <h2>Mensagens com a delegacia</h2>
      {r.messages.length ? (
        <ul aria-label="Mensagens">
          {r.messages.map((m) => (
            <li key={m.id}>
              <strong>{m.from === 'police' ? 'Delegacia' : 'Você'}</strong> ({formatDateTime(m.at)}): {m.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nenhuma mensagem.</p>
      )}
      <ApiErrorMessage error={error} />
      {open && (
        <>
          <TextAreaField
            id="citizen-message"
            label={r.status === 'info_requested' ? 'Sua resposta à delegacia' : 'Mensagem à delegacia'}
            value={text}
            onChange={setText}
            maxLength={4000}
          />
          <button type="button" className="br-button primary mt-2" disabled={busy || text.trim().length < 2} onClick={() => void send()}>
            Enviar mensagem
          </button>
        </>
      )}
    </div>
  );
}

/** /cidadao/ocorrencias/verificar?codigo= — authenticity of a police report (minimum data). */
export function PoliceReportVerificationPage() {
  useDocumentTitle('Autenticar boletim de ocorrência');
  const check = useVerificationByCode(verifyPoliceReport);
  const { result } = check;
  return (
    <div className="container-lg vigia-main-area">
      <Breadcrumb items={crumbs('Autenticar')} />
      <h1>Autenticar boletim de ocorrência</h1>
      <CodeVerificationForm id="police-report-code-check" check={check} />
      {result && (
        <section className="br-card p-3 mt-3" aria-label="Resultado da verificação">
          <p className="text-weight-bold" data-testid="police-report-valid">
            Boletim de ocorrência autêntico.
          </p>
          <dl className="vigia-facts">
            <dt>Número</dt>
            <dd>{result.reportNumber}</dd>
            <dt>Natureza</dt>
            <dd>{result.kindLabel}</dd>
            <dt>Unidade</dt>
            <dd>{result.station ?? 'Delegacia Virtual'}</dd>
            <dt>Registrado em</dt>
            <dd>{formatDateTime(result.registeredAt)}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}
