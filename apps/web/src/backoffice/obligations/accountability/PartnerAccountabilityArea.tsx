import { type FormEvent, useCallback, useState } from 'react';
import { Route, Routes, useParams } from 'react-router-dom';
import { type ApiError, toApiError } from '../../../shared/api/api-error';
import { ApiErrorMessage } from '../../../shared/components/ApiErrorMessage';
import { FileField } from '../../../shared/components/FileField';
import { Loading } from '../../../shared/components/Loading';
import { Message } from '../../../shared/components/Message';
import { TextAreaField } from '../../../shared/components/TextAreaField';
import { useApiData } from '../../../shared/hooks/use-api-data';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { Breadcrumb } from '../../../shared/layout/Breadcrumb';
import { NotFound } from '../../../shared/pages/NotFound';
import { getReport, listReports, saveReport, submitReport, uploadObligationFile } from '../obligations-api';
import { paths } from '../paths';
import { Card } from '../shared/Card';
import { ReportFacts } from './ReportFacts';
import { ReportsTable } from './ReportsTable';

const base = paths.partnerAccountability;

/** Partner: fill the accountability report (prefilled facts + activities, results, photos) and submit it (Art. 19). */
export function PartnerAccountabilityArea() {
  return (
    <Routes>
      <Route index element={<MyReportsPage />} />
      <Route path=":reportId" element={<EditReportPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function MyReportsPage() {
  useDocumentTitle('Prestação de contas');
  const { data: reports, error, loading } = useApiData(listReports);
  return (
    <>
      <Breadcrumb items={[{ label: 'Prestação de contas' }]} />
      <h1>Prestação de contas</h1>
      <p>
        Relatórios sobre o uso dos equipamentos cedidos pelo Estado (Decreto nº 1.522/2022, art. 19). Os dados da plataforma já vêm
        preenchidos.
      </p>
      <ApiErrorMessage error={error} />
      {loading && <Loading label="Carregando prestações de contas…" />}
      {reports && <ReportsTable reports={reports} base={base} />}
    </>
  );
}

function EditReportPage() {
  const { reportId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getReport(reportId, signal), [reportId]);
  const { data: report, error, loading, setData } = useApiData(load);
  useDocumentTitle('Prestação de contas');
  const [draft, setDraft] = useState<{ activities: string; results: string } | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const activities = draft?.activities ?? report?.activities ?? '';
  const results = draft?.results ?? report?.results ?? '';
  const editable = report && (report.status === 'pending' || report.status === 'corrections_requested');

  async function save(andSubmit: boolean) {
    if (!report) return;
    setBusy(true);
    setWriteError(null);
    setNotice(null);
    try {
      const uploaded: string[] = [];
      for (const p of photos) uploaded.push((await uploadObligationFile(p)).id);
      let r = await saveReport(report.id, { activities, results, photoFileIds: [...report.photoFileIds, ...uploaded] });
      setPhotos([]);
      if (andSubmit) r = await submitReport(report.id);
      setData(() => r);
      setDraft(null);
      setNotice(andSubmit ? 'Prestação de contas enviada à SESP para análise.' : 'Rascunho salvo.');
    } catch (e) {
      setWriteError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    void save(true);
  }

  return (
    <>
      <Breadcrumb items={[{ label: 'Prestação de contas', to: base }, { label: 'Relatório' }]} />
      <h1>Prestação de contas</h1>
      <ApiErrorMessage error={error} />
      {loading && <Loading />}
      {notice && <Message kind="success">{notice}</Message>}
      {report && (
        <>
          {editable && (
            <Card id="report-edit-title" title="Relato do parceiro">
              <ApiErrorMessage error={writeError} />
              <form onSubmit={submit} noValidate aria-label="Relato da prestação de contas">
                <TextAreaField
                  id="report-activities"
                  label="Atividades realizadas"
                  hint="Como as câmeras cedidas foram instaladas, mantidas e usadas."
                  value={activities}
                  onChange={(v) => setDraft({ activities: v, results })}
                  error={writeError?.fieldMessage('activities')}
                  maxLength={20000}
                />
                <TextAreaField
                  id="report-results"
                  label="Resultados alcançados"
                  value={results}
                  onChange={(v) => setDraft({ activities, results: v })}
                  error={writeError?.fieldMessage('results')}
                  maxLength={20000}
                />
                <FileField
                  id="report-photo"
                  label="Adicionar foto"
                  accept=".jpg,.jpeg,.png,image/jpeg,image/png"
                  hint="JPEG ou PNG."
                  onSelect={(f) => f && setPhotos((p) => [...p, f])}
                />
                {photos.length > 0 && <p className="mt-1">{photos.length} foto(s) a enviar ao salvar.</p>}
                <div className="mt-3">
                  <button className="br-button secondary mr-2" type="button" disabled={busy} onClick={() => void save(false)}>
                    Salvar rascunho
                  </button>
                  <button className="br-button primary" type="submit" disabled={busy}>
                    {busy ? 'Enviando…' : 'Enviar prestação de contas'}
                  </button>
                </div>
              </form>
            </Card>
          )}
          <ReportFacts report={report} />
          {!editable && (
            <section className="mt-3" aria-label="Relato enviado">
              <h2 className="h4">Relato enviado</h2>
              <h3 className="h5">Atividades</h3>
              <p style={{ whiteSpace: 'pre-wrap' }}>{report.activities}</p>
              <h3 className="h5">Resultados</h3>
              <p style={{ whiteSpace: 'pre-wrap' }}>{report.results}</p>
            </section>
          )}
        </>
      )}
    </>
  );
}
