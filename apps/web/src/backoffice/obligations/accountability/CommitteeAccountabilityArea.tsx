import type { AccountabilityReport } from '@vigia/contracts';
import { type FormEvent, useCallback, useState } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { SelectField } from '../../../shared/components/SelectField';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { TextField } from '../../../shared/components/TextField';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { NotFound } from '../../../shared/pages/NotFound';
import { getReport, listReports, requestReport, reviewReport } from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { TermSelect } from '../shared/TermSelect';
import { useWrite } from '../shared/use-write';
import { ReportFacts } from './ReportFacts';
import { ReportsTable } from './ReportsTable';

const base = paths.committeeAccountability;

/** SESP: request reports or open a special audit (Art. 19 §1), review them (Art. 19 §3–4). */
export function CommitteeAccountabilityArea() {
  return (
    <Routes>
      <Route index element={<ReportsPage />} />
      <Route path=":reportId" element={<ReviewPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function in30Days(): string {
  return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
}

function ReportsPage() {
  useDocumentTitle('Prestação de contas');
  const { data: reports, error, loading } = useApiData(listReports);
  const navigate = useNavigate();
  const [termId, setTermId] = useState('');
  const [kind, setKind] = useState<'requested' | 'special_audit'>('requested');
  const [dueOn, setDueOn] = useState(in30Days());
  const [reason, setReason] = useState('');
  const write = useWrite<AccountabilityReport>((r) => navigate(`${base}/${r.id}`));
  function submit(e: FormEvent) {
    e.preventDefault();
    void write.run(() => requestReport({ termId, kind, dueOn, reason: reason.trim() }));
  }
  return (
    <>
      <Breadcrumb items={[{ label: 'Prestação de contas' }]} />
      <h1>Prestação de contas</h1>
      <p>
        Relatórios dos parceiros sobre o uso dos equipamentos cedidos (Decreto nº 1.522/2022, art. 19). A prestação final é aberta
        automaticamente ao fim da cooperação, com prazo de 90 dias.
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando prestações de contas…" />}
      {reports && <ReportsTable reports={reports} base={base} />}
      <Card id="request-report-title" title="Solicitar prestação de contas ou tomada de contas especial">
        <ApiErrorMessage error={write.error} />
        <form onSubmit={submit} noValidate aria-label="Solicitar prestação de contas" className="vigia-form-grid">
          <TermSelect id="report-term" value={termId} onChange={setTermId} activeOnly={false} error={write.error?.fieldMessage('termId')} />
          <SelectField
            id="report-kind"
            label="Tipo"
            value={kind}
            onChange={(v) => setKind(v as 'requested')}
            options={[
              { value: 'requested', label: 'Prestação de contas solicitada pela SESP' },
              { value: 'special_audit', label: 'Tomada de contas especial (art. 19, § 1º)' },
            ]}
          />
          <TextField
            id="report-due"
            type="date"
            label="Prazo para envio"
            value={dueOn}
            onChange={setDueOn}
            error={write.error?.fieldMessage('dueOn')}
          />
          <TextAreaField
            id="report-reason"
            label="Motivo"
            hint="Mínimo de 10 caracteres."
            value={reason}
            onChange={setReason}
            error={write.error?.fieldMessage('reason')}
          />
          <div>
            <button className="br-button primary" type="submit" disabled={write.busy || !termId}>
              Solicitar
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}

function ReviewPage() {
  const { reportId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getReport(reportId, signal), [reportId]);
  const { data: report, error, loading, setData } = useApiData(load);
  useDocumentTitle('Análise da prestação de contas');
  const [decision, setDecision] = useState<'approve' | 'request_corrections' | 'reject' | ''>('');
  const [reasons, setReasons] = useState('');
  const [endCooperation, setEndCooperation] = useState(false);
  const [openSanction, setOpenSanction] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const write = useWrite<AccountabilityReport>((r) => {
    setData(() => r);
    setNotice('Análise registrada e comunicada ao parceiro.');
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!decision) return;
    void write.run(() =>
      reviewReport(reportId, {
        decision,
        reasons: reasons.trim(),
        endCooperation: decision === 'reject' && endCooperation,
        openSanction: decision === 'reject' && openSanction,
      }),
    );
  }
  return (
    <>
      <Breadcrumb items={[{ label: 'Prestação de contas', to: base }, { label: 'Análise' }]} />
      <h1>Análise da prestação de contas</h1>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {notice && <Message kind="success">{notice}</Message>}
      {report && (
        <>
          <ReportFacts report={report} />
          <section className="mt-3" aria-label="Relato do parceiro">
            <h2 className="h4">Relato do parceiro</h2>
            <h3 className="h5">Atividades</h3>
            <p style={{ whiteSpace: 'pre-wrap' }}>{report.activities || 'Não informado.'}</p>
            <h3 className="h5">Resultados</h3>
            <p style={{ whiteSpace: 'pre-wrap' }}>{report.results || 'Não informado.'}</p>
          </section>
          {report.status === 'submitted' && (
            <Card id="review-title" title="Decisão (art. 19, §§ 3º–4º)">
              <ApiErrorMessage error={write.error} />
              <form onSubmit={submit} noValidate aria-label="Análise da prestação de contas">
                <fieldset className="mb-2">
                  <legend className="vigia-label">Decisão</legend>
                  {(
                    [
                      ['approve', 'Aprovar'],
                      ['request_corrections', 'Solicitar correções'],
                      ['reject', 'Rejeitar'],
                    ] as const
                  ).map(([value, label]) => (
                    <div className="vigia-choice" key={value}>
                      <input
                        id={`review-${value}`}
                        type="radio"
                        name="review-decision"
                        checked={decision === value}
                        onChange={() => setDecision(value)}
                      />
                      <label htmlFor={`review-${value}`}>{label}</label>
                    </div>
                  ))}
                </fieldset>
                {decision === 'reject' && (
                  <>
                    <div className="br-checkbox">
                      <input
                        id="review-end"
                        type="checkbox"
                        checked={endCooperation}
                        onChange={(e) => setEndCooperation(e.target.checked)}
                      />
                      <label htmlFor="review-end">Encerrar a cooperação por uso indevido (art. 19, § 3º)</label>
                    </div>
                    <div className="br-checkbox">
                      <input
                        id="review-sanction"
                        type="checkbox"
                        checked={openSanction}
                        onChange={(e) => setOpenSanction(e.target.checked)}
                      />
                      <label htmlFor="review-sanction">Abrir processo de sanção (art. 19, § 4º, e art. 30)</label>
                    </div>
                  </>
                )}
                <TextAreaField
                  id="review-reasons"
                  label="Fundamentação"
                  hint="Obrigatória para solicitar correções ou rejeitar."
                  value={reasons}
                  onChange={setReasons}
                  error={write.error?.fieldMessage('reasons')}
                />
                <button className="br-button primary mt-2" type="submit" disabled={write.busy || !decision}>
                  Registrar análise
                </button>
              </form>
            </Card>
          )}
        </>
      )}
    </>
  );
}
